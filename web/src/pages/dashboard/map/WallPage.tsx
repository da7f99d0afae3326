// 大屏: the command centre's wall — a dark, full-screen 一张图 with the big figures around it (open incidents, live alarms,
// warnings in force, people on duty) and the latest alarms and incidents beside it. It listens to the server's events
// (SSE), so a new alarm or incident appears without a reload, and says what just happened in a banner.
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, ConfigProvider, Flex, Spin, theme, Typography } from 'antd';
import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import type { FeatureCollection } from '../../../../../contracts/situation';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import { RegionMap } from '../../../components/map';
import { FeatureCard, Legend } from './SituationMapPage';
import { markersOf, type SituationMarker, timeText, useCatalogue, useLayerData, useSituationEvents, warningAreas, warningCount } from './situationApi';
import './wall.css';

const WALL_LAYERS = ['incidents', 'alarms', 'warnings', 'hazardSources', 'resources', 'shelters'];
const DUTY = '/api/command/duty/current';

interface DutyNow { shift: { label?: string; name?: string }; leaders: { id: string; name: string }[]; officers: { id: string; name: string }[] }

function useClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => { const t = setInterval(() => setNow(new Date()), 1000); return () => clearInterval(t); }, []);
  return now;
}

const clockText = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function WallPage() {
  const me = useMe();
  const catalogue = useCatalogue();
  const layers = useMemo(() => (catalogue.data?.layers ?? []).filter((l) => WALL_LAYERS.includes(l.key)), [catalogue.data]);
  const { data, fetching } = useLayerData(layers, { mode: 'live' });
  const markers = useMemo(() => markersOf(layers, data), [layers, data]);
  const areas = useMemo(() => warningAreas(layers, data), [layers, data]);
  const canDuty = me.permissions.includes('command:read');
  const duty = useQuery({ queryKey: [DUTY], queryFn: () => api.get<DutyNow | null>(DUTY), enabled: canDuty, refetchInterval: 5 * 60_000 });
  const [news, setNews] = useState<{ text: string; at: Date } | null>(null);
  const [updated, setUpdated] = useState(() => new Date());
  const now = useClock();
  const [full, setFull] = useState(false);

  useSituationEvents((type, d) => {
    setUpdated(new Date());
    const x = (d ?? {}) as { message?: string; title?: string; headline?: string; level?: number };
    if (type === 'monitoring.alarm.raised') setNews({ text: `新报警${x.level === 2 ? '（二级）' : ''}：${x.message ?? ''}`, at: new Date() });
    else if (type === 'incident.created') setNews({ text: `新接报事件：${x.title ?? ''}`, at: new Date() });
    else if (type === 'monitoring.warning.issued') setNews({ text: `预警发布：${x.headline ?? ''}`, at: new Date() });
  }, [DUTY]);

  useEffect(() => {
    const h = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', h);
    return () => document.removeEventListener('fullscreenchange', h);
  }, []);

  const fc = (k: string): FeatureCollection | undefined => data.get(k);
  const has = (k: string) => layers.some((l) => l.key === k);
  const dutyPeople = duty.data ? duty.data.leaders.length + duty.data.officers.length : null;
  const figures = [
    { key: 'incidents', label: '未结事件', unit: '起', value: has('incidents') ? fc('incidents')?.total : undefined, link: '/command/incidents', alert: true },
    { key: 'alarms', label: '实时报警', unit: '条', value: has('alarms') ? fc('alarms')?.total : undefined, link: '/monitoring/alarms', alert: true },
    { key: 'warnings', label: '生效预警', unit: '条', value: has('warnings') ? (fc('warnings') ? warningCount(fc('warnings')) : undefined) : undefined, link: '/monitoring/warnings', alert: true },
    { key: 'duty', label: '在岗值班', unit: '人', value: canDuty ? (dutyPeople ?? (duty.isSuccess ? 0 : undefined)) : undefined, link: '/command/duty', alert: false },
  ];
  const latest = (k: string) => [...(fc(k)?.features ?? [])].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '')).slice(0, 8);

  const toggleFull = () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: '#0d2137', colorPrimary: '#3ea6ff' } }}>
      <div className="yj-wall" data-testid="wall">
        <header className="yj-wall-head">
          <div className="yj-wall-title">应急指挥中心 · 综合态势</div>
          <Flex gap={16} align="center" wrap>
            <span className="yj-wall-clock">{clockText(now)}</span>
            <span className="yj-wall-muted">数据更新 {updated.toLocaleTimeString('zh-CN', { hour12: false })}{fetching ? ' · 刷新中' : ''}</span>
            <Button size="small" icon={full ? <CompressOutlined /> : <ExpandOutlined />} onClick={toggleFull}>{full ? '退出全屏' : '全屏'}</Button>
            <Link to="/dashboard/map"><Button size="small">退出大屏</Button></Link>
          </Flex>
        </header>
        {news && <div className="yj-wall-news" role="status" data-testid="wall-news">{timeText(news.at.toISOString())} {news.text}</div>}
        <section className="yj-wall-figures">
          {figures.map((f) => (
            <Link key={f.key} to={f.link} className={`yj-wall-figure${f.alert && (f.value ?? 0) > 0 ? ' yj-wall-figure-alert' : ''}`} data-testid={`wall-figure-${f.key}`}>
              <span className="yj-wall-figure-label">{f.label}</span>
              <span className="yj-wall-figure-value">{f.value ?? '—'}<small>{f.value !== undefined ? f.unit : ''}</small></span>
              {f.key === 'duty' && duty.data && <span className="yj-wall-muted">{[...duty.data.leaders, ...duty.data.officers].map((p) => p.name).join('、') || '本班次未排班'}</span>}
              {f.key === 'duty' && canDuty && duty.isSuccess && !duty.data && <span className="yj-wall-muted">当前无班次</span>}
            </Link>
          ))}
        </section>
        <main className="yj-wall-main">
          <aside className="yj-wall-side">
            <Typography.Title level={5}>最新报警</Typography.Title>
            <List items={latest('alarms')} empty="当前没有未关闭的报警" testid="wall-alarms" />
          </aside>
          <div className="yj-wall-map">
            <Suspense fallback={<Spin />}>
              <RegionMap<SituationMarker> markers={markers} areas={areas} frame="regions" height="100%"
                legend={<Legend layers={layers} markers={markers} dark />} renderCard={(m, close) => <FeatureCard m={m} onClose={close} />} />
            </Suspense>
          </div>
          <aside className="yj-wall-side">
            <Typography.Title level={5}>未结事件</Typography.Title>
            <List items={latest('incidents')} empty="当前没有未结事件" testid="wall-incidents" />
            <Typography.Title level={5} style={{ marginTop: 16 }}>生效预警</Typography.Title>
            <List items={latest('warnings')} empty="当前没有生效的预警" testid="wall-warnings" />
          </aside>
        </main>
      </div>
    </ConfigProvider>
  );
}

function List({ items, empty, testid }: { items: FeatureCollection['features']; empty: string; testid: string }) {
  if (!items.length) return <div className="yj-wall-muted" data-testid={testid}>{empty}</div>;
  return (
    <ul className="yj-wall-list" data-testid={testid}>
      {items.map((f) => (
        <li key={f.id}>
          <Link to={f.link ?? '#'}>{f.name}</Link>
          <div className="yj-wall-muted">{f.at ? timeText(f.at) : ''} {f.note ?? ''}</div>
        </li>
      ))}
    </ul>
  );
}
