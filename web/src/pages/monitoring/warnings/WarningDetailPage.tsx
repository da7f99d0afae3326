// One early warning: its content and area, and its 叫应 board — who confirmed, who not, how many times each
// was sent; 发布 for a draft, 解除 for an issued one, 确认收到 for a recipient, CAP 1.2 export.
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Grid, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { formatTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { OVERVIEW, WARNING_AUDIENCES, WARNING_KINDS, WARNING_STATUSES, WARNINGS, type ResendResult, type WarningDetail, type WarningRecipient } from '../monitoringApi';
import { WarningColourTag } from '../MonitoringTags';
import { useMonitoringEvents } from '../useMonitoringEvents';
import { AckProgress } from './WarningsPage';

function AckBoard({ w }: { w: WarningDetail }) {
  const phone = Grid.useBreakpoint().md === false;
  const [show, setShow] = useState<'pending' | 'confirmed' | 'all'>('pending');
  const pending = w.recipientList.filter((r) => !r.confirmedAt);
  const rows = show === 'all' ? w.recipientList : show === 'pending' ? pending : w.recipientList.filter((r) => r.confirmedAt);
  return (
    <Card title="叫应情况" size="small" data-testid="ack-board" extra={<AckProgress w={w} />}>
      <Flex vertical gap={12}>
        <Segmented value={show} onChange={(v) => setShow(v as typeof show)} options={[
          { label: `未确认 ${pending.length}`, value: 'pending' }, { label: `已确认 ${w.recipientList.length - pending.length}`, value: 'confirmed' },
          { label: `全部 ${w.recipientList.length}`, value: 'all' }]} />
        <Table<WarningRecipient> rowKey="accountId" size="small" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
          locale={{ emptyText: show === 'pending' ? '全部责任人已确认' : '暂无' }}
          columns={[
            { title: '责任人', dataIndex: 'name', render: (v: string, r) => <div>{v}{phone && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.regionName}</Typography.Text></div>}</div> },
            ...(phone ? [] : [{ title: '区域', dataIndex: 'regionName' }]),
            { title: '叫应', key: 'ack', render: (_: unknown, r: WarningRecipient) => (r.confirmedAt
              ? <Tag color="success">已确认 {formatTime(r.confirmedAt)}</Tag>
              : <Tag color="warning">未确认{r.escalatedAt ? ' · 已升级' : ''}</Tag>) },
            { title: '发送', key: 'sends', render: (_: unknown, r: WarningRecipient) => `${r.sends} 次${r.sends > 1 ? `，最近 ${formatTime(r.lastSentAt)}` : ''}` },
          ]} />
        <Typography.Text type="secondary">未确认的责任人按设定间隔自动重发短信，多次未确认的上报其上级；也可点“再次叫应”立即重发。区域内水库、山洪点等监测设施的防汛责任人另收短信。</Typography.Text>
      </Flex>
    </Card>
  );
}

export default function WarningDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  useMonitoringEvents();
  const query = useQuery({ queryKey: [WARNINGS, id], queryFn: () => api.get<WarningDetail>(`${WARNINGS}/${id}`), refetchInterval: 30_000 });
  const useAct = (path: string, success: string) => useApiMutation(() => api.post(`${WARNINGS}/${id}/${path}`), { invalidate: [WARNINGS, OVERVIEW], success });
  const issue = useAct('issue', '预警已发布，正在通知责任人');
  const cancel = useAct('cancel', '预警已解除，已通知责任人');
  const confirm = useAct('confirm', '已确认收到');
  const resend = useApiMutation(() => api.post<ResendResult>(`${WARNINGS}/${id}/resend`), {
    invalidate: [WARNINGS], success: (r) => `已再次叫应 ${r.recipients} 人（${r.notifications} 条短信和站内信）`,
  });
  const w = query.data;
  if (query.isError) return <Alert type="error" showIcon title="预警加载失败" description={query.error.message} />;
  if (!w) return <Skeleton active />;
  const mayWrite = me.permissions.includes('monitoring:write') && me.scope.kind !== 'enterprise';
  const mine = w.recipientList.find((r) => r.accountId === me.id);
  return (
    <>
      <PageHeader title={<Flex gap={8} align="center" wrap><WarningColourTag colour={w.colour} />{w.headline}</Flex>} extra={<>
        {mine && !mine.confirmedAt && w.status === 'issued' && <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate(undefined)}>确认收到</Button>}
        {mayWrite && w.status === 'draft' && <ConfirmButton type="primary" confirm="确定发布该预警？" description="将通知覆盖区域的全部责任人并跟踪叫应。" onConfirm={() => issue.mutate(undefined)} loading={issue.isPending}>发布</ConfirmButton>}
        {mayWrite && w.status === 'issued' && Date.parse(w.expiresAt) > Date.now() && w.confirmed < w.recipients && (
          <ConfirmButton confirm={`确定再次叫应 ${w.recipients - w.confirmed} 名未确认的人？`} description="立即通过短信和站内信重发，并计入发送次数。" okText="再次叫应"
            onConfirm={() => resend.mutate(undefined)} loading={resend.isPending}>再次叫应（{w.recipients - w.confirmed}）</ConfirmButton>
        )}
        {mayWrite && w.status !== 'cancelled' && <ConfirmButton danger confirm={w.status === 'draft' ? '确定作废该草稿？' : '确定解除该预警？'} description={w.status === 'issued' ? '将通知全部责任人预警已解除。' : undefined} onConfirm={() => cancel.mutate(undefined)} loading={cancel.isPending}>{w.status === 'draft' ? '作废' : '解除预警'}</ConfirmButton>}
        {w.status !== 'draft' && <Button icon={<DownloadOutlined />} href={`${WARNINGS}/${w.id}/cap`} target="_blank">CAP 1.2</Button>}
      </>}>
        {w.number ?? '草稿'} · {WARNING_STATUSES[w.status]}
      </PageHeader>
      <Flex vertical gap={16}>
        <Descriptions size="small" bordered column={phone ? 1 : 2} items={[
          { label: '类别', children: `${WARNING_KINDS[w.kind]} · ${w.event}` },
          { label: '有效期', children: `${formatTime(w.effectiveAt)} 至 ${formatTime(w.expiresAt)}` },
          { label: '区域', children: w.regionNames.join('、'), span: 2 },
          { label: '预警内容', children: <div style={{ whiteSpace: 'pre-wrap' }}>{w.description}</div>, span: 2 },
          { label: '防御指南', children: <div style={{ whiteSpace: 'pre-wrap' }}>{w.guidance}</div>, span: 2 },
          { label: '发布', children: w.issuedAt ? `${formatTime(w.issuedAt)} · ${w.senderName}` : '未发布' },
          { label: '来源', children: w.source === 'imported' ? '导入（CAP）' : '本局发布' },
          { label: '通知对象', children: WARNING_AUDIENCES[w.audience] },
        ]} />
        {w.status !== 'draft' && <AckBoard w={w} />}
      </Flex>
    </>
  );
}
