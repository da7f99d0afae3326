// 督查督办: the campaigns (综合督查, 专项督查, 明察暗访/敲门行动, 打非治违) with their tasks to units, and "我的督办任务"
// where a town or department answers a task with attachments (on a phone too); the bureau assigns, closes or sends
// back, and downloads the campaign's report as Word.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, List, Modal, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { download } from '../../api/transfer';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import { CAMPAIGN_KINDS, TASK_STATUSES, type CampaignDetail, type RespTask, type SupervisionCampaign } from '../../../../contracts/responsibility';
import { FeedbackModal, R, TaskStatus, YEARS, fileUrl, label, opts, REFRESH, useTraceParams } from './shared';

type Campaign = Static<typeof SupervisionCampaign>;
type Detail = Static<typeof CampaignDetail>;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** One task as a list row, with the actions the caller may take. */
export function TaskItem({ t, onAnswer }: { t: RespTask; onAnswer: (t: RespTask) => void }) {
  const me = useMe();
  const bureau = me.scope.kind === 'all';
  const decide = useApiMutation((to: 'close' | 'return') => api.post(`${R}/tasks/${t.id}/${to}`), { invalidate: REFRESH, success: '已处理' });
  const withdraw = useApiMutation(() => api.del(`${R}/tasks/${t.id}`), { invalidate: REFRESH, success: '已撤回' });
  const [editing, setEditing] = useState(false);
  const actions = [
    bureau && t.status !== 'done' && <Button key="e" size="small" onClick={() => setEditing(true)}>修改</Button>,
    bureau && t.status === 'open' && !t.feedback && <ConfirmButton key="w" size="small" danger confirm="撤回这项督办事项？" description="承办单位尚未反馈，撤回后不再提醒。"
      onConfirm={() => withdraw.mutate(undefined)}>撤回</ConfirmButton>,
    !bureau && t.status !== 'done' && <Button key="a" size="small" type="primary" onClick={() => onAnswer(t)}>{t.status === 'answered' ? '修改反馈' : '反馈'}</Button>,
    bureau && t.status !== 'done' && <ConfirmButton key="c" size="small" confirm="确认该任务已办结？" onConfirm={() => decide.mutate('close')}>办结</ConfirmButton>,
    bureau && t.status === 'answered' && <ConfirmButton key="r" size="small" danger confirm="退回该反馈，要求重新办理？" onConfirm={() => decide.mutate('return')}>退回</ConfirmButton>,
  ].filter(Boolean);
  return (
    <List.Item actions={actions}>
      <List.Item.Meta title={<Space wrap>{t.title}<TaskStatus t={t} /></Space>}
        description={<>
          <div>{t.assigneeName} · 期限 {t.dueOn}</div>
          {t.feedback && <div>反馈（{t.feedbackByName}）：{t.feedback}</div>}
          {t.feedbackFiles.map((f, i) => <a key={f} href={fileUrl(f)} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>附件{i + 1}</a>)}
        </>} />
      {editing && <EditTask t={t} onClose={() => setEditing(false)} />}
    </List.Item>
  );
}

/** The bureau corrects a task it handed over: what, to whom, by when (a new deadline restarts the reminders). */
function EditTask({ t, onClose }: { t: RespTask; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { title: string; detail?: string; assigneeOrgId: string; dueOn: Dayjs }) => api.put(`${R}/tasks/${t.id}`, { ...v, dueOn: day(v.dueOn) }),
    { invalidate: REFRESH, success: '督办事项已修改', onSuccess: onClose });
  return (
    <Modal open title="修改督办事项" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
        initialValues={{ title: t.title, detail: t.detail ?? undefined, assigneeOrgId: t.assigneeOrgId, dueOn: dayjs(t.dueOn) }}>
        <Form.Item name="title" label="督办事项" rules={[{ required: true, min: 2, message: '请填写督办事项' }]}><Input /></Form.Item>
        <Form.Item name="detail" label="要求"><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="assigneeOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}><OrgSelect /></Form.Item>
        <Form.Item name="dueOn" label="反馈期限" rules={[{ required: true, message: '请选择反馈期限' }]} extra="改期限后重新计算到期提醒和逾期上报"><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

function Assign({ id, onClose }: { id: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { tasks: { title: string; assigneeOrgId: string; dueOn: Dayjs }[] }) =>
    api.post(`${R}/campaigns/${id}/tasks`, { tasks: v.tasks.map((t) => ({ ...t, dueOn: day(t.dueOn) })) }), { invalidate: REFRESH, success: '已交办', onSuccess: onClose });
  return (
    <Modal open width={720} title="交办督办事项" okText="交办" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ tasks: [{}] }} onFinish={(v) => save.mutate(v)}>
        <Form.List name="tasks">{(fields, { add, remove }) => (<>
          {fields.map((f) => (
            <Space key={f.key} wrap align="baseline">
              <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: '请填写督办事项' }]}><Input placeholder="督办事项" style={{ width: 260 }} /></Form.Item>
              <Form.Item name={[f.name, 'assigneeOrgId']} rules={[{ required: true, message: '请选择承办单位' }]} style={{ width: 220 }}><OrgSelect placeholder="承办单位" /></Form.Item>
              <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择反馈期限' }]}><DatePicker placeholder="反馈期限" /></Form.Item>
              {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>再加一项</Button>
        </>)}</Form.List>
      </Form>
    </Modal>
  );
}

function CampaignDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [R, 'campaign', id], queryFn: () => api.get<Detail>(`${R}/campaigns/${id}`) });
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [answering, setAnswering] = useState<RespTask>();
  const del = useApiMutation(() => api.del(`${R}/campaigns/${id}`), { invalidate: REFRESH, success: '督查已删除', onSuccess: onClose });
  const w = me.scope.kind === 'all' && me.permissions.includes('responsibility:write');
  const c = q.data;
  return (
    <Drawer open size="large" title={c ? `${c.number} ${c.title}` : '督查'} onClose={onClose}
      extra={c && <Space wrap>
        {w && <Button onClick={() => setEditing(true)}>修改</Button>}
        {w && c.tasksTotal === 0 && <ConfirmButton danger confirm="删除这次督查？" description="尚未交办事项的督查可以删除，操作记入审计日志。" onConfirm={() => del.mutate(undefined)}>删除</ConfirmButton>}
        <Button icon={<DownloadOutlined />} onClick={() => void download(`${R}/campaigns/${id}/report.docx`, undefined, `${c.number}督查通报.docx`)}>督查通报（Word）</Button>
      </Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {c && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '类型', children: label(CAMPAIGN_KINDS, c.kind) }, { label: '时间', children: `${c.periodFrom} 至 ${c.periodTo}` },
            { label: '范围', children: c.scopeText }, { label: '督查组', children: c.teams },
            { label: '发现隐患', children: c.findings ? `专项行动“${c.findings.name}”：${c.findings.found} 条（重大 ${c.findings.major}，已销号 ${c.findings.closed}）` : '未关联隐患专项行动' },
          ]} />
          <Card size="small" title={`督办事项（已反馈 ${c.tasksAnswered}，已办结 ${c.tasksDone}/${c.tasksTotal}，逾期 ${c.tasksOverdue}）`}
            extra={me.scope.kind === 'all' && me.permissions.includes('responsibility:write') && <Button size="small" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>交办</Button>}>
            <List dataSource={c.tasks} locale={{ emptyText: '还没有督办事项。点击“交办”把问题交给乡镇或部门，并设定反馈期限。' }}
              renderItem={(t) => <TaskItem t={t} onAnswer={setAnswering} />} />
          </Card>
        </Flex>
      )}
      {assigning && <Assign id={id} onClose={() => setAssigning(false)} />}
      {editing && c && <CampaignForm c={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {answering && <FeedbackModal task={answering} onClose={() => setAnswering(undefined)} />}
    </Drawer>
  );
}

