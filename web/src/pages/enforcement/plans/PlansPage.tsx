// 执法计划: the annual supervision plans (年度监督检查计划) with progress; a plan opens in a drawer with its progress
// by sector and by month; 新建计划 drafts one (items: sector × month × planned count), 批准 makes it binding.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PLANS, PLAN_ITEM_KINDS, SECTORS, optionsOf, paths, type Plan, type PlanDetail } from '../enforcementApi';

// 年度 filter (kept in the URL, so a link such as the dashboard's lands on one year's plans).
const thisYear = new Date().getFullYear();
const PLAN_FILTERS: FilterDef[] = [{ kind: 'select', name: 'year', placeholder: '全部年度', width: 120,
  options: Array.from({ length: thisYear + 2 - 2020 }, (_, i) => String(thisYear + 1 - i)).map((y) => ({ label: `${y}年`, value: y })) }];

const rate = (planned: number, done: number) => <Progress percent={planned ? Math.round((done / planned) * 100) : 0} size="small" format={() => `${done}/${planned}`} style={{ minWidth: 140 }} />;

function PlanDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [PLANS, id], queryFn: () => api.get<PlanDetail>(`${PLANS}/${id}`) });
  const approve = useApiMutation(() => api.post(`${PLANS}/${id}/approve`), { invalidate: [PLANS], success: '计划已批准' });
  const p = q.data;
  // Inspections count against an approved plan; a 双随机 item is done through a draw.
  const canStart = !!p && p.status === 'approved' && me.permissions.includes('enforcement:write');
  return (
    <Drawer open size="large" title={p?.name ?? '计划'} onClose={onClose}
      extra={p && p.status === 'draft' && me.permissions.includes('enforcement:write') && <ConfirmButton type="primary" confirm="批准该计划？" onConfirm={() => approve.mutate()}>批准</ConfirmButton>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <div>完成进度 {rate(p.planned, p.done)}</div>
          <Table rowKey="sector" size="small" pagination={false} dataSource={p.bySector} columns={[{ title: '行业', dataIndex: 'label' }, { title: '进度', key: 'r', render: (_, r) => rate(r.planned, r.done) }]} />
          <Table rowKey="month" size="small" pagination={false} dataSource={p.byMonth} columns={[{ title: '月份', dataIndex: 'month', render: (m) => `${m}月` }, { title: '进度', key: 'r', render: (_, r) => rate(r.planned, r.done) }]} />
          <Table rowKey={(r) => `${r.sector}-${r.month}-${r.kind}`} size="small" pagination={false} dataSource={p.items} scroll={{ x: 'max-content' }} data-testid="plan-items"
            columns={[{ title: '计划条目', key: 'i', render: (_, r) => `${r.month}月 · ${r.sectorLabel} · ${PLAN_ITEM_KINDS[r.kind as keyof typeof PLAN_ITEM_KINDS] ?? r.kind}` },
              { title: '进度', key: 'r', render: (_, r) => rate(r.planned, r.done) },
              ...(canStart ? [{ title: '', key: 'go', render: (_: unknown, r: PlanDetail['items'][number]) => r.kind === 'random'
                ? <Link to={paths.draws}>双随机抽取</Link> : <Link to={paths.newInspection({ origin: 'plan', planId: p.id, sector: r.sector })}>开始检查</Link> }] : [])]} />
        </Space>
      )}
    </Drawer>
  );
}

function NewPlan({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post<PlanDetail>(PLANS, v), { invalidate: [PLANS], success: '已保存计划草稿', onSuccess: () => { form.resetFields(); onClose(); } });
  const year = new Date().getFullYear() + 1;
  return (
    <Modal open={open} title="制定年度监督检查计划" width={720} okText="保存草稿" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year, name: `${year}年度安全生产监督检查计划`, items: [{ sector: 'hazchem', month: 3, kind: 'routine', planned: 5 }] }} onFinish={(v) => save.mutate(v)}>
        <Space wrap><Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, min: 2 }]} style={{ minWidth: 360 }}><Input /></Form.Item></Space>
        <Form.List name="items">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline">
                <Form.Item name={[f.name, 'sector']} rules={[{ required: true }]}><Select style={{ width: 140 }} options={SECTORS.map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>
                <Form.Item name={[f.name, 'month']} rules={[{ required: true }]}><Select style={{ width: 90 }} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} /></Form.Item>
                <Form.Item name={[f.name, 'kind']}><Select style={{ width: 120 }} options={optionsOf(PLAN_ITEM_KINDS)} /></Form.Item>
                <Form.Item name={[f.name, 'planned']} rules={[{ required: true }]}><InputNumber min={1} addonAfter="家次" /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ month: 1, kind: 'routine', planned: 1 })}>添加条目</Button>
          </>
        )}</Form.List>
      </Form>
    </Modal>
  );
}

export default function PlansPage() {
  const me = useMe();
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="执法计划" extra={me.permissions.includes('enforcement:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>制定计划</Button>}>
        年度监督检查计划：按行业和月份计划检查家次，检查完成后自动计入进度。
      </PageHeader>
      <PagedTable<Plan> path={PLANS} rowKey="id" filters={PLAN_FILTERS} emptyText="还没有执法计划。" onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '年度', dataIndex: 'year' }, { title: '名称', dataIndex: 'name' }, { title: '部门', dataIndex: 'orgName', render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'status', render: (v) => v === 'draft' ? <Tag color="warning">草稿</Tag> : <Tag color="success">已批准</Tag> },
          { title: '进度', key: 'p', render: (_, p) => rate(p.planned, p.done) },
        ]} />
      {open && <PlanDrawer id={open} onClose={() => setOpen(undefined)} />}
      <NewPlan open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
