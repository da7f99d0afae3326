// 培训: training sessions and the certificates of the trained (三项岗位), expiring ones flagged; recording a session
// with its trainees, each linked to the enterprise they work for.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { EnterpriseSelect } from '../hazards/EnterpriseSelect';
import { POSTS, type Certificate, type Training } from '../../../../contracts/outreach';
import { useTraceParams } from '../responsibility/shared';
import { ALL, canWrite, opts, PATH } from './shared';

type Cert = Static<typeof Certificate>;
type Session = Static<typeof Training>;
const STATUS = { expired: { color: 'red', text: '已过期' }, expiring: { color: 'orange', text: '即将到期' }, valid: { color: 'green', text: '有效' } } as const;
const day = (d?: dayjs.Dayjs) => d?.format('YYYY-MM-DD');

const trainees = (list: Record<string, dayjs.Dayjs | string>[] = []) => list.map((x) => ({ ...x, issuedOn: day(x.issuedOn as dayjs.Dayjs), expiresOn: day(x.expiresOn as dayjs.Dayjs) }));

/** Record a session with its trainees, or correct a session's own facts (`t`); trainees are added or corrected one by one. */
function TrainingForm({ t, onClose }: { t?: Session; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => (t ? api.put(`${PATH}/trainings/${t.id}`, v) : api.post(`${PATH}/trainings`, v)),
    { invalidate: ALL, success: t ? '培训班已修改' : '培训已登记', onSuccess: onClose });
  const initial = t ? { title: t.title, heldOn: dayjs(t.heldOn), hours: t.hours, organiser: t.organiser, regionCode: t.regionCode, place: t.place }
    : { organiser: me.orgName ?? '', regionCode: me.scope.regionCode ?? undefined, hours: 8, trainees: [] };
  return (
    <Modal open width={760} title={t ? '修改培训班' : '登记培训班'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial}
        onFinish={(v) => save.mutate(t ? { ...v, heldOn: day(v.heldOn) } : { ...v, heldOn: day(v.heldOn), trainees: trainees(v.trainees) })}>
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
        {!t && <TraineeList />}
      </Form>
    </Modal>
  );
}

function TraineeList() {
  return (
    <>
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
    </>
  );
}