function CampaignForm({ c, onClose, onSaved }: { c?: Detail; onClose: () => void; onSaved: (id: string) => void }) {
  const [form] = Form.useForm();
  const hazardCampaigns = useQuery({ queryKey: ['/api/campaigns', 'all'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/campaigns', { pageSize: 200 }) });
  const save = useApiMutation((v: Record<string, unknown> & { period: [Dayjs, Dayjs] }) => {
    const { period, ...rest } = v;
    const body = { ...rest, periodFrom: day(period[0]), periodTo: day(period[1]) };
    return c ? api.put<Detail>(`${R}/campaigns/${c.id}`, body) : api.post<Detail>(`${R}/campaigns`, body);
  }, { invalidate: REFRESH, success: c ? '督查已修改' : '督查已发起', onSuccess: (d) => onSaved(d.id) });
  const initial = c ? { kind: c.kind, title: c.title, period: [dayjs(c.periodFrom), dayjs(c.periodTo)], scopeText: c.scopeText, teams: c.teams,
    hazardCampaignId: c.hazardCampaignId ?? undefined, summary: c.summary ?? undefined } : { kind: 'special' };
  return (
    <Modal open width={640} title={c ? '修改督查' : '发起督查'} okText={c ? '保存' : '发起'} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label="督查类型"><Select options={opts(CAMPAIGN_KINDS)} /></Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, min: 2, message: '请填写督查名称' }]}><Input placeholder="如：2026年春节前安全生产综合督查" /></Form.Item>
        <Form.Item name="period" label="督查时间" rules={[{ required: true, message: '请选择起止日期' }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="scopeText" label="督查范围" rules={[{ required: true, min: 2, message: '请填写督查范围' }]}><Input.TextArea autoSize placeholder="哪些镇、园区、行业" /></Form.Item>
        <Form.Item name="teams" label="督查组" rules={[{ required: true, min: 2, message: '请填写督查组及带队人' }]}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="hazardCampaignId" label="发现隐患归入专项行动（可选）" extra="督查发现的隐患在“隐患排查治理”中登记到该专项行动，本页统计其数量">
          <Select allowClear options={(hazardCampaigns.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
        {c && <Form.Item name="summary" label="基本情况（通报用，不填则按督办事项自动生成）"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>}
      </Form>
    </Modal>
  );
}

export default function SupervisionPage() {
  const me = useMe();
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<RespTask>();
  const [search, setSearch] = useSearchParams();
  const bureau = me.scope.kind === 'all';
  // A report figure links here with its period, region, unit and kinds (?tab=&from=&to=&kind=…).
  const campaignTrace = useTraceParams(['from', 'to', 'regionCode', 'orgId']);
  const taskTrace = useTraceParams(['from', 'to', 'regionCode', 'orgId']);
  const campaigns = (
    <>{campaignTrace.note}<PagedTable<Campaign> path={`${R}/campaigns`} rowKey="id" params={campaignTrace.params} emptyText="还没有督查活动。点击“发起督查”，再把发现的问题交办给乡镇和部门。"
      filters={[{ kind: 'search', name: 'q', placeholder: '名称、编号或范围' }, { kind: 'select', name: 'kind', placeholder: '督查类型', options: opts(CAMPAIGN_KINDS) },
        { kind: 'select', name: 'year', placeholder: '年度', options: YEARS }]}
      onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '编号', dataIndex: 'number', responsive: ['md'] }, { title: '名称', dataIndex: 'title' },
        { title: '类型', dataIndex: 'kind', render: (v) => label(CAMPAIGN_KINDS, v), responsive: ['sm'] },
        { title: '时间', key: 'p', render: (_, c) => `${c.periodFrom} 至 ${c.periodTo}`, responsive: ['lg'] },
        { title: '督办事项', key: 't', render: (_, c) => <Typography.Text type={c.tasksOverdue ? 'danger' : undefined}>办结 {c.tasksDone}/{c.tasksTotal}{c.tasksOverdue ? `，逾期 ${c.tasksOverdue}` : ''}</Typography.Text> },
      ]} /></>
  );
  const tasks = (
    <>{taskTrace.note}<PagedTable<RespTask> path={`${R}/tasks`} rowKey="id" params={{ source: 'supervision', ...taskTrace.params }} emptyText="没有督办任务。上级交办的督查事项会出现在这里，到期前一天会提醒。"
      filters={[{ kind: 'search', name: 'q', placeholder: '事项或承办单位' }, { kind: 'select', name: 'status', placeholder: '状态', options: opts(TASK_STATUSES) },
        { kind: 'segmented', name: 'overdue', options: [{ label: '全部', value: '' }, { label: '逾期未反馈', value: 'true' }] }]}
      columns={[
        { title: '督办事项', dataIndex: 'title', render: (v, t) => <><div>{v}</div><Typography.Text type="secondary">{t.sourceTitle}</Typography.Text></> },
        { title: '承办单位', dataIndex: 'assigneeName', responsive: ['md'] }, { title: '期限', dataIndex: 'dueOn', responsive: ['sm'] },
        { title: '状态', key: 's', render: (_, t) => <TaskStatus t={t} /> },
        { title: '', key: 'a', render: (_, t) => (!bureau && t.status !== 'done'
          ? <Button size="small" type="primary" onClick={() => setAnswering(t)}>{t.status === 'answered' ? '修改反馈' : '反馈'}</Button>
          : t.campaignId && <Button size="small" onClick={() => setOpen(t.campaignId!)}>查看</Button>) },
      ]} /></>
  );
  return (
    <>
      <PageHeader title="督查督办" extra={bureau && me.permissions.includes('responsibility:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发起督查</Button>}>
        综合督查、专项督查、明察暗访（敲门行动）和打非治违：交办事项、按期反馈、逾期催办上报，督查通报一键生成 Word。
      </PageHeader>
      <Tabs activeKey={search.get('tab') === 'tasks' || search.get('tab') === 'campaigns' ? search.get('tab')! : bureau ? 'campaigns' : 'tasks'}
        onChange={(k) => setSearch(new URLSearchParams({ tab: k }))} destroyOnHidden items={[
        { key: 'campaigns', label: '督查活动', children: campaigns },
        { key: 'tasks', label: bureau ? '全部督办事项' : '我的督办任务', children: tasks },
      ]} />
      {open && <CampaignDrawer id={open} onClose={() => setOpen(undefined)} />}
      {creating && <CampaignForm onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); setOpen(id); }} />}
      {answering && <FeedbackModal task={answering} onClose={() => setAnswering(undefined)} />}
    </>
  );
}
