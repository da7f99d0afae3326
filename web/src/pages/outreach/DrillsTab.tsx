// 演练: every drill the plans record, with filters; a drill's scenario, timeline and evaluation, and the problems it
// found, each followed up as a task (owner, due date) or as a hazard in the hazards ledger.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Tag, Timeline } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PagedTable } from '../../components/list/PagedTable';
import { DRILL_KINDS, type Drill, type DrillDetail, type Problem as ProblemSchema } from '../../../../contracts/outreach';
import { useTraceParams } from '../responsibility/shared';
import { ALL, canWrite, opts, PATH } from './shared';

type Row = Static<typeof Drill>;
type Detail = Static<typeof DrillDetail>;
type Problem = Static<typeof ProblemSchema>;

function DetailForm({ d, onClose }: { d: Detail; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.put(`${PATH}/drills/${d.id}/detail`, v), { invalidate: [...ALL, '/api/command/plans'], success: '已保存', onSuccess: onClose });
  return (
    <Modal open width={640} title="演练情况与评估" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: d.kind, title: d.title, drilledOn: dayjs(d.drilledOn), participants: d.participants,
        participantUnits: d.participantUnits ?? '', scenario: d.scenario ?? '', timeline: d.timeline, score: d.score ?? undefined, evaluation: d.evaluation ?? '' }}
        onFinish={(v) => save.mutate({ ...v, drilledOn: (v.drilledOn as dayjs.Dayjs).format('YYYY-MM-DD'), timeline: v.timeline ?? [] })}>
        <Form.Item name="title" label="演练名称" rules={[{ required: true, min: 2, message: '请填写演练名称' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="drilledOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="kind" label="形式"><Radio.Group options={opts(DRILL_KINDS)} /></Form.Item>
          <Form.Item name="participants" label="参演人数"><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="participantUnits" label="参演单位"><Input /></Form.Item>
        <Form.Item name="scenario" label="演练情景" rules={[{ required: true, min: 4, message: '请描述演练情景（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.List name="timeline">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'at']} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '时间如 09:30' }]}><Input placeholder="09:30" style={{ width: 80 }} /></Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: '内容' }]}><Input placeholder="环节内容" style={{ width: 340 }} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>添加过程环节</Button>
          </>
        )}</Form.List>
        <Form.Item name="score" label="评估得分"><InputNumber min={0} max={100} /></Form.Item>
        <Form.Item name="evaluation" label="评估意见"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Record a problem the drill found (a task or a hazard), or correct one (`p`: its wording, a task's owner and due date). */
function ProblemForm({ id, p, onClose }: { id: string; p?: Problem; onClose: () => void }) {
  const [form] = Form.useForm();
  const follow = Form.useWatch('followUp', form);
  const save = useApiMutation((v: Record<string, unknown> & { description?: string; owner?: string }) => {
    const body = { ...v, dueOn: v.dueOn ? (v.dueOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined };
    return p ? api.put(`${PATH}/problems/${p.id}`, { description: body.description, owner: body.owner, dueOn: body.dueOn }) : api.post(`${PATH}/drills/${id}/problems`, body);
  }, { invalidate: [...ALL, '/api/hazards'], success: p ? '问题已修改' : '问题已登记', onSuccess: onClose });
  const initial = p ? { followUp: p.followUp, description: p.description, owner: p.owner ?? undefined, dueOn: p.dueOn ? dayjs(p.dueOn) : undefined } : { followUp: 'task' };
  return (
    <Modal open title={p ? '修改演练发现的问题' : '登记演练发现的问题'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="description" label="问题" rules={[{ required: true, min: 4, message: '请描述问题（至少 4 个字）' }]}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="followUp" label="如何整改"><Radio.Group disabled={!!p} options={[{ value: 'task', label: '整改任务' }, { value: 'hazard', label: '作为隐患上报' }]} /></Form.Item>
        {follow === 'task' ? (
          <Space wrap>
            <Form.Item name="owner" label="责任单位" rules={[{ required: true, min: 2, message: '请填写责任单位' }]}><Input /></Form.Item>
            <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择期限' }]}><DatePicker /></Form.Item>
          </Space>
        ) : <Alert type="info" showIcon title={p ? '已作为隐患上报，整改进度见隐患台账。' : '将在隐患台账中生成一条一般隐患，按隐患流程整改、复查、销号。'} />}
      </Form>
    </Modal>
  );
}

function DrillDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [PATH, 'drill', id], queryFn: () => api.get<Detail>(`${PATH}/drills/${id}`) });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [note, setNote] = useState<{ id: string; text: string }>();
  const [problem, setProblem] = useState<Problem>();
  const del = useApiMutation((pid: string) => api.del(`${PATH}/problems/${pid}`), { invalidate: ALL, success: '问题已删除' });
  const done = useApiMutation((v: { id: string; text: string }) => api.post(`${PATH}/problems/${v.id}/done`, { note: v.text }), { invalidate: ALL, success: '已报告完成', onSuccess: () => setNote(undefined) });
  const d = q.data; const w = canWrite(me.permissions);
  return (
    <Drawer open size="large" title={d?.title ?? '演练'} onClose={onClose} extra={d && w && <Space wrap><Button onClick={() => setEditing(true)}>修改情况与评估</Button><Button onClick={() => setAdding(true)}>登记问题</Button></Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '预案', children: d.planTitle }, { label: '日期 / 形式', children: `${d.drilledOn} ${d.kindLabel}` },
            { label: '参演', children: `${d.participants} 人 ${d.participantUnits ?? ''}` }, { label: '情景', children: d.scenario ?? '尚未填写，点击“修改情况与评估”' },
            { label: '评估', children: d.score !== null ? `${d.score} 分 ${d.evaluation ?? ''}` : d.evaluation ?? '—' },
          ]} />
          {d.timeline.length > 0 && <Card size="small" title="演练过程"><Timeline items={d.timeline.map((x) => ({ content: `${x.at} ${x.text}` }))} /></Card>}
          <Card size="small" title={`发现问题（${d.items.length}）`}>
            <List dataSource={d.items} locale={{ emptyText: d.planProblems ? `预案登记的问题：${d.planProblems}（可点击“登记问题”转为整改任务或隐患）` : '没有登记问题' }} renderItem={(p) => (
              <List.Item actions={w ? [
                p.followUp === 'task' && !p.doneAt && <Button key="d" size="small" onClick={() => setNote({ id: p.id, text: '' })}>报告完成</Button>,
                <Button key="e" size="small" onClick={() => setProblem(p)}>修改</Button>,
                p.followUp === 'task' && <ConfirmButton key="x" size="small" danger confirm="删除这个问题？" onConfirm={() => del.mutate(p.id)}>删除</ConfirmButton>,
              ].filter(Boolean) : []}>
                <List.Item.Meta title={<Space wrap>{p.description}{p.followUp === 'hazard'
                  ? <Link to={`/hazards/${p.hazardId}`}><Tag color="volcano">隐患 {p.hazardNumber}</Tag></Link>
                  : p.doneAt ? <Tag color="success">已完成</Tag> : p.overdue ? <Tag color="red">逾期</Tag> : <Tag>整改中</Tag>}</Space>}
                  description={p.followUp === 'task' ? `${p.owner} · 期限 ${p.dueOn}${p.doneNote ? ` · ${p.doneNote}` : ''}` : '按隐患流程整改'} />
              </List.Item>
            )} />
          </Card>
        </Flex>
      )}
      {editing && d && <DetailForm d={d} onClose={() => setEditing(false)} />}
      {adding && <ProblemForm id={id} onClose={() => setAdding(false)} />}
      {problem && <ProblemForm id={id} p={problem} onClose={() => setProblem(undefined)} />}
      <Modal open={!!note} title="报告整改完成" okText="提交" cancelText="取消" okButtonProps={{ disabled: (note?.text.trim().length ?? 0) < 2 }}
        onCancel={() => setNote(undefined)} onOk={() => note && done.mutate(note)}>
        <Input.TextArea aria-label="完成情况" rows={3} value={note?.text} onChange={(e) => setNote({ ...note!, text: e.target.value })} />
      </Modal>
    </Drawer>
  );
}

