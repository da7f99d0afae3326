// 审计日志: every change of business data, who made it and when; and the check that the trail is intact.
import { Card, type TableColumnsType } from 'antd';
import type { AuditRecord } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { AuditChange } from './AuditChange';
import { AuditVerifyButton } from './AuditVerifyButton';

const columns: TableColumnsType<AuditRecord> = [
  { title: '序号', dataIndex: 'seq' },
  { title: '时间', dataIndex: 'at', render: formatTime },
  { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? '系统' },
  { title: '操作', dataIndex: 'action' },
  { title: '对象类型', dataIndex: 'entityType' },
  { title: '对象 ID', dataIndex: 'entityId', render: (v: string | null) => v ?? '—' },
  { title: 'IP 地址', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
];

export default function AuditPage() {
  return (
    <>
      <PageHeader title="审计日志">
        每条业务数据的变更都会留下审计记录，并以密钥哈希链串联；任何事后修改、删除或调整顺序都能被校验发现。
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <AuditVerifyButton />
      </Card>
      <PagedTable<AuditRecord>
        path="/api/audit"
        rowKey="seq"
        columns={columns}
        expandable={{ expandedRowRender: (record) => <AuditChange record={record} /> }}
        filters={[
          { kind: 'search', name: 'q', placeholder: '关键字' },
          { kind: 'search', name: 'action', placeholder: '操作代码', width: 180 },
          { kind: 'search', name: 'entityType', placeholder: '对象类型', width: 160 },
          { kind: 'search', name: 'entityId', placeholder: '对象 ID', width: 200 },
          { kind: 'dateRange', from: 'from', to: 'to' },
        ]}
        emptyText="暂无审计记录。系统中的数据发生变更后，记录会自动出现在这里。"
      />
    </>
  );
}
