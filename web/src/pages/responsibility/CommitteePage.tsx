// 安委会 and its 13 专业委员会: lead and member units with contacts, meetings with minutes, and the decisions each
// meeting handed to units as tracked tasks (answered by the units, closed by the 安委办).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Drawer, Flex, Form, Input, List, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OrgSelect } from '../../components/OrgSelect';
import { PagedTable } from '../../components/list/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import type { Committee, CommitteeDetail, CommitteeMember, MeetingDetail, RespTask } from '../../../../contracts/responsibility';
import { FeedbackModal, R, REFRESH, useTraceParams } from './shared';
import { TaskItem } from './SupervisionPage';
import { PersonalValue, phoneRule } from '../../components/PersonalValue';

type Row = Static<typeof Committee>;
type Detail = Static<typeof CommitteeDetail>;
type Meeting = Static<typeof MeetingDetail>;
type Member = Static<typeof CommitteeMember>;
const bureauWriter = (me: ReturnType<typeof useMe>) => me.scope.kind === 'all' && me.permissions.includes('responsibility:write');

function MeetingDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [R, 'meeting', id], queryFn: () => api.get<Meeting>(`${R}/meetings/${id}`) });
  const [answering, setAnswering] = useState<RespTask>();
  const [editing, setEditing] = useState(false);
  const del = useApiMutation(() => api.del(`${R}/meetings/${id}`), { invalidate: REFRESH, success: '会议已删除', onSuccess: onClose });
  const m = q.data;
  return (
    <Drawer open size="large" title={m?.title ?? '会议'} onClose={onClose} extra={m && bureauWriter(me) && (
      <Space>
        <Button onClick={() => setEditing(true)}>修改</Button>
        <ConfirmButton danger confirm="删除这次会议及其议定事项？" description="已有单位反馈的会议不能删除。" onConfirm={() => del.mutate(undefined)}>删除</ConfirmButton>
      </Space>)}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {m && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{m.committeeName} · {m.heldOn} · {m.place ?? ''}</Typography.Text>
          <Card size="small" title="会议纪要"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes}</Typography.Paragraph></Card>
          <Card size="small" title={`议定事项（办结 ${m.tasksDone}/${m.tasksTotal}${m.tasksOverdue ? `，逾期 ${m.tasksOverdue}` : ''}）`}>
            <List dataSource={m.tasks} locale={{ emptyText: '本次会议没有交办事项' }} renderItem={(t) => <TaskItem t={t} onAnswer={setAnswering} />} />
          </Card>
        </Flex>
      )}
      {answering && <FeedbackModal task={answering} onClose={() => setAnswering(undefined)} />}
      {editing && m && <EditMeeting m={m} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}

function EditMeeting({ m, onClose }: { m: Meeting; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown> & { heldOn: Dayjs }) => api.put(`${R}/meetings/${m.id}`, { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') }),
    { invalidate: REFRESH, success: '会议已修改', onSuccess: onClose });
  return (
    <Modal open width={760} title="修改会议" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
        initialValues={{ heldOn: dayjs(m.heldOn), title: m.title, place: m.place ?? undefined, attendees: m.attendees ?? undefined, minutes: m.minutes }}>
        <Space wrap>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, message: '请填写会议名称' }]}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item name="place" label="地点"><Input /></Form.Item>
        </Space>
        <Form.Item name="attendees" label="参会人员"><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, min: 4, message: '请填写会议纪要（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 4 }} /></Form.Item>
        <Typography.Text type="secondary">议定事项在会议详情中逐项修改或撤回。</Typography.Text>
      </Form>
    </Modal>
  );
}

/** Add a member unit or change one's role and contact (one lead unit per committee). */
function MemberForm({ committeeId, m, onClose }: { committeeId: string; m?: Member; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${R}/committees/${committeeId}/members`, v), { invalidate: REFRESH, success: '成员单位已保存', onSuccess: onClose });
  return (
    <Modal open title={m ? `修改成员单位：${m.orgName}` : '增加成员单位'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
        initialValues={m ? { orgId: m.orgId, role: m.role, contactName: m.contactName ?? undefined, contactPhone: m.contactPhone ?? undefined, duties: m.duties ?? undefined } : { role: 'member' }}>
        {m ? <><Form.Item label="单位"><Typography.Text strong>{m.orgName}</Typography.Text></Form.Item><Form.Item name="orgId" hidden><Input /></Form.Item></>
          : <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}><OrgSelect placeholder="部门、乡镇或园区" /></Form.Item>}
        <Form.Item name="role" label="角色"><Radio.Group options={[{ value: 'lead', label: '牵头单位' }, { value: 'member', label: '成员单位' }]} /></Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联络人"><Input /></Form.Item>
          <Form.Item name="contactPhone" label="电话" rules={[phoneRule(/^[0-9-]{7,20}$/, '请填写电话号码')]}><Input inputMode="tel" /></Form.Item>
        </Space>
        <Form.Item name="duties" label="职责"><Input.TextArea autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}

function NewMeeting({ committee, onClose }: { committee: Row; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown> & { heldOn: Dayjs; decisions?: { title: string; assigneeOrgId: string; dueOn: Dayjs }[] }) =>
    api.post(`${R}/committees/${committee.id}/meetings`, { ...v, heldOn: v.heldOn.format('YYYY-MM-DD'),
      decisions: (v.decisions ?? []).map((d) => ({ ...d, dueOn: d.dueOn.format('YYYY-MM-DD') })) }), { invalidate: REFRESH, success: '会议已登记，议定事项已交办', onSuccess: onClose });
  return (
    <Modal open width={760} title={`登记会议：${committee.shortName}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, message: '请填写会议名称' }]}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item name="place" label="地点"><Input /></Form.Item>
        </Space>
        <Form.Item name="attendees" label="参会人员"><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, min: 4, message: '请填写会议纪要（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 4 }} /></Form.Item>
        <Typography.Text strong>议定事项（交办后由承办单位反馈）</Typography.Text>
        <Form.List name="decisions">{(fields, { add, remove }) => (<>
          {fields.map((f) => (
            <Space key={f.key} wrap align="baseline">
              <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: '请填写事项' }]}><Input placeholder="议定事项" style={{ width: 260 }} /></Form.Item>
              <Form.Item name={[f.name, 'assigneeOrgId']} rules={[{ required: true, message: '请选择承办单位' }]} style={{ width: 220 }}><OrgSelect placeholder="承办单位" /></Form.Item>
              <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择期限' }]}><DatePicker placeholder="完成期限" /></Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <div><Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加议定事项</Button></div>
        </>)}</Form.List>
      </Form>
    </Modal>
  );
}