/** Record a drill against a plan: through the plans part's own route (POST /api/command/plans/:id/drills). */
function NewDrill({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  // The last answer stays while the next search loads (a click on an option is not lost), and the chosen plan stays
  // an option after its search is cleared, so its title keeps showing (not its id).
  const plans = useQuery({ queryKey: ['/api/command/plans', 'drill-pick', q], placeholderData: keepPreviousData,
    queryFn: () => api.get<{ items: { id: string; title: string }[] }>('/api/command/plans', { q: q || undefined, pageSize: 30 }) });
  const [picked, setPicked] = useState<{ id: string; title: string }>();
  const found = plans.data?.items ?? [];
  const planOptions = (picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found).map((p) => ({ value: p.id, label: p.title }));
  const save = useApiMutation(({ planId, ...v }: Record<string, unknown>) => api.post(`/api/command/plans/${planId}/drills`, v),
    { invalidate: [...ALL, '/api/command/plans'], success: '演练已登记，可在列表中补充情景与评估', onSuccess: onClose });
  return (
    <Modal open title="登记演练" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'live', participants: 0, drilledOn: dayjs() }} onFinish={(v) => save.mutate({ ...v, drilledOn: (v.drilledOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="planId" label="依据的预案" rules={[{ required: true, message: '请选择预案' }]}>
          <Select showSearch filterOption={false} onSearch={setQ} placeholder="输入预案名称搜索" loading={plans.isFetching} options={planOptions}
            onSelect={(id: string) => setPicked(found.find((p) => p.id === id))} />
        </Form.Item>
        <Form.Item name="title" label="演练名称" rules={[{ required: true, min: 2, message: '请填写演练名称' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="drilledOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="kind" label="形式"><Radio.Group options={opts(DRILL_KINDS)} /></Form.Item>
          <Form.Item name="participants" label="参演人数"><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="participantUnits" label="参演单位"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

export function DrillsTab() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const trace = useTraceParams(['regionCode', 'orgId']); // a report figure's region or unit
  const [open, setOpen] = useState<string>();
  return (
    <>
      {trace.note}
      <PagedTable<Row> path={`${PATH}/drills`} rowKey="id" params={trace.params} emptyText="还没有演练记录。点击“登记演练”按预案登记，再补充情景、过程、评估和发现的问题。"
        filters={[{ kind: 'search', name: 'q', placeholder: '演练、预案、参演单位' }, { kind: 'select', name: 'kind', placeholder: '演练形式', options: opts(DRILL_KINDS) },
          { kind: 'select', name: 'withProblems', placeholder: '发现问题', options: [{ value: 'true', label: '有问题' }] }, { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={me.permissions.includes('plan:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记演练</Button>}
        onRow={(d) => ({ onClick: () => setOpen(d.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '日期', dataIndex: 'drilledOn' }, { title: '演练', dataIndex: 'title' },
          { title: '形式', dataIndex: 'kindLabel', responsive: ['sm'], render: (v) => <Tag>{v}</Tag> },
          { title: '区划', dataIndex: 'regionName', responsive: ['lg'] }, { title: '人数', dataIndex: 'participants', responsive: ['md'] },
          { title: '评估', dataIndex: 'score', responsive: ['md'], render: (v, d) => (v !== null ? `${v} 分` : d.hasDetail ? '已填' : <Tag>待补充</Tag>) },
          { title: '问题', key: 'p', render: (_, d) => (d.problems ? `${d.problems}${d.openProblems ? `（未完成 ${d.openProblems}）` : ''}` : '—') },
        ]} />
      {open && <DrillDrawer id={open} onClose={() => setOpen(undefined)} />}
      {creating && <NewDrill onClose={() => setCreating(false)} />}
    </>
  );
}
