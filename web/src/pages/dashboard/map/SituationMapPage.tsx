// 一张图: every pillar's points over the county's regions — the caller's own layers (those its permissions reach), switched
// on and off with their counts, a legend of what the colours mean, clustering of dense points, the time slider for
// incidents, alarms and warnings, and a card with a link to each record. Refreshes when the server reports a change.
import { Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Row, Spin, Tag, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import type { LayerInfo } from '../../../../../contracts/situation';
import { PageHeader } from '../../../components/PageHeader';
import { RegionMap } from '../../../components/map';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { TimeControl } from './TimeControl';
import {
  DEFAULT_ON, markersOf, type SituationMarker, timeText, type TimeWindow, useCatalogue, useLayerData, useSituationEvents, warningAreas, warningCount,
} from './situationApi';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function SituationMapPage() {
  const catalogue = useCatalogue();
  const all = catalogue.data?.layers ?? [];
  const [on, setOn] = useState<string[]>(DEFAULT_ON);
  // The time window lives in the link, so a map of a past day can be sent to someone: ?from=2022-06-20&to=2022-06-22.
  const [search, setSearch] = useSearchParams();
  const time = useMemo<TimeWindow>(() => {
    const from = search.get('from'), to = search.get('to');
    return from && to && DAY.test(from) && DAY.test(to) ? { mode: 'range', from: `${from}T00:00:00+08:00`, to: `${to}T23:59:59+08:00` } : { mode: 'live' };
  }, [search]);
  const setTime = (w: TimeWindow) => setSearch((s) => {
    const next = new URLSearchParams(s);
    if (w.mode === 'range') { next.set('from', w.from.slice(0, 10)); next.set('to', w.to.slice(0, 10)); } else { next.delete('from'); next.delete('to'); }
    return next;
  }, { replace: true });
  const [region, setRegion] = useState<string | undefined>();
  const shown = useMemo(() => all.filter((l) => on.includes(l.key)), [all, on]);
  const { data, fetching, errors } = useLayerData(shown, time, region);
  const markers = useMemo(() => markersOf(shown, data), [shown, data]);
  const areas = useMemo(() => warningAreas(shown, data), [shown, data]);
  useSituationEvents();

  const count = (l: LayerInfo) => {
    const fc = data.get(l.key);
    if (!fc) return null;
    return l.key === 'warnings' ? warningCount(fc) : fc.total;
  };
  const truncated = shown.filter((l) => data.get(l.key)?.truncated);

  return (
    <>
      <PageHeader title="一张图" extra={<Link to="/dashboard/wall"><Button icon={<FullscreenOutlined />}>大屏模式</Button></Link>}>
        全县各条业务线的点位叠加在行政区划图上；勾选图层查看，点击点位查看详情。
      </PageHeader>
      {catalogue.isError && <Alert type="error" showIcon title="图层目录加载失败" description={catalogue.error.message} style={{ marginBottom: 12 }} />}
      {catalogue.data && !all.length && <Empty description="您的账号没有任何业务数据的查看权限，无法显示图层；请联系管理员分配角色。" />}
      {all.length > 0 && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={6} xl={5}>
            <Card size="small" title="图层" data-testid="layer-switcher">
              <Flex vertical gap={10}>
                <Checkbox.Group value={on} onChange={(v) => setOn(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                  {all.map((l) => {
                    const n = count(l);
                    return (
                      <Checkbox key={l.key} value={l.key} data-layer={l.key}>
                        <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: l.kinds[0]?.colour, marginRight: 6 }} />
                        {l.label}
                        {on.includes(l.key) && n !== null && <Typography.Text type="secondary" data-testid={`count-${l.key}`}>（{n}）</Typography.Text>}
                      </Checkbox>
                    );
                  })}
                </Checkbox.Group>
                <Flex gap={8}>
                  <Button size="small" onClick={() => setOn(all.map((l) => l.key))}>全选</Button>
                  <Button size="small" onClick={() => setOn([])}>全不选</Button>
                </Flex>
                <RegionTreeSelect value={region} onChange={(v) => setRegion(v || undefined)} placeholder="全部区域（可选乡镇）" />
                <TimeControl value={time} onChange={setTime} />
                <Typography.Text type="secondary" data-testid="shown-points">地图上 {markers.length} 个点位{fetching ? '，加载中…' : ''}</Typography.Text>
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={18} xl={19}>
            {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title="部分图层加载失败" description={errors.join('；')} />}
            {truncated.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }}
              title={truncated.map((l) => `${l.label}共 ${data.get(l.key)!.total} 个，只显示最重要的 ${data.get(l.key)!.features.length} 个`).join('；') + '；请选择区域缩小范围。'} />}
            {!on.length && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="请在左侧勾选要显示的图层" />}
            <Suspense fallback={<Spin />}>
              <RegionMap<SituationMarker> markers={markers} areas={areas} loading={fetching} frame="regions" height="calc(100vh - 230px)"
                legend={<Legend layers={shown} markers={markers} />}
                renderCard={(m, close) => <FeatureCard m={m} onClose={close} />} />
            </Suspense>
          </Col>
        </Row>
      )}
    </>
  );
}

/** The colours of the shown layers' kinds that are on the map, with how many of each. */
export function Legend({ layers, markers, dark }: { layers: LayerInfo[]; markers: SituationMarker[]; dark?: boolean }) {
  const counts = new Map<string, number>();
  for (const m of markers) counts.set(`${m.layer.key}:${m.feature.kind}`, (counts.get(`${m.layer.key}:${m.feature.kind}`) ?? 0) + 1);
  const rows = layers.flatMap((l) => l.kinds.filter((k) => counts.has(`${l.key}:${k.code}`)).map((k) => ({ l, k, n: counts.get(`${l.key}:${k.code}`)! })));
  if (!rows.length) return null;
  return (
    <Flex vertical gap={2} data-testid="map-legend" style={{ maxHeight: '40vh', overflow: 'auto', color: dark ? '#e6f4ff' : undefined }}>
      {rows.map(({ l, k, n }) => (
        <span key={`${l.key}:${k.code}`} style={{ whiteSpace: 'nowrap' }}>
          <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: k.colour, marginRight: 6, border: '1px solid rgba(0,0,0,0.15)' }} />
          {l.label === k.label ? k.label : `${l.label.replace(/（.*）/, '')} · ${k.label}`} {n}
        </span>
      ))}
    </Flex>
  );
}

/** The card of a clicked point: what it is, its line, its time, and a link to its record. */
export function FeatureCard({ m, onClose }: { m: SituationMarker; onClose: () => void }) {
  const f = m.feature;
  return (
    <Card size="small" title={f.name} extra={<Button size="small" type="text" onClick={onClose} aria-label="关闭">×</Button>} data-testid="feature-card">
      <Flex vertical gap={4}>
        <span><Tag color={m.colour}>{m.kindLabel}</Tag><Typography.Text type="secondary">{m.layer.label}</Typography.Text></span>
        {f.note && <Typography.Text>{f.note}</Typography.Text>}
        {f.at && <Typography.Text type="secondary">时间：{timeText(f.at)}</Typography.Text>}
        {f.link && <Link to={f.link}>查看详情 →</Link>}
      </Flex>
    </Card>
  );
}
