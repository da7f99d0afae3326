// 执法统计: the totals of the period and a table grouped by department, sector, region, month or type.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Flex, Row, Segmented, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { STATS, type EnforcementStats } from '../enforcementApi';

const BY = [{ label: '按部门', value: 'org' }, { label: '按行业', value: 'sector' }, { label: '按区域', value: 'region' }, { label: '按月份', value: 'month' }, { label: '按细分类型', value: 'subtype' }];

export default function EnforcementStatsPage() {
  const [search, setSearch] = useSearchParams();
  const by = search.get('by') ?? 'org';
  const from = search.get('from') ?? `${dayjs().year()}-01-01`;
  const to = search.get('to') ?? dayjs().format('YYYY-MM-DD');
  const set = (k: string, v?: string) => setSearch((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  const q = useQuery({ queryKey: [STATS, { by, from, to }], queryFn: () => api.get<EnforcementStats>(STATS, { by, from, to }), placeholderData: keepPreviousData });
  const s = q.data;
  const tiles: [string, number | undefined, string?][] = [
    ['检查次数', s?.inspections], ['检查单位', s?.unitsInspected, '家'], ['发现隐患', s?.findings, '项'], ['其中重大', s?.majorFindings, '项'],
    ['执法文书', s?.documents, '份'], ['立案', s?.casesFiled, '起'], ['结案', s?.casesClosed, '起'], ['罚款', s?.fines, '元'], ['强制措施', s?.measures, '次'],
    ['移送公安', s?.transfers, '件'], ['行政拘留', s?.personsDetained, '人'], ['举报 / 已答复', s?.tipoffs], ['举报奖励', s?.rewards, '元'],
  ];
  return (
    <>
      <PageHeader title="执法统计" extra={<DatePicker.RangePicker value={[dayjs(from), dayjs(to)]} allowClear={false}
        onChange={(r) => { set('from', r?.[0]?.format('YYYY-MM-DD')); set('to', r?.[1]?.format('YYYY-MM-DD')); }} />}>
        统计期间内的检查、隐患、文书、案件、罚款、强制措施、行刑衔接和举报办理情况。
      </PageHeader>
      {q.isError && <Alert type="error" showIcon title="统计加载失败" description={q.error.message} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {tiles.map(([title, value, suffix]) => (
          <Col key={title} xs={12} sm={8} md={6} lg={4}><Card size="small" loading={!s}>
            <Statistic title={title} value={title.startsWith('举报') ? `${s?.tipoffs ?? 0} / ${s?.tipoffsReplied ?? 0}` : value ?? 0} suffix={suffix} />
          </Card></Col>
        ))}
      </Row>
      <Card size="small" title={<Segmented value={by} options={BY} onChange={(v) => set('by', String(v))} />}>
        <Table rowKey="key" size="small" loading={q.isFetching} dataSource={s?.groups} pagination={false} scroll={{ x: 'max-content' }}
          summary={(rows) => rows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {(['inspections', 'findings', 'documents', 'cases', 'fines', 'measures'] as const).map((k, i) => <Table.Summary.Cell key={k} index={i + 1}>{rows.reduce((n, r) => n + r[k], 0).toLocaleString('zh-CN')}</Table.Summary.Cell>)}
            </Table.Summary.Row>
          ) : null}
          columns={[
            { title: BY.find((b) => b.value === by)?.label.slice(1), dataIndex: 'label' },
            { title: '检查', dataIndex: 'inspections' }, { title: '隐患', dataIndex: 'findings' }, { title: '文书', dataIndex: 'documents' },
            { title: '案件', dataIndex: 'cases' }, { title: '罚款（元）', dataIndex: 'fines', render: (v: number) => v.toLocaleString('zh-CN') }, { title: '强制措施', dataIndex: 'measures' },
          ]} />
      </Card>
      {s && (
        <Flex wrap gap={16} style={{ marginTop: 16 }}>
          <Card size="small" title="文书按种类" style={{ flex: '1 1 320px' }}>{s.documentsByKind.map((d) => <Tag key={d.key} style={{ margin: 4 }}>{d.label} {d.count}</Tag>)}</Card>
          <Card size="small" title="强制措施按种类" style={{ flex: '1 1 320px' }}>{s.measuresByKind.length ? s.measuresByKind.map((d) => <Tag key={d.key} style={{ margin: 4 }}>{d.label} {d.count}</Tag>) : '无'}</Card>
          {s.tallies.length > 0 && <Card size="small" title="部门上报" style={{ flex: '1 1 320px' }}>{s.tallies.map((t) => <Tag key={t.item} style={{ margin: 4 }}>{t.item} {t.quantity}{t.unit}</Tag>)}</Card>}
        </Flex>
      )}
    </>
  );
}