/** Add trainees (and their certificates) to a recorded session. */
function AddTrainees({ t, onClose }: { t: Session; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { trainees?: Record<string, dayjs.Dayjs | string>[] }) => api.post(`${PATH}/trainings/${t.id}/trainees`, { trainees: trainees(v.trainees) }),
    { invalidate: ALL, success: '学员已补录', onSuccess: onClose });
  return (
    <Modal open width={760} title={`补录学员：${t.title}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ trainees: [{}] }} onFinish={(v) => save.mutate(v)}><TraineeList /></Form>
    </Modal>
  );
}

/** Correct a certificate: the person, post, number and dates (its enterprise stays). */
function EditCertificate({ c, onClose }: { c: Cert; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.put(`${PATH}/certificates/${c.id}`, { ...v, issuedOn: day(v.issuedOn as dayjs.Dayjs), expiresOn: day(v.expiresOn as dayjs.Dayjs) }),
    { invalidate: ALL, success: '证书已修改', onSuccess: onClose });
  return (
    <Modal open title={`修改证书：${c.enterpriseName}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ personName: c.personName, post: c.post, operation: c.operation ?? undefined,
        certificateNo: c.certificateNo, issuedOn: dayjs(c.issuedOn), expiresOn: dayjs(c.expiresOn) }}>
        <Space wrap>
          <Form.Item name="personName" label="姓名" rules={[{ required: true, min: 2, message: '请填写姓名' }]}><Input style={{ width: 120 }} /></Form.Item>
          <Form.Item name="post" label="岗位"><Select style={{ width: 140 }} options={opts(POSTS)} /></Form.Item>
          <Form.Item name="operation" label="作业类别（特种作业）"><Input /></Form.Item>
        </Space>
        <Form.Item name="certificateNo" label="证书编号" rules={[{ required: true, min: 4, message: '请填写证书编号' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="issuedOn" label="发证日期" rules={[{ required: true, message: '发证日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="expiresOn" label="有效期至" rules={[{ required: true, message: '有效期至' }]}><DatePicker /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export function TrainingTab() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Session>();
  const [adding, setAdding] = useState<Session>();
  const [cert, setCert] = useState<Cert>();
  const [search, setSearch] = useSearchParams();
  // A figure about sessions (培训班, with its period) opens the sessions; the certificates otherwise.
  const view: 'certs' | 'sessions' = search.get('view') === 'sessions' || search.get('from') || search.get('to') ? 'sessions' : 'certs';
  const setView = (v: 'certs' | 'sessions') => setSearch(new URLSearchParams({ tab: 'training', view: v }));
  const trace = useTraceParams(['regionCode', 'orgId']);
  const list = useListParams(['q', 'post', 'status']);
  const w = canWrite(me.permissions);
  const delTraining = useApiMutation((id: string) => api.del(`${PATH}/trainings/${id}`), { invalidate: ALL, success: '培训班已删除' });
  const delCert = useApiMutation((id: string) => api.del(`${PATH}/certificates/${id}`), { invalidate: ALL, success: '证书已删除' });
  const add = canWrite(me.permissions) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记培训班</Button>;
  const views = <Segmented value={view} onChange={setView} options={[{ value: 'certs', label: '培训证书' }, { value: 'sessions', label: '培训班' }]} />;
  return (
    <>
      {trace.note}
      {view === 'certs' ? <PagedTable<Cert> path={`${PATH}/certificates`} rowKey="id" params={trace.params} emptyText="还没有培训证书记录。登记培训班时填写学员及其证书。"
        filters={[{ kind: 'search', name: 'q', placeholder: '姓名、证书编号、企业' }, { kind: 'select', name: 'post', placeholder: '岗位', options: opts(POSTS) },
          { kind: 'select', name: 'status', placeholder: '证书状态', options: Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text })) }]}
        toolbar={<Space wrap>{views}<ExportButton path={`${PATH}/certificates/export`} params={list.params.filters} name="培训证书" what="培训证书" />{add}</Space>}
        columns={[
          { title: '姓名', dataIndex: 'personName' }, { title: '岗位', dataIndex: 'postLabel', render: (v, c) => `${v}${c.operation ? `（${c.operation}）` : ''}` },
          { title: '企业', dataIndex: 'enterpriseName', responsive: ['md'] }, { title: '证书编号', dataIndex: 'certificateNo', responsive: ['lg'] },
          { title: '有效期至', dataIndex: 'expiresOn' },
          { title: '状态', dataIndex: 'status', render: (v: Cert['status'], c) => <Tag color={STATUS[v].color}>{STATUS[v].text}{v === 'expiring' ? ` ${c.daysLeft} 天` : ''}</Tag> },
          { title: '培训班', dataIndex: 'trainingTitle', responsive: ['xl'], render: (v) => v ?? '（平台启用前取证）' },
          ...(w ? [{ title: '', key: 'x', render: (_: unknown, c: Cert) => (
            <Space size={4}>
              <Button size="small" onClick={() => setCert(c)}>修改</Button>
              <ConfirmButton size="small" danger confirm={`删除 ${c.personName} 的证书 ${c.certificateNo}？`} onConfirm={() => delCert.mutate(c.id)}>删除</ConfirmButton>
            </Space>) }] : []),
        ]} />
      : <PagedTable<Session> path={`${PATH}/trainings`} rowKey="id" params={trace.params} emptyText="还没有培训班记录。培训结束后点击“登记培训班”。"
        filters={[{ kind: 'search', name: 'q', placeholder: '培训名称、组织单位' }, { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={<Space wrap>{views}{add}</Space>}
        columns={[{ title: '日期', dataIndex: 'heldOn' }, { title: '培训', dataIndex: 'title' }, { title: '组织单位', dataIndex: 'organiser', responsive: ['md'] },
          { title: '地点', dataIndex: 'place', responsive: ['lg'] }, { title: '学时', dataIndex: 'hours', responsive: ['sm'] }, { title: '取证人数', dataIndex: 'trainees' },
          ...(w ? [{ title: '', key: 'x', render: (_: unknown, t: Session) => (
            <Space size={4} wrap>
              <Button size="small" onClick={() => setEditing(t)}>修改</Button>
              <Button size="small" onClick={() => setAdding(t)}>补录学员</Button>
              <ConfirmButton size="small" danger confirm={`删除培训班“${t.title}”？`} description={t.trainees ? `通过它登记的 ${t.trainees} 本证书一并删除。` : undefined}
                onConfirm={() => delTraining.mutate(t.id)}>删除</ConfirmButton>
            </Space>) }] : []),
        ]} />}
      {creating && <TrainingForm onClose={() => setCreating(false)} />}
      {editing && <TrainingForm t={editing} onClose={() => setEditing(undefined)} />}
      {adding && <AddTrainees t={adding} onClose={() => setAdding(undefined)} />}
      {cert && <EditCertificate c={cert} onClose={() => setCert(undefined)} />}
    </>
  );
}
