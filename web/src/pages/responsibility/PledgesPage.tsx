// 安全生产责任状: the year's signing at a glance (by signer kind, who has not signed), the letters with their targets
// and signed scans; the bureau registers a letter and records its signing.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { EnterpriseSelect } from '../hazards/EnterpriseSelect';
import { SIGNER_KINDS, type Pledge, type PledgeStatus } from '../../../../contracts/responsibility';
import { Attachments, R, YEARS, fileUrl, label, opts, REFRESH, useTraceParams } from './shared';

type Row = Static<typeof Pledge>;
type Status = Static<typeof PledgeStatus>;

function Sign({ p, onClose }: { p: Row; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { signedOn: Dayjs; fileIds?: string[] }) => api.post(`${R}/pledges/${p.id}/sign`, { signedOn: v.signedOn.format('YYYY-MM-DD'), fileId: v.fileIds?.[0] }),
    { invalidate: REFRESH, success: '已登记签订', onSuccess: onClose });
  return (
    <Modal open title={`登记签订：${p.signerName}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="fileIds" label="签订文本扫描件"><Attachments /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Correct a letter: kind, issuer, targets, the signing date; replace or remove the signed scan. */
function EditPledge({ p, onClose }: { p: Row; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { signerKind: string; issuerName: string; targets: string; signedOn?: Dayjs | null; fileIds?: string[] }) =>
    api.put(`${R}/pledges/${p.id}`, { signerKind: v.signerKind, issuerName: v.issuerName, targets: v.targets, signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
      fileId: v.fileIds?.[v.fileIds.length - 1] ?? null }), { invalidate: REFRESH, success: '责任状已修改', onSuccess: onClose });
  const kinds = opts(SIGNER_KINDS).filter((k) => (k.value === 'key_enterprise') === !!p.signerEnterpriseId);
  return (
    <Modal open width={640} title={`修改责任状：${p.signerName}（${p.year} 年）`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ signerKind: p.signerKind, issuerName: p.issuerName, targets: p.targets,
        signedOn: p.signedOn ? dayjs(p.signedOn) : null, fileIds: p.fileId ? [p.fileId] : [] }}>
        <Space wrap>
          <Form.Item name="signerKind" label="签订对象类型"><Select style={{ width: 160 }} options={kinds} /></Form.Item>
          <Form.Item name="issuerName" label="与谁签订" rules={[{ required: true, min: 2, message: '请填写与谁签订' }]}><Input /></Form.Item>
          <Form.Item name="signedOn" label="签订日期（未签订请清空）"><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="targets" label="目标任务" rules={[{ required: true, min: 4, message: '请填写责任目标（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Form.Item name="fileIds" label="签订文本" extra="上传新文件即替换原文本；移除则不保留文本"><Attachments /></Form.Item>
      </Form>
    </Modal>
  );
}

function NewPledge({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('signerKind', form);
  const save = useApiMutation((v: Record<string, unknown> & { signedOn?: Dayjs; fileIds?: string[] }) => {
    const { signedOn, fileIds, ...rest } = v;
    return api.post(`${R}/pledges`, { ...rest, signedOn: signedOn?.format('YYYY-MM-DD'), fileId: fileIds?.[0] });
  }, { invalidate: REFRESH, success: '责任状已登记', onSuccess: onClose });
  return (
    <Modal open width={640} title="登记责任状" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year, signerKind: 'town', issuerName: '市人民政府' }} onFinish={(v) => save.mutate(v)}>
        <Space wrap>
          <Form.Item name="year" label="年度"><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="signerKind" label="签订对象类型"><Select style={{ width: 160 }} options={opts(SIGNER_KINDS)} /></Form.Item>
          <Form.Item name="issuerName" label="与谁签订" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
        </Space>
        {kind === 'key_enterprise'
          ? <Form.Item name="signerEnterpriseId" label="签订企业" rules={[{ required: true, message: '请选择企业' }]}><EnterpriseSelect /></Form.Item>
          : <Form.Item name="signerOrgId" label={kind === 'town' ? '乡镇人民政府' : '签订单位'} rules={[{ required: kind === 'town', message: '请选择单位' }]}
            extra={kind === 'park_unit' ? '未建档的市直单位可不选，直接在下面填写名称' : undefined}><OrgSelect placeholder="选择单位" /></Form.Item>}
        {kind === 'park_unit' && <Form.Item name="signerName" label="单位名称（未建档时）"><Input /></Form.Item>}
        <Form.Item name="targets" label="目标任务" rules={[{ required: true, min: 4, message: '请填写责任目标（至少 4 个字）' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Space wrap>
          <Form.Item name="signedOn" label="签订日期（已签订时填写）"><DatePicker /></Form.Item>
          <Form.Item name="fileIds" label="签订文本"><Attachments /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export default function PledgesPage() {
  const me = useMe();
  const list = useListParams(['year', 'signerKind', 'signed', 'q']);
  const trace = useTraceParams(['from', 'to', 'kind', 'regionCode', 'orgId']);
  // Without a chosen year: this year, or — when this year has no letters yet (the demo is of 2022) — the latest year that has.
  const status = useQuery({ queryKey: [R, 'pledge-status', list.params.filters.year ?? 'current'],
    queryFn: () => api.get<Status>(`${R}/pledges/status`, { year: list.params.filters.year }) });
  const [signing, setSigning] = useState<Row>();
  const [editing, setEditing] = useState<Row>();
  const [creating, setCreating] = useState(false);
  const bureau = me.scope.kind === 'all' && me.permissions.includes('responsibility:write');
  const del = useApiMutation((id: string) => api.del(`${R}/pledges/${id}`), { invalidate: REFRESH, success: '已删除' });
  const s = status.data;
  const year = s?.year ?? new Date().getFullYear();
  // A figure's period (from/to) selects by signing date across years; otherwise the year at a glance.
  const yearParam = list.params.filters.year || trace.active ? undefined : s ? String(s.year) : undefined;
  return (
    <>
      <PageHeader title="安全生产责任状" extra={bureau && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记责任状</Button>}>
        每年市政府（市安委会）与园区及市直单位、各镇、重点企业签订安全生产责任状；这里看签订进度和未签订名单。
      </PageHeader>
      {status.isError && <Alert type="error" showIcon title={status.error.message} />}
      {s && !list.params.filters.year && s.year !== new Date().getFullYear() && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${new Date().getFullYear()} 年还没有登记责任状，显示最近有登记的 ${s.year} 年。可在下方“年度”中选择其他年度。`} />
      )}
      {s && (
        <Card size="small" style={{ marginBottom: 16 }} title={`${year} 年签订情况：已签 ${s.signed} / ${s.total} 份`}>
          <Flex wrap gap={24}>
            {s.byKind.map((k) => (
              <Flex key={k.key} vertical style={{ minWidth: 160 }}>
                <Typography.Text>{k.label}</Typography.Text>
                <Progress percent={k.total ? Math.round((k.signed / k.total) * 100) : 0} format={() => `${k.signed}/${k.total}`} />
              </Flex>
            ))}
            {!s.total && <Typography.Text type="secondary">该年度还没有登记责任状。</Typography.Text>}
          </Flex>
          {s.unsigned.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="danger">未签订：</Typography.Text>
              {s.unsigned.map((u) => <Tag key={u.id} color="red">{u.signerName}</Tag>)}
            </div>
          )}
        </Card>
      )}
      {trace.note}
      {(s || status.isError || trace.active) && <PagedTable<Row> path={`${R}/pledges`} rowKey="id" params={{ year: yearParam, ...trace.params }}
        emptyText="没有符合条件的责任状。换个年度看看，或点击“登记责任状”。"
        filters={[{ kind: 'select', name: 'year', placeholder: `年度（默认${year}）`, options: YEARS },
          { kind: 'select', name: 'signerKind', placeholder: '对象类型', options: opts(SIGNER_KINDS) },
          { kind: 'segmented', name: 'signed', options: [{ label: '全部', value: '' }, { label: '已签订', value: 'true' }, { label: '未签订', value: 'false' }] },
          { kind: 'search', name: 'q', placeholder: '单位或目标' }]}
        columns={[
          { title: '签订单位', dataIndex: 'signerName' }, { title: '类型', dataIndex: 'signerKind', render: (v) => label(SIGNER_KINDS, v), responsive: ['sm'] },
          { title: '签订', key: 's', render: (_, p) => p.signedOn
            ? <Space>{p.signedOn}{p.fileId && <a href={fileUrl(p.fileId)} target="_blank" rel="noreferrer">文本</a>}</Space>
            : bureau ? <Button size="small" onClick={() => setSigning(p)}>登记签订</Button> : <Tag color="red">未签订</Tag> },
          { title: '与谁签订', dataIndex: 'issuerName', responsive: ['lg'] },
          { title: '目标任务', dataIndex: 'targets', responsive: ['xl'], width: 420 },
          ...(bureau ? [{ title: '', key: 'x', render: (_: unknown, p: Row) => (
            <Space size={4}>
              <Button size="small" onClick={() => setEditing(p)}>修改</Button>
              <ConfirmButton size="small" danger confirm={`删除 ${p.signerName} ${p.year} 年的责任状？`} description="删除后不计入签订情况，操作记入审计日志。"
                onConfirm={() => del.mutate(p.id)}>删除</ConfirmButton>
            </Space>) }] : []),
        ]} />}
      {signing && <Sign p={signing} onClose={() => setSigning(undefined)} />}
      {editing && <EditPledge p={editing} onClose={() => setEditing(undefined)} />}
      {creating && <NewPledge year={year} onClose={() => setCreating(false)} />}
    </>
  );
}
