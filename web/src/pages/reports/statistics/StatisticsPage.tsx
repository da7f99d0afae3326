// 统计分析: pick a report (grouped by pillar), a period, a region and a department and a grouping; the page shows the
// figures with 同比 and 环比 as a chart and a table whose numbers open the records behind them, and exports Excel.
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Grid, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../../components/list/ExportButton';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { PeriodPicker, periodAround, type PeriodKind } from './PeriodPicker';
import { StatisticsChart } from './StatisticsChart';
import { StatisticsTable } from './StatisticsTable';
import { reportPath, useCatalogue, useReport, type ReportInfo } from './statisticsApi';

const DEFAULT_REPORT = 'hazards.overview';

export default function StatisticsPage() {
  const [search, setSearch] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const catalogue = useCatalogue();
  const reports = catalogue.data?.reports ?? [];
  const set = (patch: Record<string, string | undefined>) => setSearch((p) => {
    const n = new URLSearchParams(p);
    for (const [k, v] of Object.entries(patch)) { if (v) n.set(k, v); else n.delete(k); }
    return n;
  }, { replace: true });

  const key = search.get('report') ?? (reports.some((r) => r.key === DEFAULT_REPORT) ? DEFAULT_REPORT : reports[0]?.key);
  const report: ReportInfo | undefined = reports.find((r) => r.key === key);
  const kind = (search.get('kind') ?? 'half') as PeriodKind;
  const around = periodAround(kind === 'custom' ? 'half' : kind, dayjs());
  const from = search.get('from') ?? around.from;
  const to = search.get('to') ?? around.to;
  const regionCode = search.get('regionCode') ?? undefined;
  const orgId = search.get('orgId') ?? undefined;
  const groupBy = report && report.groupBys.some((g) => g.key === search.get('groupBy')) ? search.get('groupBy')! : report?.defaultGroupBy;
  const params = { from, to, groupBy, regionCode, orgId };
  const run = useReport(report?.key, params);
  const result = run.data && run.data.report.key === report?.key ? run.data : undefined;
  const [measureChoice, setMeasure] = useState<string>();
  const measure = report?.measures.some((m) => m.key === measureChoice) ? measureChoice! : report?.measures[0]?.key;

  const options = useMemo(() => {
    const byPillar = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const r of reports) {
      const g = byPillar.get(r.pillar) ?? byPillar.set(r.pillar, { label: r.pillarLabel, options: [] }).get(r.pillar)!;
      g.options.push({ value: r.key, label: r.title });
    }
    return [...byPillar.values()];
  }, [reports]);

  const empty = result && result.rows.length === 0 && Object.values(result.total.cells).every((c) => !c.current);

  return (
    <>
      <PageHeader title="统计分析" extra={report && (
        <ExportButton path={`${reportPath(report.key)}.xlsx`} params={params} name={`${report.title}-${from}至${to}`} what={`“${report.title}”统计表`} />
      )}>
        选择报表、统计周期、区域和部门，查看本期与上年同期（同比）、上一周期（环比）的对比；点击数字可查看对应的明细记录。
      </PageHeader>
      {catalogue.isError && <Alert type="error" showIcon title="报表目录加载失败" description={catalogue.error.message} />}
      {catalogue.data && !reports.length && <Empty description="您的账号没有可查看的统计报表，请联系管理员开通相应业务的查看权限" />}
      {report && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex wrap gap={8} align="center">
            <Select aria-label="统计报表" value={report.key} options={options} style={{ width: phone ? '100%' : 220 }} showSearch={{ optionFilterProp: 'label' }}
              onChange={(v) => set({ report: v, groupBy: undefined })} />
            <PeriodPicker kind={kind} from={from} to={to} onChange={(p) => set({ kind: p.kind, from: p.from, to: p.to })} />
            <div style={{ width: phone ? '100%' : 200 }}>
              <RegionTreeSelect value={regionCode} onChange={(v) => set({ regionCode: v })} placeholder="全部区域" />
            </div>
            <div style={{ width: phone ? '100%' : 200 }}>
              <OrgSelect value={orgId} onChange={(v) => set({ orgId: v })} placeholder="全部部门" />
            </div>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{report.description}</Typography.Paragraph>
        </Card>
      )}
      {run.isError && <Alert type="error" showIcon title="统计失败" description={run.error.message} style={{ marginBottom: 12 }} />}
      {report && (
        <Flex vertical gap={12}>
          <Flex wrap gap={8} justify="space-between" align="center">
            <Segmented aria-label="分组" value={groupBy} options={report.groupBys.map((g) => ({ value: g.key, label: g.label }))}
              onChange={(v) => set({ groupBy: String(v) })} style={{ maxWidth: '100%', overflowX: 'auto' }} />
            {result && (
              <Typography.Text type="secondary" data-testid="statistics-periods">
                {result.scopeLabel}｜本期 {result.period.label}（{result.period.from} 至 {result.period.to}）｜同期 {result.lastYear.label}｜上期 {result.previous.label}
              </Typography.Text>
            )}
          </Flex>
          {empty ? (
            <Card><Empty description="这个周期和范围内还没有记录：换一个统计周期、区域或部门试试" /></Card>
          ) : result && (
            <>
              <Card size="small" title={<Segmented aria-label="图表指标" size="small" value={measure} onChange={(v) => setMeasure(String(v))}
                options={report.measures.map((m) => ({ value: m.key, label: m.label }))} style={{ maxWidth: '100%', overflowX: 'auto' }} />}>
                {result.groupBy === 'none'
                  ? <Typography.Text type="secondary">选择一个分组维度即可看到图表。</Typography.Text>
                  : <StatisticsChart result={result} measure={measure!} height={phone ? 260 : 320} />}
              </Card>
              <StatisticsTable result={result} only={phone ? measure : undefined} loading={run.isFetching} />
            </>
          )}
        </Flex>
      )}
    </>
  );
}
