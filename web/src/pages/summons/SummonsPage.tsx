// 约谈: the summons the safety committee holds with towns, departments and enterprises — list with filters and
// export, counts by target kind and reason, a record with its commitments and follow-up tasks (a task is reported
// done by the summoned unit), and recording a new one.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, List, Modal, Select, Space, Statistic, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { Org, PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { EnterpriseSelect } from '../hazards/EnterpriseSelect';
import { SUMMONS_REASONS, SUMMONS_TARGET_KINDS, type Summons, type SummonsDetail, type SummonsStats } from '../../../../contracts/summons';

const PATH = '/api/summons';
const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
const label = (t: readonly { code: string; label: string }[], c: string) => t.find((x) => x.code === c)?.label ?? c;
type Stats = Static<typeof SummonsStats>;

function Detail({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [PATH, id], queryFn: () => api.get<SummonsDetail>(`${PATH}/${id}`) });
  const [note, setNote] = useState<{ task: string; text: string }>();
  const done = useApiMutation((v: { task: string; text: string }) => api.post(`${PATH}/tasks/${v.task}/done`, { note: v.text }), { invalidate: [PATH], success: '已报告完成', onSuccess: () => setNote(undefined) });
  const del = useApiMutation(() => api.del(`${PATH}/${id}`), { invalidate: [PATH], success: '已删除', onSuccess: onClose });
  const s = q.data;
  return (
    <Drawer open size="large" title={s ? `${s.number} ${s.targetName}` : '约谈'} onClose={onClose}
      extra={s && me.permissions.includes('summons:write') && <ConfirmButton danger confirm="删除这条约谈记录及其整改任务？" onConfirm={() => del.mutate(undefined)}>删除</ConfirmButton>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {s && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '被约谈单位', children: `${s.targetName}（${label(SUMMONS_TARGET_KINDS, s.targetKind)}）` },
            { label: '约谈原因', children: <><Tag color="red">{label(SUMMONS_REASONS, s.reason)}</Tag>{s.reasonDetail}</> },
            { label: '时间地点', children: `${formatTime(s.heldAt)} ${s.place}` },
            { label: '约谈单位 / 主持', children: `${s.convenedBy} / ${s.hostName}` },
            { label: '参加人员', children: s.attendees },
            { label: '整改承诺', children: s.commitments ?? '—' },
          ]} />
          <Card size="small" title={`整改任务（完成 ${s.tasksDone}/${s.tasksTotal}）`}>
            <List dataSource={s.tasks} locale={{ emptyText: '没有整改任务' }} renderItem={(t) => (
              <List.Item actions={!t.doneAt && me.permissions.includes('responsibility:write') ? [<Button key="d" size="small" onClick={() => setNote({ task: t.id, text: '' })}>报告完成</Button>] : []}>
                <List.Item.Meta title={<Space wrap>{t.title}{t.doneAt ? <Tag color="success">已完成</Tag> : t.overdue ? <Tag color="red">逾期</Tag> : <Tag>进行中</Tag>}</Space>}
                  description={`期限 ${t.dueOn}${t.doneAt ? ` · ${formatTime(t.doneAt)} ${t.doneByName ?? ''}：${t.doneNote ?? ''}` : ''}`} />
              </List.Item>
            )} />
          </Card>
        </Flex>
      )}
      <Modal open={!!note} title="报告整改完成" okText="提交" cancelText="取消" okButtonProps={{ disabled: (note?.text.trim().length ?? 0) < 2 }}
        onCancel={() => setNote(undefined)} onOk={() => note && done.mutate(note)}>
        <Input.TextArea aria-label="完成情况" rows={3} placeholder="写明完成了什么，材料报送情况" value={note?.text} onChange={(e) => setNote({ ...note!, text: e.target.value })} />
      </Modal>
    </Drawer>
  );
}

