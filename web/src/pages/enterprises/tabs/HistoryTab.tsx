// 变更记录: every change of 经营状态 (who ordered it, why, on which document), then every change of the
// record, its licences and hazard sources, from the audit trail.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Pagination, Spin, Tag, Timeline, Typography } from 'antd';
import { api } from '../../../api/client';
import type { PageOf } from '../../../api/types';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { formatTime } from '../../../components/format';
import { PATHS, useStatusHistory, type ChangeEntryOf, type StatusChange } from '../api';
import { EnterpriseStatusTag } from '../EnterpriseTags';
import { ACTIONS, fieldChanges } from './changeText';

const { Text, Title } = Typography;

function StatusItem({ c }: { c: StatusChange }) {
  const orderedBy = [c.orderedByOrgName, c.orderedBy].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={2} data-testid="status-change">
      <Flex gap={6} wrap align="center">
        {c.fromStatus ? <EnterpriseStatusTag status={c.fromStatus} /> : <Tag>建档</Tag>}<span>→</span><EnterpriseStatusTag status={c.toStatus} />
        <Text type="secondary">{c.effectiveOn} 生效</Text>
      </Flex>
      <Text>原因：{c.reason}</Text>
      {(orderedBy || c.documentNo) && (
        <Text>{[orderedBy && `决定：${orderedBy}`, c.documentNo && `文书：${c.documentNo}`].filter(Boolean).join('；')}</Text>
      )}
      <Text type="secondary" style={{ fontSize: 12 }}>{c.recordedByName ?? '系统'} 记录于 {formatTime(c.recordedAt)}</Text>
    </Flex>
  );
}

function ChangeItem({ entry }: { entry: ChangeEntryOf }) {
  const changes = fieldChanges(entry.before, entry.after);
  return (
    <Flex vertical gap={4} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex gap={8} wrap align="center">
        <Text strong>{ACTIONS[entry.action] ?? entry.action}</Text>
        <Text type="secondary">{entry.actorName ?? '系统'} · {formatTime(entry.at)}</Text>
      </Flex>
      {changes.map((c) => (
        <Text key={c.label} style={{ fontSize: 13 }}>
          {c.label}：{c.from !== null && c.to !== null ? <><Text delete type="secondary">{c.from}</Text> → {c.to}</> : (c.to ?? c.from)}
        </Text>
      ))}
    </Flex>
  );
}

export default function HistoryTab({ enterpriseId }: EnterpriseTabProps) {
  const statuses = useStatusHistory(enterpriseId);
  const [page, setPage] = useState(1);
  const changes = useQuery({
    queryKey: [PATHS.changes(enterpriseId), page],
    queryFn: () => api.get<PageOf<ChangeEntryOf>>(PATHS.changes(enterpriseId), { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });

  return (
    <Flex vertical gap={16}>
      <div>
        <Title level={5}>经营状态变更</Title>
        {statuses.isError && <Alert type="error" showIcon title="状态变更记录加载失败" description={statuses.error.message} />}
        {statuses.isPending && <Spin />}
        {statuses.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="建档以来经营状态没有变更过。" />}
        {statuses.data && statuses.data.length > 0 && (
          <Timeline style={{ marginTop: 8 }} data-testid="status-history"
            items={statuses.data.map((c) => ({ key: c.id, color: c.toStatus === 'operating' ? 'green' : 'red', content: <StatusItem c={c} /> }))} />
        )}
      </div>
      <div>
        <Title level={5}>档案变更</Title>
        {changes.isError && <Alert type="error" showIcon title="变更记录加载失败" description={changes.error.message} />}
        <Spin spinning={changes.isFetching}>
          <div data-testid="change-history">
            {changes.data?.items.map((entry) => <ChangeItem key={entry.seq} entry={entry} />)}
          </div>
        </Spin>
        {changes.data?.total === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录。" />}
        {(changes.data?.total ?? 0) > 10 && (
          <Pagination style={{ marginTop: 12 }} size="small" current={page} pageSize={10} total={changes.data?.total}
            onChange={setPage} showSizeChanger={false} showTotal={(n) => `共 ${n} 条`} />
        )}
      </div>
    </Flex>
  );
}
