// 消息: in-app notifications; read them, answer those that ask for acknowledgement (叫应).
import { useNavigate } from 'react-router';
import { Button, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { InboxItem } from '../../api/types';
import { INBOX_KEY, UNREAD_KEY } from '../../app/inbox';
import { formatTime } from '../../components/format';
import { PagedTable } from '../../components/list/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';

const REFRESH = [INBOX_KEY, UNREAD_KEY];

export default function InboxPage() {
  const navigate = useNavigate();
  const read = useApiMutation((id: string) => api.post(`${INBOX_KEY}/${id}/read`), { invalidate: REFRESH });
  const ack = useApiMutation((id: string) => api.post(`${INBOX_KEY}/${id}/ack`), { success: '已叫应', invalidate: REFRESH });
  const readAll = useApiMutation(() => api.post<{ updated: number }>(`${INBOX_KEY}/read-all`), {
    success: ({ updated }) => (updated ? `已将 ${updated} 条消息标为已读` : '没有未读消息'),
    invalidate: REFRESH,
  });

  function open(item: InboxItem) {
    if (!item.readAt) read.mutate(item.id);
    if (item.link) navigate(item.link);
  }

  const columns: TableColumnsType<InboxItem> = [
    { title: '状态', key: 'state', width: 150, render: (_, item) => (
      <Space size={4}>
        <StatusTag status={item.readAt ? 'read' : 'unread'} />
        {item.ackRequired && <StatusTag status={item.ackedAt ? 'acked' : 'ackPending'} />}
      </Space>
    ) },
    { title: '消息', key: 'message', render: (_, item) => (
      <Flex vertical style={{ maxWidth: 560 }}>
        {item.link
          ? <Typography.Link strong={!item.readAt} onClick={() => open(item)}>{item.title}</Typography.Link>
          : <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Text>
      </Flex>
    ) },
    { title: '时间', dataIndex: 'createdAt', width: 150, render: formatTime },
    { title: '操作', key: 'action', width: 160, render: (_, item) => (
      <Space size={0}>
        {item.ackRequired && !item.ackedAt && (
          <Button type="primary" size="small" loading={ack.isPending && ack.variables === item.id} onClick={() => ack.mutate(item.id)}>叫应</Button>
        )}
        {!item.readAt && (
          <Button type="link" size="small" loading={read.isPending && read.variables === item.id} onClick={() => read.mutate(item.id)}>标为已读</Button>
        )}
      </Space>
    ) },
  ];

  return (
    <>
      <PageHeader title="消息">标有“待叫应”的消息需要您点击“叫应”确认收到，发送方会看到您的确认时间。</PageHeader>
      <PagedTable<InboxItem>
        path={INBOX_KEY}
        rowKey="id"
        columns={columns}
        filters={[{ kind: 'segmented', name: 'unread', options: [{ label: '全部', value: '' }, { label: '未读', value: 'true' }] }]}
        toolbar={<Button loading={readAll.isPending} onClick={() => readAll.mutate(undefined)}>全部标为已读</Button>}
        emptyText="暂无消息。有新的预警、督办或提醒时会在这里显示，右上角铃铛会提示未读数。"
      />
    </>
  );
}
