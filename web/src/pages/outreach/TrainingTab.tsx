// 培训: training sessions and the certificates of the trained (三项岗位), expiring ones flagged; recording a session
// with its trainees, each linked to the enterprise they work for.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { EnterpriseSelect } from '../hazards/EnterpriseSelect';
import { POSTS, type Certificate, type Training } from '../../../../contracts/outreach';
import { ALL, canWrite, opts, PATH } from './shared';

type Cert = Static<typeof Certificate>;
type Session = Static<typeof Training>;
const STATUS = { expired: { color: 'red', text: '已过期' }, expiring: { color: 'orange', text: '即将到期' }, valid: { color: 'green', text: '有效' } } as const;
const day = (d?: dayjs.Dayjs) => d?.format('YYYY-MM-DD');

function NewTraining({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${PATH}/trainings`, v), { invalidate: ALL, success: '培训已登记', onSuccess: onClose });
  return (
    <Modal open width={760} title="登记培训班" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ organiser: me.orgName ?? '', regionCode: me.scope.regionCode ?? undefined, hours: 8, trainees: [] }}
        onFinish={(v) => save.mutate({ ...v, heldOn: day(v.heldOn), trainees: (v.trainees ?? []).map((x: Record<string, dayjs.Dayjs | string>) => ({
          ...x, issuedOn: day(x.issuedOn as dayjs.Dayjs), expiresOn: day(x.expiresOn as dayjs.Dayjs) })) })}>
        <Form.Item name="title" label="培训名称" rules={[{ required: true, min: 2, message: '请填写培训名称' }]}><Input placeholder="如：企业主要负责人安全生产培训会" /></Form.Item>
        <Space wrap>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="hours" label="学时"><InputNumber min={0} /></Form.Item>
          <Form.Item name="organiser" label="组织单位" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="regionCode" label="区划" rules={[{ required: true, message: '请选择区划' }]} style={{ minWidth: 220 }}><RegionTreeSelect /></Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, min: 2, message: '请填写地点' }]}><Input /></Form.Item>
        </Space>
        <Typography.Text strong>学员及证书</Typography.Text>
        <Form.List name="trainees">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline" style={{ borderBottom: '1px dashed #eee', paddingTop: 8 }}>
                <Form.Item name={[f.name, 'enterpriseId']} rules={[{ required: true, message: '所在企业' }]} style={{ minWidth: 240 }}><EnterpriseSelect /></Form.Item>
                <Form.Item name={[f.name, 'personName']} rules={[{ required: true, min: 2, message: '姓名' }]}><Input placeholder="姓名" style={{ width: 100 }} /></Form.Item>
                <Form.Item name={[f.name, 'post']} rules={[{ required: true, message: '岗位' }]}><Select placeholder="岗位" style={{ width: 130 }} options={opts(POSTS)} /></Form.Item>
                <Form.Item name={[f.name, 'operation']}><Input placeholder="作业类别（特种作业）" style={{ width: 160 }} /></Form.Item>
                <Form.Item name={[f.name, 'certificateNo']} rules={[{ required: true, min: 4, message: '证书编号' }]}><Input placeholder="证书编号" style={{ width: 160 }} /></Form.Item>
                <Form.Item name={[f.name, 'issuedOn']} rules={[{ required: true, message: '发证日期' }]}><DatePicker placeholder="发证日期" /></Form.Item>
                <Form.Item name={[f.name, 'expiresOn']} rules={[{ required: true, message: '有效期至' }]}><DatePicker placeholder="有效期至" /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>添加学员</Button>
          </>
        )}</Form.List>
      </Form>
    </Modal>
  );
}

export function TrainingTab() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<'certs' | 'sessions'>('certs');
  const list = useListParams(['q', 'post', 'status']);
  const add = canWrite(me.permissions) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记培训班</Button>;
  const views = <Segmented value={view} onChange={setView} options={[{ value: 'certs', label: '培训证书' }, { value: 'sessions', label: '培训班' }]} />;
  return (
    <>
      {view === 'certs' ? <PagedTable<Cert> path={`${PATH}/certificates`} rowKey="id" emptyText="还没有培训证书记录。登记培训班时填写学员及其证书。"
        filters={[{ kind: 'search', name: 'q', placeholder: '姓名、证书编号、企业' }, { kind: 'select', name: 'post', placeholder: '岗位', options: opts(POSTS) },
          { kind: 'select', name: 'status', placeholder: '证书状态', options: Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text })) }]}
        toolbar={<Space wrap>{views}<ExportButton path={`${PATH}/certificates/export`} params={list.params.filters} name="培训证书" what="培训证书" />{add}</Space>}
        columns={[
          { title: '姓名', dataIndex: 'personName' }, { title: '岗位', dataIndex: 'postLabel', render: (v, c) => `${v}${c.operation ? `（${c.operation}）` : ''}` },
          { title: '企业', dataIndex: 'enterpriseName', responsive: ['md'] }, { title: '证书编号', dataIndex: 'certificateNo', responsive: ['lg'] },
          { title: '有效期至', dataIndex: 'expiresOn' },
          { title: '状态', dataIndex: 'status', render: (v: Cert['status'], c) => <Tag color={STATUS[v].color}>{STATUS[v].text}{v === 'expiring' ? ` ${c.daysLeft} 天` : ''}</Tag> },
          { title: '培训班', dataIndex: 'trainingTitle', responsive: ['xl'], render: (v) => v ?? '（平台启用前取证）' },
        ]} />
      : <PagedTable<Session> path={`${PATH}/trainings`} rowKey="id" emptyText="还没有培训班记录。培训结束后点击“登记培训班”。"
        filters={[{ kind: 'search', name: 'q', placeholder: '培训名称、组织单位' }, { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={<Space wrap>{views}{add}</Space>}
        columns={[{ title: '日期', dataIndex: 'heldOn' }, { title: '培训', dataIndex: 'title' }, { title: '组织单位', dataIndex: 'organiser', responsive: ['md'] },
          { title: '地点', dataIndex: 'place', responsive: ['lg'] }, { title: '学时', dataIndex: 'hours', responsive: ['sm'] }, { title: '取证人数', dataIndex: 'trainees' }]} />}
      {creating && <NewTraining onClose={() => setCreating(false)} />}
    </>
  );
}
