// 执法文书台账: every document by kind and year, with its 文号, service and the Word file / printable page.
import { Link } from 'react-router';
import { Flex } from 'antd';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import { pick } from '../../../components/list/LinkedFilters';
import type { FilterDef } from '../../../components/list/FilterBar';
import { formatTime } from '../../../components/format';
import { DocButtons, ServeButton, canServe } from '../DocumentLinks';
import { DOCUMENTS, DOCUMENT_KINDS, paths, type EnfDocument } from '../enforcementApi';

const year = new Date().getFullYear();
const FILTERS: FilterDef[] = [
  { kind: 'select', name: 'kind', placeholder: '文书种类', width: 220, options: Object.entries(DOCUMENT_KINDS).map(([value, d]) => ({ value, label: d.title })) },
  { kind: 'select', name: 'year', placeholder: '年度', options: Array.from({ length: 6 }, (_, i) => ({ value: String(year - i), label: `${year - i}年` })) },
];

export default function DocumentsPage() {
  const canWrite = useMe().permissions.includes('enforcement:write');
  return (
    <>
      <PageHeader title="执法文书">
        文书由检查和案件的办理环节生成（责令限期整改指令书在检查详情中开具），按种类和年度连续编号。可下载 Word 或打开打印页面；送达当事人后点“登记送达”（处罚决定书在案件中送达）。
      </PageHeader>
      <PagedTable<EnfDocument> path={DOCUMENTS} filters={FILTERS} linked={pick('sector', 'numbered', 'from', 'to', 'regionCode')} rowKey="id" emptyText="还没有执法文书。完成检查或办理案件时自动生成。"
        columns={[
          { title: '文书', dataIndex: 'kindLabel' },
          { title: '文号', dataIndex: 'number', render: (v) => v ?? '—' },
          { title: '当事人', dataIndex: 'partyName' },
          { title: '出处', key: 'from', render: (_, d) => d.caseId ? <Link to={paths.case(d.caseId)}>案件</Link> : d.inspectionId ? <Link to={paths.inspection(d.inspectionId)}>检查</Link> : '—' },
          { title: '开具', key: 'issued', render: (_, d) => `${formatTime(d.issuedAt)} ${d.issuedByName}` },
          { title: '送达', dataIndex: 'services', render: (s: EnfDocument['services']) => s.length ? s.map((x) => `${x.methodLabel} ${formatTime(x.servedAt)}`).join('；') : '未登记' },
          { title: '', key: 'out', render: (_, d) => <Flex gap={8} wrap><DocButtons d={d} />{canWrite && canServe(d) && <ServeButton d={d} />}</Flex> },
        ]} />
    </>
  );
}
