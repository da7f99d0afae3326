// 指挥部 and 任务: who holds each post; the tasks with their receipts and feedback; accept or send back.
import { Button, Card, Form, Input, List, Space, Table, Tag } from 'antd';
import { formatTime } from '../../../components/format';
import { OrgSelect } from '../../../components/OrgSelect';
import { FormButton, usePost } from './FormButton';
import { INCIDENTS, type Incident } from './incidentApi';

const TASK_COLOURS: Record<string, string> = { assigned: 'orange', read: 'blue', submitted: 'purple', accepted: 'green', returned: 'red' };

export function PostCard({ incident }: { incident: Incident }) {
  const can = incident.actions.includes('post');
  return (
    <Card size="small" title="现场指挥部">
      <Table size="small" rowKey="id" pagination={false} dataSource={incident.post} scroll={{ x: 'max-content' }} locale={{ emptyText: '启动响应后按预案组建指挥部' }}
        columns={[
          { title: '岗位/工作组', dataIndex: 'groupName' },
          { title: '牵头单位', dataIndex: 'leadUnit', render: (v) => v ?? '—' },
          { title: '负责人', key: 'h', render: (_, r) => r.holderName ? `${r.holderName}${r.holderPhone ? ` ${r.holderPhone}` : ''}` : <Tag>未指定</Tag> },
          { title: '', key: 'a', render: (_, r) => can && (
            <FormButton<{ holderName: string; holderPhone?: string }> size="small" label="指定" title={`指定「${r.groupName}」负责人`} path={`${INCIDENTS}/post/${r.id}`} success="已指定">
              <Form.Item name="holderName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item>
              <Form.Item name="holderPhone" label="电话"><Input maxLength={30} inputMode="tel" /></Form.Item>
            </FormButton>
          ) },
        ]} />
    </Card>
  );
}

export function TasksCard({ incident }: { incident: Incident }) {
  const post = usePost('已处理');
  const canTask = incident.actions.includes('task');
  const canReview = incident.actions.includes('review_feedback');
  const canAnswer = incident.actions.includes('feedback');
  return (
    <Card size="small" title={`任务（${incident.tasks.filter((t) => t.status === 'accepted').length}/${incident.tasks.length} 已完成）`}
      extra={canTask && (
        <FormButton<{ title: string; assigneeOrgId: string }> label="下达任务" title="下达任务" path={`${INCIDENTS}/${incident.id}/tasks`} success="已下达">
          <Form.Item name="title" label="任务" rules={[{ required: true, min: 2, message: '请写明任务' }]}><Input.TextArea autoSize maxLength={300} /></Form.Item>
          <Form.Item name="assigneeOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}><OrgSelect /></Form.Item>
        </FormButton>
      )}>
      <List size="small" dataSource={incident.tasks} locale={{ emptyText: '启动响应后按预案行动生成任务，也可手动下达' }}
        renderItem={(t) => (
          <List.Item>
            <List.Item.Meta
              title={<Space wrap>{t.seq}. {t.title}<Tag color={TASK_COLOURS[t.status]}>{t.statusLabel}</Tag>{t.overdue && <Tag color="red">逾期</Tag>}
                {t.mine && canAnswer && !t.readAt && <Button size="small" onClick={() => post.mutate({ path: `${INCIDENTS}/tasks/${t.id}/read` })}>签收</Button>}
                {t.mine && canAnswer && t.status !== 'accepted' && (
                  <FormButton<{ text: string }> size="small" type="primary" label="反馈" title={`反馈任务 ${t.seq}`} path={`${INCIDENTS}/tasks/${t.id}/feedback`} success="已反馈">
                    <Form.Item name="text" label="进展" rules={[{ required: true, min: 2, message: '请写明进展' }]}><Input.TextArea autoSize maxLength={2000} /></Form.Item>
                  </FormButton>
                )}</Space>}
              description={<>
                <div>{t.groupName ?? ''} · {t.assigneeLabel ?? '未指定'}{t.dueAt ? ` · 限 ${formatTime(t.dueAt)}` : ''}{t.readAt ? ` · ${formatTime(t.readAt)} 签收` : ''}</div>
                {t.feedback.map((f) => (
                  <div key={f.id} style={{ marginTop: 4 }}>
                    <Tag>{f.status === 'accepted' ? '已采纳' : f.status === 'returned' ? '已退回' : '待审核'}</Tag>{f.createdBy}：{f.text}
                    {f.status === 'submitted' && canReview && (
                      <Space style={{ marginLeft: 8 }}>
                        <Button size="small" type="link" onClick={() => post.mutate({ path: `${INCIDENTS}/feedback/${f.id}/review`, body: { approve: true } })}>采纳</Button>
                        <FormButton<{ note: string }> size="small" type="link" label="退回" title="退回反馈" path={`${INCIDENTS}/feedback/${f.id}/review`} toBody={(v) => ({ approve: false, note: v.note })} success="已退回">
                          <Form.Item name="note" label="需补充或改正的内容" rules={[{ required: true, message: '请说明' }]}><Input.TextArea autoSize maxLength={500} /></Form.Item>
                        </FormButton>
                      </Space>
                    )}
                  </div>
                ))}
              </>} />
          </List.Item>
        )} />
    </Card>
  );
}
