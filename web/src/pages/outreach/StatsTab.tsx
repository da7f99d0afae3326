// 统计: the report's figures for a period and region; each figure opens the records behind it. The units' returns
// and the activities recorded here are two labelled sources, never added together (see outreach.stats.ts).
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, DatePicker, Flex, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import type { Static } from '@sinclair/typebox';
import type { Figure, OutreachStats } from '../../../../contracts/outreach';
import type { FigureGroups } from '../../../../contracts/responsibility';
import { PATH } from './shared';

type Groups = Static<typeof FigureGroups>;

/** The report's figures of sections 一 and 二 (责任体系、督查督办、宣传培训演练、防汛), each opening the list that makes it. */
function ReportFigures({ params }: { params: Record<string, string | undefined> }) {
  const q = useQuery({ queryKey: ['/api/responsibility/figures', params], queryFn: () => api.get<Groups>('/api/responsibility/figures', params) });
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return null;
  return (
    <Card size="small" title={`工作总结第一、二部分的数字（${q.data.label}）`} extra={<Typography.Text type="secondary">点击数字查看对应的记录</Typography.Text>}>
      <Flex vertical gap={12}>
        {q.data.groups.map((g) => (
          <div key={g.key}>
            <Typography.Text strong>{g.title}</Typography.Text>
            <Flex wrap gap={24} style={{ marginTop: 4 }}>
              {g.figures.map((f) => (
                <Link key={f.key} to={f.trace?.web ?? '#'} title={f.trace?.query} data-testid={`report-${f.key}`}>
                  <Statistic title={f.label} value={f.value} suffix={f.unit} />
                </Link>
              ))}
            </Flex>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

const Figures = ({ items }: { items: Figure[] }) => (
  <Flex wrap gap={24}>
    {items.map((f) => (
      <Link key={f.key} to={f.link} data-testid={`figure-${f.key}`}><Statistic title={f.label} value={f.value} suffix={f.unit} /></Link>
    ))}
  </Flex>
);

export function StatsTab() {
  // Period and region live in the URL (?from=&to=&regionCode=), so a figure's page can be bookmarked and shared.
  const [search, setSearch] = useSearchParams();
  // Without a chosen period: this year so far, or — when nothing is recorded this year (the demo is of 2022) — the latest year with records.
  const latest = useQuery({ queryKey: [`${PATH}/activities`, 'latest'], queryFn: () => api.get<{ items: { heldOn: string }[] }>(`${PATH}/activities`, { pageSize: 1 }),
    enabled: !search.get('from') });
  const latestYear = latest.data?.items[0]?.heldOn.slice(0, 4);
  const fallback = !search.get('from') && latestYear && Number(latestYear) < dayjs().year() ? latestYear : undefined;
  const from = search.get('from') ?? (fallback ? `${fallback}-01-01` : dayjs().startOf('year').format('YYYY-MM-DD'));
  const to = search.get('to') ?? (fallback ? `${fallback}-12-31` : dayjs().format('YYYY-MM-DD'));
  const region = search.get('regionCode') ?? undefined;
  const set = (o: Record<string, string | undefined>) => setSearch((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(o)) if (v) next.set(k, v); else next.delete(k);
    return next;
  });
  const range: [dayjs.Dayjs, dayjs.Dayjs] = [dayjs(from), dayjs(to)];
  const params = { from, to, regionCode: region };
  const ready = !!search.get('from') || latest.isFetched;
  const q = useQuery({ queryKey: [PATH, 'stats', params], queryFn: () => api.get<OutreachStats>(`${PATH}/stats`, params), enabled: ready });
  const s = q.data;
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <DatePicker.RangePicker presets={[{ label: '2022 年上半年（工作总结）', value: [dayjs('2022-01-01'), dayjs('2022-06-30')] }, { label: '今年', value: [dayjs().startOf('year'), dayjs()] }]} value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })} />
        <div style={{ minWidth: 220 }}><RegionTreeSelect value={region} onChange={(c) => set({ regionCode: c })} placeholder="全部区划" /></div>
      </Space>
      {fallback && <Alert type="info" showIcon title={`${dayjs().year()} 年还没有登记宣传培训记录，显示最近有记录的 ${fallback} 年。可在上方选择其他期间。`} />}
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {ready && <ReportFigures params={params} />}
      {s && (
        <>
          <Card size="small" title={`各单位报表（${s.returns.periods.join('、') || '无'}，宣传教育情况半年报、短信半年报）`}
            extra={<Typography.Text type="secondary">半年报表按所含半年度统计；工作总结中的宣传数字取自这里</Typography.Text>}>
            <Figures items={s.returns.figures} />
          </Card>
          <Card size="small" title={`本平台登记的宣传教育活动（${s.activities.total.value} 场，参加 ${s.activities.participants} 人次）`}
            extra={<Typography.Text type="secondary">与各单位报表分列，不相加，避免重复统计</Typography.Text>}>
            <Flex vertical gap={16}><Figures items={[s.activities.total, ...s.activities.byKind.filter((f) => f.value > 0)]} /><Figures items={s.activities.materials} /></Flex>
          </Card>
          <Card size="small" title="教育培训"><Figures items={[s.training.sessions, ...s.training.byPost, s.training.expiring, s.training.expired]} /></Card>
          <Card size="small" title="应急演练"><Figures items={[s.drills.total, ...s.drills.byKind, s.drills.problems, s.drills.openProblems]} /></Card>
        </>
      )}
    </Flex>
  );
}
