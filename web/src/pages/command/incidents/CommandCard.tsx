// 指挥部 and 任务: who holds each post; the tasks with their receipts and feedback; accept or send back.
import { Card, Form, Input, List, Space, Table, Tag } from 'antd';
import { formatTime } from '../../../components/format';
import { OrgSelect } from '../../../components/OrgSelect';
import { FormButton } from './FormButton';
import { INCIDENTS, type Incident } from './incidentApi';
import { FeedbackHistory, TASK_COLOURS, TaskAnswerButtons } from './TaskAnswer';
import { PersonalValue } from '../../../components/PersonalValue';

export function PostCard({ incident }: { incident: Incident }) {
  const can = incident.actions.includes('post');
  return (
    <Card size="small" title="现场指挥部">
      <Table size="small" rowKey="id" pagination={false} dataSource={incident.post} scroll={{ x: 'max-content' }} locale={{ emptyText: '启动响应后按预案组建指挥部' }}
        columns={[
          { title: '岗位/工作组', dataIndex: 'groupName' },
          { title: '牵头单位', dataIndex: 'leadUnit', render: (v) => v ?? '—' },
          { title: '负责人', key: 'h', render: (_, r) => r.holderName ? <>{r.holderName} {r.holderPhone && <PersonalValue value={r.holderPhone} entity="incident_post_role" id={r.id} field="holderPhone" />}</> : <Tag>未指定</Tag> },
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
  const canTask = incident.actions.includes('task');
  const canReview = incident.actions.includes('review_feedback');
  const canAnswer = incident.actions.includes('feedback');
  return (
    <Card size="small" title={`任务（${incident.tasks.filter((t) => t.status === 'accepted').length}/${incident.tasks.length} 已完成）`} data-testid="tasks"
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
                {canAnswer && <TaskAnswerButtons task={t} />}</Space>}
              description={<>
                <div>{t.groupName ?? ''} · {t.assigneeLabel ?? '未指定'}{t.dueAt ? ` · 限 ${formatTime(t.dueAt)}` : ''}{t.readAt ? ` · ${formatTime(t.readAt)} 签收` : ''}</div>
                <FeedbackHistory task={t} canReview={canReview} />
              </>} />
          </List.Item>
        )} />
    </Card>
  );
}
