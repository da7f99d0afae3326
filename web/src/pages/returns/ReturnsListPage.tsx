// 我的报表 (a unit: what it owes and by when) and 报送情况 (the bureau: who has filed, who is late, who was sent back).
// One list over /api/returns, scoped by the server; ?ids= shows the returns behind an aggregate figure.
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import type { FilterDef } from '../../components/list/FilterBar';
import { ReturnStatus } from './ReturnStatus';
import { FORMS, labelOf, options, RETURN_STATUSES, RETURNS, UNIT_TYPES, type Form, type Return } from './returnsApi';

export default function ReturnsListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const ids = search.get('ids') ?? undefined;
  const bureau = me.permissions.includes('returns:manage');
  const forms = useQuery({ queryKey: [FORMS, 'all'], queryFn: () => api.get<PageOf<Form>>(FORMS, { pageSize: 200 }) });
  const filters: FilterDef[] = [
    { kind: 'search', name: 'q', placeholder: '单位或报表名称' },
    { kind: 'select', name: 'formId', placeholder: '报表', width: 220, options: (forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name })) },
    { kind: 'search', name: 'period', placeholder: '期别，如 2022-06', width: 160 },
    { kind: 'select', name: 'status', placeholder: '状态', options: options(RETURN_STATUSES) },
    { kind: 'segmented', name: 'overdue', options: [{ label: '全部', value: '' }, { label: '逾期未报', value: 'true' }] },
    ...(bureau ? [{ kind: 'select' as const, name: 'unitType', placeholder: '单位类型', options: options(UNIT_TYPES) }] : []),
  ];
  const list = useListParams(['q', 'formId', 'period', 'status', 'overdue', 'unitType']);
  return (
    <>
      <PageHeader title={bureau ? '报送情况' : '我的报表'}>
        {bureau ? '各单位每期报表的填报、审核、报送和受理情况；逾期未报的单位会在截止日前后收到提醒。' : '本单位应报的报表和截止日期。填好后提交本单位负责人审核，审核通过即报送应急局。'}
      </PageHeader>
      {ids && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`正在查看汇总数字背后的 ${ids.split(',').length} 份报表`}
        action={<Button size="small" onClick={() => { search.delete('ids'); setSearch(search); }}>查看全部</Button>} />}
      <PagedTable<Return> path={RETURNS} rowKey="id" filters={filters} params={{ ids }}
        toolbar={<ExportButton path={`${RETURNS}/export`} params={{ ...list.params.filters, ids }} name="报表报送情况" what="报表" />}
        emptyText={bureau ? '还没有下发的报表。在“报表管理”中设计并发布报表后，各单位即可填报。' : '目前没有需要本单位填报的报表。'}
        onRow={(r) => ({ onClick: () => navigate(`/returns/mine/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '报表', dataIndex: 'formName' },
          { title: '期别', dataIndex: 'periodLabel' },
          { title: '填报单位', dataIndex: 'unitName', responsive: ['md'] },
          { title: '单位类型', dataIndex: 'unitType', responsive: ['lg'], render: (v) => labelOf(UNIT_TYPES, v) },
          { title: '截止', dataIndex: 'dueOn' },
          { title: '状态', key: 's', render: (_, r) => <ReturnStatus r={r} /> },
          { title: '版本', dataIndex: 'version', responsive: ['lg'], render: (v) => (v ? `第 ${v} 版` : '—') },
        ]} />
    </>
  );
}
