// A table of login sessions (own or an account's): when, where from, which browser, and whether still valid.
import type { ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import type { SessionInfo } from '../api/types';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';

interface Props {
  sessions: SessionInfo[] | undefined;
  loading: boolean;
  /** The action cell of a row, if any. */
  action?: (session: SessionInfo) => ReactNode;
}

export function SessionTable({ sessions, loading, action }: Props) {
  const columns: TableColumnsType<SessionInfo> = [
    { title: '状态', key: 'state', render: (_, s) => <StatusTag status={s.current ? 'sessionCurrent' : s.active ? 'sessionActive' : 'sessionEnded'} /> },
    { title: '登录时间', dataIndex: 'createdAt', render: formatTime },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: formatTime },
    { title: '到期时间', dataIndex: 'expiresAt', render: formatTime },
    { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: '浏览器', dataIndex: 'userAgent', render: (ua: string | null) => (
      <Typography.Text ellipsis={{ tooltip: ua }} style={{ maxWidth: 240 }}>{ua ?? '—'}</Typography.Text>
    ) },
    ...(action ? [{ title: '操作', key: 'action', render: (_: unknown, s: SessionInfo) => action(s) }] : []),
  ];
  return (
    <Table<SessionInfo> rowKey="id" columns={columns} dataSource={sessions} loading={loading} pagination={false}
      scroll={{ x: 'max-content' }} locale={{ emptyText: '没有登录会话记录' }} />
  );
}
