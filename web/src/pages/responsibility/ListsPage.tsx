// 责任清单: each department's and each post's safety duties under 三个必须 and 党政同责、一岗双责, with the legal basis
// and the department's annual enforcement plan; a department maintains its own list.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import { DUTY_PRINCIPLES, type Duty } from '../../../../contracts/responsibility';
import { R, YEARS, label, opts, REFRESH, useTraceParams } from './shared';

type Row = Static<typeof Duty>;

/** Add a duty, or correct one (`d`): the unit and year stay, the rest may change. */
function DutyForm({ d, onClose }: { d?: Row; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => (d
    ? api.put(`${R}/duties/${d.id}`, { post: v.post || undefined, principle: v.principle, duty: v.duty, legalBasis: v.legalBasis, enforcementPlanId: d.enforcementPlanId ?? undefined })
    : api.post(`${R}/duties`, v)), { invalidate: REFRESH, success: d ? '已修改' : '已加入责任清单', onSuccess: onClose });
  const initial = d ? { orgId: d.orgId, year: d.year, post: d.post ?? undefined, principle: d.principle, duty: d.duty, legalBasis: d.legalBasis }
    : { year: new Date().getFullYear(), principle: 'industry', orgId: me.scope.kind === 'org' ? me.scope.orgId : undefined };
  return (
    <Modal open width={640} title={d ? `修改责任清单条目：${d.orgName}` : '增加责任清单条目'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {!d && <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}><OrgSelect /></Form.Item>}
        <Space wrap>
          {!d && <Form.Item name="year" label="年度"><InputNumber min={2000} max={2100} /></Form.Item>}
          <Form.Item name="post" label="岗位（单位职责不填）"><Input placeholder="如：分管副局长" /></Form.Item>
          <Form.Item name="principle" label="依据原则"><Select style={{ width: 200 }} options={opts(DUTY_PRINCIPLES)} /></Form.Item>
        </Space>
        <Form.Item name="duty" label="安全职责" rules={[{ required: true, min: 4, message: '请写明职责（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, min: 2, message: '请填写法律依据' }]}><Input placeholder="如：《中华人民共和国安全生产法》第十条" /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function ListsPage() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Row>();
  const trace = useTraceParams(['regionCode', 'orgId']);
  const canWrite = me.permissions.includes('responsibility:write');
  const del = useApiMutation((id: string) => api.del(`${R}/duties/${id}`), { invalidate: REFRESH, success: '已删除' });
  return (
    <>
      <PageHeader title="责任清单" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>增加条目</Button>}>
        按“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”和“党政同责、一岗双责”，列明各部门及岗位的安全职责和法律依据。
      </PageHeader>
      {trace.note}
      <PagedTable<Row> path={`${R}/duties`} rowKey="id" params={trace.params} emptyText="还没有责任清单。点击“增加条目”，按部门和岗位逐条列明职责与依据。"
        filters={[{ kind: 'search', name: 'q', placeholder: '单位、职责或依据' }, { kind: 'select', name: 'year', placeholder: '年度', options: YEARS },
          { kind: 'select', name: 'principle', placeholder: '依据原则', options: opts(DUTY_PRINCIPLES) }]}
        columns={[
          { title: '单位', dataIndex: 'orgName', responsive: ['sm'] }, { title: '岗位', dataIndex: 'post', render: (v) => v ?? <Tag>单位职责</Tag>, responsive: ['sm'] },
          { title: '原则', dataIndex: 'principle', render: (v) => <Tag color="blue">{label(DUTY_PRINCIPLES, v)}</Tag>, responsive: ['md'] },
          { title: '安全职责', dataIndex: 'duty', render: (v, d) => <>{v}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.orgName}{d.post ? ` · ${d.post}` : ''}</Typography.Text></div></> }, { title: '法律依据', dataIndex: 'legalBasis', responsive: ['lg'] },
          { title: '年度执法计划', dataIndex: 'enforcementPlanName', render: (v) => v ?? '—', responsive: ['xl'] },
          ...(canWrite ? [{ title: '', key: 'd', render: (_: unknown, d: Row) => (
            <Space size={4}>
              <Button size="small" onClick={() => setEditing(d)}>修改</Button>
              <ConfirmButton size="small" danger confirm="删除这条职责？" description="操作记入审计日志。" onConfirm={() => del.mutate(d.id)}>删除</ConfirmButton>
            </Space>) }] : []),
        ]} />
      {creating && <DutyForm onClose={() => setCreating(false)} />}
      {editing && <DutyForm d={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
