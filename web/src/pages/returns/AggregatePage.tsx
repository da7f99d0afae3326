// 报表汇总: totals of the accepted figures of a form by period (with 环比 and 同比), region, unit kind or unit;
// every figure opens the returns behind it; the table exports to Excel.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/list/ExportButton';
import { AGGREGATE, FORMS, type Aggregate, type Form } from './returnsApi';

const DEFAULTS: Record<string, [string, string]> = { monthly: ['2022-01', '2022-06'], quarterly: ['2022-Q1', '2022-Q2'], half_yearly: ['2022-H1', '2022-H1'], yearly: ['2022', '2022'], adhoc: ['', ''] };
const pct = (cur: number, base: number | null | undefined) => (base ? `${cur >= base ? '+' : ''}${Math.round(((cur - base) / base) * 1000) / 10}%` : '—');

export default function AggregatePage() {
  const navigate = useNavigate();
  const forms = useQuery({ queryKey: [FORMS, 'all'], queryFn: () => api.get<PageOf<Form>>(FORMS, { pageSize: 200 }) });
  const [formId, setFormId] = useState<string>();
  const form = forms.data?.items.find((f) => f.id === formId) ?? forms.data?.items[0];
  const [range, setRange] = useState<Record<string, [string, string]>>({});
  const [from, to] = form ? range[form.id] ?? DEFAULTS[form.periodKind] : ['', ''];
  const [groupBy, setGroupBy] = useState('period');
  const params = form && from && to ? { formId: form.id, from, to, groupBy } : undefined;
  const agg = useQuery({ enabled: !!params, queryKey: [AGGREGATE, params], queryFn: () => api.get<Aggregate>(AGGREGATE, params) });
  const setR = (i: 0 | 1, v: string) => form && setRange({ ...range, [form.id]: (i === 0 ? [v, to] : [from, v]) as [string, string] });
  const open = (ids: string[]) => ids.length && navigate(`/returns/filings?ids=${ids.join(',')}`);
  const rows = agg.data ? [...agg.data.rows, agg.data.total] : [];
  return (
    <>
      <PageHeader title="报表汇总" extra={params && <ExportButton path={`${AGGREGATE}/export`} params={params} name={`${form?.name}汇总`} what="汇总数据" />}>
        按期别、乡镇、单位类型汇总已受理的报表数字，含环比和同比；点击数字查看它来自哪些报表。
      </PageHeader>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select aria-label="报表" style={{ width: 260 }} value={form?.id} onChange={setFormId} options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} />
        <Input aria-label="起始期别" style={{ width: 130 }} value={from} placeholder="起始期别" onChange={(e) => setR(0, e.target.value.trim())} />
        <Input aria-label="截止期别" style={{ width: 130 }} value={to} placeholder="截止期别" onChange={(e) => setR(1, e.target.value.trim())} />
        <Segmented value={groupBy} onChange={(v) => setGroupBy(String(v))} options={[{ label: '按期别', value: 'period' }, { label: '按乡镇', value: 'region' }, { label: '按单位类型', value: 'unitType' }, { label: '按单位', value: 'unit' }]} />
      </Flex>
      {agg.isError && <Alert type="error" showIcon title={agg.error.message} />}
      {!forms.data?.items.length && !forms.isPending && <Empty description="还没有报表。先在“报表管理”中设计并发布报表。" />}
      {agg.data && (
        <Table rowKey="key" size="small" pagination={false} scroll={{ x: 'max-content' }} dataSource={rows} data-testid="aggregate-table"
          columns={[
            { title: { period: '期别', region: '乡镇', unitType: '单位类型', unit: '单位' }[groupBy], dataIndex: 'label', fixed: 'left', render: (v, r) => (r.key === 'total' ? <b>{v}</b> : v) },
            { title: '份数', dataIndex: 'returns' },
            ...agg.data.fields.map((f) => ({
              title: `${f.label}${f.unit ? `（${f.unit}）` : ''}`, key: f.key,
              render: (_: unknown, r: (typeof rows)[number]) => {
                const x = r as typeof r & { previous?: Record<string, number | null>; lastYear?: Record<string, number | null> };
                return (
                  <div>
                    <Typography.Link data-testid={`sum-${f.key}-${r.key}`} onClick={() => open(r.returnIds)}>{r.sums[f.key]}</Typography.Link>
                    {x.previous && <div style={{ fontSize: 12, color: '#888' }}>环比 {pct(r.sums[f.key], x.previous[f.key])} · 同比 {pct(r.sums[f.key], x.lastYear?.[f.key])}</div>}
                  </div>
                );
              },
            })),
          ]} />
      )}
    </>
  );
}
