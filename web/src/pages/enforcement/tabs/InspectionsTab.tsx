// 一企一档 · 执法检查: this enterprise's inspections and documents.
import { Link } from 'react-router';
import { Alert, Flex, Table, Typography } from 'antd';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { DocumentLinks } from '../DocumentLinks';
import { EnfTag } from '../EnfTag';
import { INSPECTION_ORIGINS, paths } from '../enforcementApi';
import { officerLine } from '../OfficerSelect';
import { useEnterpriseEnforcement } from './useEnterpriseEnforcement';

export default function InspectionsTab({ enterpriseId }: EnterpriseTabProps) {
  const q = useEnterpriseEnforcement(enterpriseId);
  if (q.isError) return <Alert type="error" showIcon title="无法加载执法记录" description={q.error.message} />;
  return (
    <Flex vertical gap={16}>
      <Table rowKey="id" size="small" loading={q.isLoading} dataSource={q.data?.inspections} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚无对本企业的执法检查' }}
        columns={[
          { title: '编号', dataIndex: 'number', render: (v, i) => <Link to={paths.inspection(i.id)}>{v}</Link> },
          { title: '来源', dataIndex: 'origin', render: (v) => INSPECTION_ORIGINS[v as keyof typeof INSPECTION_ORIGINS] ?? v },
          { title: '日期', key: 'd', render: (_, i) => (i.startedAt ?? i.plannedOn ?? '').slice(0, 10) || '—' },
          { title: '执法人员', dataIndex: 'officers', render: officerLine },
          { title: '问题', dataIndex: 'findingCount' },
          { title: '状态', dataIndex: 'status', render: (v) => <EnfTag of="inspection" status={v} /> },
        ]} />
      <Typography.Title level={5}>执法文书</Typography.Title>
      <DocumentLinks docs={q.data?.documents ?? []} />
    </Flex>
  );
}