function CommitteeDrawer({ row, onClose }: { row: Row; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [R, 'committee', row.id], queryFn: () => api.get<Detail>(`${R}/committees/${row.id}`) });
  const [meeting, setMeeting] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [member, setMember] = useState<Member | 'new'>();
  const removeMember = useApiMutation((id: string) => api.del(`${R}/committees/${row.id}/members/${id}`), { invalidate: REFRESH, success: '已移除成员单位' });
  const w = bureauWriter(me);
  const c = q.data;
  return (
    <Drawer open size="large" title={row.name} onClose={onClose}
      extra={me.scope.kind === 'all' && me.permissions.includes('responsibility:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记会议</Button>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {c && (
        <Flex vertical gap={16}>
          <Card size="small" title={`成员单位（${c.memberList.length}）`} extra={w && <Button size="small" icon={<PlusOutlined />} onClick={() => setMember('new')}>增加</Button>}>
            <Table size="small" rowKey="id" pagination={false} dataSource={c.memberList} scroll={{ x: true }} columns={[
              { title: '单位', dataIndex: 'orgName', render: (v, m) => <Space>{v}{m.role === 'lead' && <Tag color="blue">牵头</Tag>}</Space> },
              { title: '联络人', dataIndex: 'contactName' }, { title: '电话', dataIndex: 'contactPhone', render: (v, m) => v && <PersonalValue value={v} entity="committee_member" id={m.id} field="contactPhone" /> },
              ...(w ? [{ title: '', key: 'a', render: (_: unknown, m: Member) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setMember(m)}>修改</Button>
                  <ConfirmButton size="small" danger confirm={`把 ${m.orgName} 移出${row.shortName}？`} onConfirm={() => removeMember.mutate(m.id)}>移除</ConfirmButton>
                </Space>) }] : []),
            ]} />
          </Card>
          <Card size="small" title="会议">
            <List dataSource={c.meetingList} locale={{ emptyText: '还没有会议记录。会后点击“登记会议”，填写纪要和议定事项。' }} renderItem={(m) => (
              <List.Item onClick={() => setMeeting(m.id)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta title={`${m.heldOn} ${m.title}`} description={<Typography.Text type={m.tasksOverdue ? 'danger' : 'secondary'}>
                  议定事项办结 {m.tasksDone}/{m.tasksTotal}{m.tasksOverdue ? `，逾期 ${m.tasksOverdue}` : ''}</Typography.Text>} />
              </List.Item>
            )} />
          </Card>
        </Flex>
      )}
      {meeting && <MeetingDrawer id={meeting} onClose={() => setMeeting(undefined)} />}
      {adding && <NewMeeting committee={row} onClose={() => setAdding(false)} />}
      {member && <MemberForm committeeId={row.id} m={member === 'new' ? undefined : member} onClose={() => setMember(undefined)} />}
    </Drawer>
  );
}

export default function CommitteePage() {
  const [open, setOpen] = useState<Row>();
  const trace = useTraceParams(['orgId']);
  return (
    <>
      <PageHeader title="安委会与专业委员会">市安委会及 13 个专业委员会的牵头单位、成员单位和联络人，会议纪要和议定事项的办理情况。</PageHeader>
      {trace.note}
      <PagedTable<Row> path={`${R}/committees`} rowKey="id" params={trace.params}
        emptyText="没有委员会。请在“组织机构”中建立安委会及专业委员会。"
        filters={[{ kind: 'search', name: 'q', placeholder: '委员会或牵头单位' },
          { kind: 'select', name: 'kind', placeholder: '全部', options: [{ value: 'committee', label: '安委会' }, { value: 'professional_committee', label: '专业委员会' }] }]}
        onRow={(c) => ({ onClick: () => setOpen(c), style: { cursor: 'pointer' } })}
        columns={[
          { title: '委员会', dataIndex: 'name', render: (v, c) => <Space>{v}{c.kind === 'committee' && <Tag color="gold">安委会</Tag>}</Space> },
          { title: '牵头单位', dataIndex: 'leadName', responsive: ['sm'] }, { title: '成员单位', dataIndex: 'members', responsive: ['md'] },
          { title: '会议', dataIndex: 'meetings', responsive: ['md'] },
          { title: '未办结事项', key: 'o', render: (_, c) => <Typography.Text type={c.overdueTasks ? 'danger' : undefined}>{c.openTasks}{c.overdueTasks ? `（逾期 ${c.overdueTasks}）` : ''}</Typography.Text> },
        ]} />
      {open && <CommitteeDrawer row={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
