// 执法检查: every inspection in scope, filterable, with 新建检查 (ad hoc, by plan, campaign or tip-off) for those who may write.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import { pick } from '../../../components/list/LinkedFilters';
import type { FilterDef } from '../../../components/list/FilterBar';
import { EnfTag } from '../EnfTag';
import { INSPECTIONS, INSPECTION_ORIGINS, INSPECTION_STATUSES, optionsOf, paths, type Inspection } from '../enforcementApi';
import { officerLine } from '../OfficerSelect';
import { NewInspection, type InspectionPrefill } from './NewInspection';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '单位名称或检查编号' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(INSPECTION_STATUSES) },
  { kind: 'select', name: 'origin', placeholder: '来源', options: optionsOf(INSPECTION_ORIGINS) },
  { kind: 'dateRange', from: 'from', to: 'to' },
];

export default function InspectionsPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const [open, setOpen] = useState(false);
  const canWrite = me.permissions.includes('enforcement:write');
  // A link from a plan item, a campaign or a tip-off opens 新建检查 with its source filled in.
  const linked = search.get('new') === '1';
  const prefill: InspectionPrefill = linked ? Object.fromEntries(['origin', 'planId', 'campaignId', 'tipoffId', 'enterpriseId', 'unitName', 'regionCode', 'sector']
    .map((k) => [k, search.get(k) ?? undefined]).filter(([, v]) => v)) : {};
  const close = () => { setOpen(false); if (linked) setSearch({}, { replace: true }); };
  return (
    <>
      <PageHeader title="执法检查" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>新建检查</Button>}>
        按计划、双随机抽查、专项行动、举报核查或日常开展的现场检查。每次检查至少两名持证执法人员；发现的问题一步转为隐患。双随机检查请在“双随机抽查”的结果中点“开始检查”。
      </PageHeader>
      <PagedTable<Inspection> path={INSPECTIONS} filters={FILTERS} linked={pick('sector', 'subtype', 'regionCode')} rowKey="id" emptyText="还没有执法检查记录。"
        columns={[
          { title: '编号', dataIndex: 'number', render: (v, i) => <Link to={paths.inspection(i.id)}>{v}</Link> },
          { title: '被检查单位', dataIndex: 'unitName' },
          { title: '来源', dataIndex: 'origin', render: (v) => INSPECTION_ORIGINS[v as keyof typeof INSPECTION_ORIGINS] ?? v },
          { title: '执法人员', dataIndex: 'officers', render: officerLine },
          { title: '日期', key: 'day', render: (_, i) => (i.startedAt ?? i.plannedOn ?? '').slice(0, 10) || '—' },
          { title: '问题', dataIndex: 'findingCount' },
          { title: '状态', dataIndex: 'status', render: (v) => <EnfTag of="inspection" status={v} /> },
        ]} />
      <NewInspection open={open || linked} prefill={prefill} onClose={close} />
    </>
  );
}
