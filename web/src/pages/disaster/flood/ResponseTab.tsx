// 防汛应急响应: start a response (Ⅳ–Ⅰ) for towns; each responsible person's task with 叫应 — who confirmed, who did
// not, re-send to the silent; transfers of people at risk per danger point (应转移、已转移、已返回).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Statistic, Tabs, Tag, Table } from 'antd';
import { ExclamationCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useRegionTree } from '../../../components/regions';
import type { RegionNode } from '../../../api/types';
import { PagedTable } from '../../../components/list/PagedTable';
import { P, RESPONSE_LEVELS, kindLabel, levelLabel, roleLabel, type Response, type Task, type Transfer } from './floodApi';
import { PersonalValue } from '../../../components/PersonalValue';

const LEVEL_COLOURS: Record<number, string> = { 4: 'blue', 3: 'gold', 2: 'orange', 1: 'red' };

/** The towns in the caller's region tree. */
function useTowns() {
  const tree = useRegionTree();
  const towns: RegionNode[] = [];
  const walk = (ns: RegionNode[]) => ns.forEach((n) => (n.level === 'town' ? towns.push(n) : walk(n.children)));
  walk(tree.data ?? []);
  return towns.map((t) => ({ value: t.code, label: t.name }));
}

function StartResponse({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const towns = useTowns();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/responses`, v), { invalidate: [P], success: '响应已启动，任务已发送给所涉乡镇全部责任人', onSuccess: onClose });
  return (
    <Modal open title="启动防汛应急响应" okText="启动并下达任务" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 4 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="level" label="响应级别" rules={[{ required: true }]}>
          <Select options={Object.entries(RESPONSE_LEVELS).map(([v, l]) => ({ value: Number(v), label: l }))} />
        </Form.Item>
        <Form.Item name="townCodes" label="涉及乡镇" rules={[{ required: true, message: '请选择乡镇' }]}><Select mode="multiple" options={towns} optionFilterProp="label" placeholder="选择乡镇" /></Form.Item>
        <Form.Item name="reason" label="启动原因" rules={[{ required: true, min: 2, message: '请填写启动原因' }]}><Input.TextArea rows={3} placeholder="如：气象台发布暴雨红色预警" /></Form.Item>
      </Form>
    </Modal>
  );
}

function Transfers({ r, canWrite }: { r: Response; canWrite: boolean }) {
  const q = useQuery({ queryKey: [P, 'responses', r.id, 'transfers'], queryFn: () => api.get<Transfer[]>(`${P}/responses/${r.id}/transfers`) });
  const [edit, setEdit] = useState<Transfer>();
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.put(`${P}/responses/${r.id}/transfers/${edit!.facilityId}`, v), { invalidate: [P], success: '已更新', onSuccess: () => setEdit(undefined) });
  return (
    <>
      <Table<Transfer> size="small" rowKey="facilityId" loading={q.isPending} dataSource={q.data} pagination={{ pageSize: 20 }} scroll={{ x: true }}
        locale={{ emptyText: '所涉乡镇没有山洪危险区，无需登记转移。' }}
        onRow={(t) => ({ onClick: () => { if (canWrite && !r.endedAt) { setEdit(t); form.setFieldsValue(t); } }, style: { cursor: canWrite ? 'pointer' : undefined } })}
        columns={[{ title: '危险区', dataIndex: 'facilityName' }, { title: '乡镇', dataIndex: 'townName', responsive: ['md'] },
          { title: '应转移', dataIndex: 'planned' }, { title: '已转移', dataIndex: 'transferred' }, { title: '已返回', dataIndex: 'returned' }]} />
      <Modal open={!!edit} title={edit ? `转移人数：${edit.facilityName}` : ''} okText="保存" cancelText="取消" onCancel={() => setEdit(undefined)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="planned" label="应转移（人）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="transferred" label="已转移（人）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="returned" label="已返回（人）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ResponseDrawer({ r, canWrite, keeps, onClose }: { r: Response; canWrite: boolean; keeps: boolean; onClose: () => void }) {
  const open = !r.endedAt;
  const resend = useApiMutation(() => api.post<{ resent: number }>(`${P}/responses/${r.id}/resend`), { invalidate: [P], success: '已向未确认的责任人重发' });
  const end = useApiMutation(() => api.post(`${P}/responses/${r.id}/end`), { invalidate: [P], success: '响应已终止', onSuccess: onClose });
  const ack = useApiMutation((id: string) => api.post(`${P}/responses/${r.id}/tasks/${id}/ack`, { note: '值班员电话确认' }), { invalidate: [P], success: '已登记确认' });
  return (
    <Drawer open title={`${levelLabel(r.level)}应急响应 ${r.number}`} onClose={onClose} width={Math.min(760, window.innerWidth)}
      extra={open && keeps && <ConfirmButton danger confirm={`终止 ${r.number}？终止后不能再重发或登记确认。`} onConfirm={() => end.mutate(undefined)}>终止响应</ConfirmButton>}>
      <Flex vertical gap={12}>
        <Alert type={r.overdue ? 'warning' : 'info'} showIcon title={r.reason}
          description={`启动于 ${new Date(r.startedAt).toLocaleString('zh-CN')}${r.endedAt ? `，终止于 ${new Date(r.endedAt).toLocaleString('zh-CN')}` : ''}`} />
        <Flex wrap gap={24}>
          <Statistic title="责任人任务" value={r.tasks} /><Statistic title="已确认" value={r.acked} />
          <Statistic title="超时未确认" value={r.overdue} styles={{ content: { color: r.overdue ? '#cf1322' : undefined } }} />
          <Statistic title="转移（已转移/应转移）" value={`${r.transferred} / ${r.planned}`} /><Statistic title="已返回" value={r.returned} />
        </Flex>
        <Tabs items={[
          { key: 'tasks', label: '任务与叫应', children: (
            <PagedTable<Task> path={`${P}/responses/${r.id}/tasks`} rowKey="id" emptyText="所涉乡镇没有登记责任人，请先在“防汛设施”中登记。"
              filters={[{ kind: 'search', name: 'q', placeholder: '姓名、电话或设施' },
                { kind: 'segmented', name: 'acked', options: [{ value: '', label: '全部' }, { value: 'false', label: '未确认' }, { value: 'true', label: '已确认' }] }]}
              toolbar={open && keeps && r.acked < r.tasks && (
                <ConfirmButton confirm={`向全部未确认的责任人重发任务？`} onConfirm={() => resend.mutate(undefined)}>重发未确认</ConfirmButton>
              )}
              columns={[
                { title: '责任人', dataIndex: 'personName', render: (n, t) => <>{n} <PersonalValue value={t.phone} entity="flood_response_task" id={t.id} field="phone" /></> }, { title: '职责', dataIndex: 'role', render: roleLabel, responsive: ['sm'] },
                { title: '设施', dataIndex: 'facilityName', render: (n, t) => `${n}（${kindLabel(t.facilityKind)}）`, responsive: ['md'] },
                { title: '发送', dataIndex: 'sentCount', render: (c) => `${c} 次`, responsive: ['lg'] },
                { title: '叫应', dataIndex: 'ackedAt', render: (a, t) => (a ? <Tag color="green">已确认 {new Date(a).toLocaleTimeString('zh-CN')}</Tag>
                  : t.overdue ? <Tag color="red" icon={<ExclamationCircleOutlined />}>超时未确认</Tag> : <Tag>等待确认</Tag>) },
                ...(open && canWrite ? [{ title: '', key: 'ack', render: (_: unknown, t: Task) => !t.ackedAt && <Button size="small" onClick={() => ack.mutate(t.id)}>电话已确认</Button> }] : []),
              ]} />
          ) },
          { key: 'transfers', label: '人员转移', children: <Transfers r={r} canWrite={canWrite} /> },
        ]} />
      </Flex>
    </Drawer>
  );
}

/** The response tab. */
export function ResponseTab({ canWrite, keeps }: { canWrite: boolean; keeps: boolean }) {
  const [open, setOpen] = useState<Response>();
  const [starting, setStarting] = useState(false);
  return (
    <>
      <PagedTable<Response> path={`${P}/responses`} rowKey="id"
        filters={[{ kind: 'segmented', name: 'open', options: [{ value: '', label: '全部' }, { value: 'true', label: '进行中' }] }]}
        toolbar={keeps && <Button danger icon={<ThunderboltOutlined />} onClick={() => setStarting(true)}>启动响应</Button>}
        emptyText="没有防汛应急响应。达到启动条件时点击“启动响应”，任务会发送给所涉乡镇的全部责任人。"
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'number' }, { title: '级别', dataIndex: 'level', render: (l) => <Tag color={LEVEL_COLOURS[l]}>{levelLabel(l)}</Tag> },
          { title: '启动时间', dataIndex: 'startedAt', render: (d) => new Date(d).toLocaleString('zh-CN'), responsive: ['md'] },
          { title: '状态', dataIndex: 'endedAt', render: (e) => (e ? <Tag>已终止</Tag> : <Tag color="red">进行中</Tag>) },
          { title: '叫应', key: 'ack', render: (_, r) => <>{r.acked}/{r.tasks}{r.overdue ? <Tag color="red" style={{ marginInlineStart: 6 }}>{r.overdue} 超时</Tag> : null}</> },
          { title: '转移', key: 't', render: (_, r) => `${r.transferred}/${r.planned}`, responsive: ['sm'] },
        ]} />
      {open && <ResponseDrawer r={open} canWrite={canWrite} keeps={keeps} onClose={() => setOpen(undefined)} />}
      {starting && <StartResponse onClose={() => setStarting(false)} />}
    </>
  );
}
