// 隐患统计: found, closed, rectification rate, overdue and major open, grouped by region, sector, source,
// level or month, for a period; filters kept in the URL.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Progress, Row, Segmented, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { api } from '../../../api/client';
import { FilterControl, filterNames, type FilterDef } from '../../../components/list/FilterBar';
import { useListParams } from '../../../components/list/useListParams';
import { PageHeader } from '../../../components/PageHeader';
import { SECTOR_OPTIONS } from '../codes';
import { useCampaignOptions, useTownOptions } from '../hazardFilters';
import { HAZARD_STATS, type HazardStats } from '../hazardApi';
import { StatsBar } from './StatsBar';

type Group = HazardStats['groups'][number];
const BY = [{ value: 'region', label: '按区域' }, { value: 'sector', label: '按行业' }, { value: 'source', label: '按来源' },
  { value: 'level', label: '按等级' }, { value: 'month', label: '按月份' }];
const rateOf = (g: { found: number; closed: number }) => (g.found ? Math.round((g.closed / g.found) * 1000) / 10 : 0);

export default function HazardStatsPage() {
  const towns = useTownOptions();
  const campaigns = useCampaignOptions();
  const defs: FilterDef[] = [
    ...(towns.length > 1 ? [{ kind: 'select', name: 'regionCode', placeholder: '全部乡镇/园区', options: towns, width: 160 } as const] : []),
    { kind: 'select', name: 'sector', placeholder: '全部行业', options: SECTOR_OPTIONS, width: 140 },
    ...(campaigns.length ? [{ kind: 'select', name: 'campaignId', placeholder: '全部专项行动', options: campaigns, width: 200 } as const] : []),
    { kind: 'dateRange', from: 'from', to: 'to' },
  ];
  const list = useListParams([...filterNames(defs), 'by']);
  const { by = 'region', ...filters } = list.params.filters;
  const params = { by, ...filters };
  const stats = useQuery({ queryKey: [HAZARD_STATS, params], queryFn: () => api.get<HazardStats>(HAZARD_STATS, params) });
  const s = stats.data;
  const max = Math.max(0, ...(s?.groups ?? []).map((g) => g.found));

  const columns: TableColumnsType<Group> = [
    { title: BY.find((b) => b.value === by)?.label.slice(1) ?? '分组', dataIndex: 'label', fixed: 'left' },
    { title: '发现', dataIndex: 'found', align: 'right', sorter: (a, b) => a.found - b.found },
    { title: '已销号', dataIndex: 'closed', align: 'right' },
    { title: '发现 / 销号', key: 'bar', width: 200, render: (_, g) => <StatsBar found={g.found} closed={g.closed} max={max} /> },
    { title: '整改率', key: 'rate', width: 150, sorter: (a, b) => rateOf(a) - rateOf(b), render: (_, g) => <Progress percent={rateOf(g)} size="small" /> },
    { title: '逾期', dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
    { title: '重大未销号', dataIndex: 'majorOpen', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger" strong>{v}</Typography.Text> : 0) },
  ];

  const tiles = s ? [
    { title: '发现隐患', value: s.found }, { title: '已销号', value: s.closed }, { title: '整改率', value: s.rectificationRate, suffix: '%' },
    { title: '未销号', value: s.open }, { title: '逾期', value: s.overdue, danger: s.overdue > 0 }, { title: '重大未销号', value: s.majorOpen, danger: s.majorOpen > 0 },
  ] : [];

  return (
    <>
      <PageHeader title="隐患统计">按发现时间统计；整改率 = 已销号 ÷ 发现。</PageHeader>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        {defs.map((def) => <FilterControl key={def.kind === 'dateRange' ? def.from : def.name} def={def} values={list.params.filters} onChange={list.setFilters} />)}
      </Flex>
      {stats.isError && <Alert type="error" showIcon title="统计加载失败" description={stats.error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {tiles.map((t) => (
          <Col key={t.title} xs={8} md={4}>
            <Card size="small"><Statistic title={t.title} value={t.value} suffix={t.suffix} styles={{ content: t.danger ? { color: '#cf1322' } : undefined }} /></Card>
          </Col>
        ))}
      </Row>
      <Segmented value={by} options={BY} onChange={(v) => list.setFilters({ by: v === 'region' ? undefined : String(v) })} style={{ marginBottom: 12 }} />
      <Table<Group> rowKey="key" size="small" columns={columns} dataSource={s?.groups} loading={stats.isFetching} pagination={false} scroll={{ x: 'max-content' }}
        summary={() => s && s.groups.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><b>合计</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><b>{s.found}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right"><b>{s.closed}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
            <Table.Summary.Cell index={4}><Progress percent={s.rectificationRate} size="small" /></Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right"><b>{s.overdue}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right"><b>{s.majorOpen}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null} />
    </>
  );
}