function NewSummons({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('targetKind', form);
  const orgs = useQuery({ queryKey: ['/api/orgs', 'summons'], queryFn: () => api.get<PageOf<Org>>('/api/orgs', { pageSize: 200 }) });
  const save = useApiMutation((v: Record<string, unknown>) => api.post<SummonsDetail>(PATH, v), { invalidate: [PATH], success: '约谈已登记', onSuccess: onClose });
  const targets = (orgs.data?.items ?? []).filter((o) => (kind === 'town' ? o.kind === 'town_gov' : o.kind === 'department'));
  return (
    <Modal open width={720} title="登记约谈" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ targetKind: 'town', reason: 'accidents', convenedBy: '市安委会', place: '市应急管理局会议室', tasks: [] }}
        onFinish={(v) => save.mutate({ ...v, heldAt: (v.heldAt as dayjs.Dayjs).toISOString(), tasks: (v.tasks ?? []).map((t: { title: string; dueOn: dayjs.Dayjs }) => ({ title: t.title, dueOn: t.dueOn.format('YYYY-MM-DD') })) })}>
        <Space wrap>
          <Form.Item name="targetKind" label="对象类型"><Select style={{ width: 120 }} options={opts(SUMMONS_TARGET_KINDS)} /></Form.Item>
          {kind === 'enterprise'
            ? <Form.Item name="targetEnterpriseId" label="被约谈企业" rules={[{ required: true, message: '请选择企业' }]} style={{ minWidth: 300 }}><EnterpriseSelect /></Form.Item>
            : <Form.Item name="targetOrgId" label="被约谈单位" rules={[{ required: true, message: '请选择单位' }]}><Select showSearch optionFilterProp="label" style={{ width: 260 }} options={targets.map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>}
          <Form.Item name="reason" label="原因"><Select style={{ width: 160 }} options={opts(SUMMONS_REASONS)} /></Form.Item>
        </Space>
        <Form.Item name="reasonDetail" label="具体情况" rules={[{ required: true, min: 4, message: '请写明具体情况（至少 4 个字）' }]}><Input.TextArea autoSize /></Form.Item>
        <Space wrap>
          <Form.Item name="heldAt" label="约谈时间" rules={[{ required: true, message: '请选择时间' }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
          <Form.Item name="convenedBy" label="约谈单位" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
          <Form.Item name="hostName" label="主持人" rules={[{ required: true, min: 2, message: '请填写主持人' }]}><Input /></Form.Item>
        </Space>
        <Form.Item name="attendees" label="参加人员" rules={[{ required: true, min: 2, message: '请填写参加人员' }]}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="commitments" label="整改承诺"><Input.TextArea autoSize /></Form.Item>
        <Form.List name="tasks">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline">
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: '任务内容' }]}><Input placeholder="整改任务" style={{ width: 320 }} /></Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '期限' }]}><DatePicker placeholder="完成期限" /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加整改任务</Button>
          </>
        )}</Form.List>
      </Form>
    </Modal>
  );
}

export default function SummonsPage() {
  const me = useMe();
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useListParams(['q', 'targetKind', 'reason', 'from', 'to']);
  const stats = useQuery({ queryKey: [PATH, 'stats', list.params.filters], queryFn: () => api.get<Stats>(`${PATH}/stats`, list.params.filters) });
  return (
    <>
      <PageHeader title="约谈" extra={me.permissions.includes('summons:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记约谈</Button>}>
        安委会、应急局对事故多发、重大隐患逾期未改、检查考核差的乡镇、部门和企业开展约谈，跟踪整改承诺和任务。
      </PageHeader>
      {stats.data && (
        <Flex wrap gap={24} style={{ marginBottom: 16 }}>
          <Statistic title="约谈次数" value={stats.data.total} />
          {stats.data.byTargetKind.map((x) => <Statistic key={x.key} title={`约谈${x.label}`} value={x.count} />)}
          {stats.data.byReason.map((x) => <Statistic key={x.key} title={x.label} value={x.count} />)}
          <Statistic title="整改任务完成" value={`${stats.data.tasks.done}/${stats.data.tasks.total}`} />
          <Statistic title="逾期未完成" value={stats.data.tasks.overdue} styles={{ content: { color: stats.data.tasks.overdue ? '#cf1322' : undefined } }} />
        </Flex>
      )}
      <PagedTable<Summons> path={PATH} rowKey="id" emptyText="还没有约谈记录。约谈后点击“登记约谈”记录对象、原因、承诺和整改任务。"
        filters={[{ kind: 'search', name: 'q', placeholder: '单位、情况或编号' }, { kind: 'select', name: 'targetKind', placeholder: '对象类型', options: opts(SUMMONS_TARGET_KINDS) },
          { kind: 'select', name: 'reason', placeholder: '原因', options: opts(SUMMONS_REASONS) }, { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={<ExportButton path={`${PATH}/export`} params={list.params.filters} name="约谈记录" what="约谈记录" />}
        onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'number', responsive: ['md'] }, { title: '时间', dataIndex: 'heldAt', render: (v) => dayjs(v).format('YYYY-MM-DD') },
          { title: '被约谈单位', dataIndex: 'targetName' }, { title: '原因', dataIndex: 'reason', render: (v) => <Tag color="red">{label(SUMMONS_REASONS, v)}</Tag> },
          { title: '约谈单位', dataIndex: 'convenedBy', responsive: ['lg'] },
          { title: '整改', key: 't', render: (_, s) => <Typography.Text type={s.tasksOverdue ? 'danger' : undefined}>{s.tasksDone}/{s.tasksTotal}{s.tasksOverdue ? `（逾期 ${s.tasksOverdue}）` : ''}</Typography.Text> },
        ]} />
      {open && <Detail id={open} onClose={() => setOpen(undefined)} />}
      {creating && <NewSummons onClose={() => setCreating(false)} />}
    </>
  );
}
