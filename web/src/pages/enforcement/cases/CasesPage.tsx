// 案件台账: every case in scope with its stage and the next legal deadline (red when passed).
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import type { FilterDef } from '../../../components/list/FilterBar';
import { DueTag, EnfTag } from '../EnfTag';
import { CASES, CASE_SOURCES, CASE_STATUSES, optionsOf, paths, type Case } from '../enforcementApi';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '案号、当事人或案由' },
  { kind: 'select', name: 'status', placeholder: '环节', options: optionsOf(CASE_STATUSES) },
  { kind: 'dateRange', from: 'from', to: 'to' },
];

export default function CasesPage() {
  return (
    <>
      <PageHeader title="案件办理">
        立案 → 调查取证 → 告知（陈述申辩、听证）→ 决定 → 送达 → 执行 → 结案。各环节的法定时限按工作日或自然日计算，临近到期标橙，逾期标红。立案申请从检查或举报核查中发起。
      </PageHeader>
      <PagedTable<Case> path={CASES} filters={FILTERS} rowKey="id" emptyText="还没有案件。"
        columns={[
          { title: '案号', key: 'n', render: (_, c) => <Link to={paths.case(c.id)}>{c.number ?? '（待立案）'}</Link> },
          { title: '当事人', dataIndex: 'partyName' },
          { title: '案由', dataIndex: 'cause', ellipsis: true },
          { title: '来源', dataIndex: 'source', render: (v) => CASE_SOURCES[v as keyof typeof CASE_SOURCES] ?? v },
          { title: '罚款（元）', dataIndex: 'fine', render: (v: number) => v ? v.toLocaleString('zh-CN') : '—' },
          { title: '下一时限', dataIndex: 'nextDeadline', render: (d: Case['nextDeadline']) => d ? <>{d.label} <DueTag due={d.dueOn} overdue={d.overdue} /></> : '—' },
          { title: '环节', dataIndex: 'status', render: (v) => <EnfTag of="case" status={v} /> },
        ]} />
    </>
  );
}
