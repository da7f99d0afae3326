// 一企一档 · 执法案件: this enterprise's cases, their stage and penalty, its compulsory measures and 行刑衔接 transfers.
import { Link } from 'react-router';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { formatTime } from '../../../components/format';
import { DueTag, EnfTag } from '../EnfTag';
import { TRANSFER_COLOURS, paths } from '../enforcementApi';
import { useEnterpriseEnforcement } from './useEnterpriseEnforcement';

export default function CasesTab({ enterpriseId }: EnterpriseTabProps) {
  const q = useEnterpriseEnforcement(enterpriseId);
  if (q.isError) return <Alert type="error" showIcon title="无法加载执法案件" description={q.error.message} />;
  return (
    <Flex vertical gap={16}>
      <Table rowKey="id" size="small" loading={q.isLoading} dataSource={q.data?.cases} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '本企业没有行政处罚案件' }}
        columns={[
          { title: '案号', key: 'n', render: (_, c) => <Link to={paths.case(c.id)}>{c.number ?? '（待立案）'}</Link> },
          { title: '案由', dataIndex: 'cause' },
          { title: '罚款（元）', dataIndex: 'fine', render: (v: number) => v ? v.toLocaleString('zh-CN') : '—' },
          { title: '下一时限', dataIndex: 'nextDeadline', render: (d) => d ? <>{d.label} <DueTag due={d.dueOn} overdue={d.overdue} /></> : '—' },
          { title: '环节', dataIndex: 'status', render: (v) => <EnfTag of="case" status={v} /> },
        ]} />
      <Typography.Title level={5}>强制措施</Typography.Title>
      <Table rowKey="id" size="small" dataSource={q.data?.measures} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '没有强制措施' }}
        columns={[
          { title: '措施', dataIndex: 'kindLabel' },
          { title: '决定时间', dataIndex: 'decidedAt', render: formatTime },
          { title: '事由', dataIndex: 'reason' },
          { title: '状态', key: 's', render: (_, m) => m.liftedAt ? <Tag>已解除 {formatTime(m.liftedAt)}</Tag> : <Tag color="error">执行中</Tag> },
          { title: '', key: 'go', render: (_, m) => <Link to={`${paths.measures}/${m.id}`}>详情</Link> },
        ]} />
      <Typography.Title level={5}>行刑衔接</Typography.Title>
      <Table rowKey="id" size="small" dataSource={q.data?.transfers} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '没有移送公安机关的案件' }}
        columns={[
          { title: '涉嫌', dataIndex: 'suspectedOffence' },
          { title: '报告', dataIndex: 'reportedAt', render: formatTime },
          { title: '公安机关', key: 'p', render: (_, t) => t.policeOrg ?? '—' },
          { title: '拘留', dataIndex: 'personsDetained', render: (n: number) => n || '—' },
          { title: '状态', key: 's', render: (_, t) => <Link to={`${paths.transfers}/${t.id}`}><Tag color={TRANSFER_COLOURS[t.status]}>{t.statusLabel}</Tag></Link> },
        ]} />
    </Flex>
  );
}
