// 信息报送台账 (/command/reports): every report upward of the incidents in the account's area — kind, status, who drafted
// it, when it was sent and whether it was late — with search, filters and a link to the incident's page.
import { Link } from 'react-router';
import { Tag } from 'antd';
import { REPORT_KINDS, REPORT_STATUSES, type ReportListItem } from '../../../../../contracts/command-reports';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const STATUS_COLOURS: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'cyan', sent: 'success' };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="信息报送">初报、续报、终报在事件页面起草、审核和报送；这里汇总全部报告，逾期报送的标红。</PageHeader>
      <PagedTable<ReportListItem> path="/api/command/reports" rowKey="id" emptyText="还没有报告：在事件指挥页面的“信息报送”中起草初报。"
        filters={[
          { kind: 'search', name: 'q', placeholder: '搜索标题、编号' },
          { kind: 'select', name: 'kind', placeholder: '报告类别', options: options(REPORT_KINDS) },
          { kind: 'select', name: 'status', placeholder: '状态', options: options(REPORT_STATUSES) },
          { kind: 'dateRange', from: 'from', to: 'to' },
        ]}
        columns={[
          { title: '编号', dataIndex: 'number' },
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/command/incidents/${r.incidentId}`}>{v}</Link> },
          { title: '事件', key: 'incident', render: (_, r) => `${r.incidentNumber} ${r.incidentTitle}` },
          { title: '状态', dataIndex: 'status', render: (s: string, r) => <Tag color={STATUS_COLOURS[s]}>{r.statusLabel}</Tag> },
          { title: '起草', key: 'drafted', render: (_, r) => `${r.draftedBy} ${formatTime(r.draftedAt)}` },
          { title: '报送时间', key: 'sent', render: (_, r) => (r.sentAt ? <span>{formatTime(r.sentAt)}{r.late && <Tag color="red" style={{ marginLeft: 4 }}>逾期</Tag>}</span> : '—') },
          { title: '时限', dataIndex: 'dueAt', render: (v: string | null) => formatTime(v) },
        ]} />
    </>
  );
}
