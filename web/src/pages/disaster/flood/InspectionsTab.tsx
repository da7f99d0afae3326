// 备汛检查: batches of the season (town self-checks and county checks), a batch's facilities and findings; a finding
// is recorded as a hazard and then rectified under 一单四制 on the hazard's own page.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { download } from '../../../api/transfer';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { PagedTable } from '../../../components/list/PagedTable';
import { CHECK_LEVELS, P, checkLabel, kindLabel, opts, type Batch, type BatchDetail, type Facility, type Team } from './floodApi';

const STATUS: Record<string, [string, string]> = { pending: ['待整改', 'red'], rectifying: ['整改中', 'orange'], review: ['待复查', 'gold'], closed: ['已整改', 'green'] };

function Finding({ batch, onClose }: { batch: BatchDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/batches/${batch.id}/findings`, v), { invalidate: [P, '/api/hazards'], success: '已登记为隐患，请在隐患页面交办整改', onSuccess: onClose });
  return (
    <Modal open title="登记发现的问题" okText="登记为隐患" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="facilityId" label="设施" rules={[{ required: true, message: '请选择设施' }]}>
          <Select showSearch optionFilterProp="label" options={batch.facilityList.map((f) => ({ value: f.id, label: `${f.name}（${kindLabel(f.kind)}）` }))} />
        </Form.Item>
        <Form.Item name="title" label="问题" rules={[{ required: true, min: 2, message: '请填写发现的问题' }]}><Input placeholder="如：溢洪道堵塞" /></Form.Item>
        <Form.Item name="description" label="说明"><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

function BatchDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const q = useQuery({ queryKey: [P, 'batches', id], queryFn: () => api.get<BatchDetail>(`${P}/batches/${id}`) });
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  /** The 一单四制 rectification notice of the batch, or of one finding, as Word. */
  const notice = (x: BatchDetail, h?: BatchDetail['findingList'][number]) =>
    download(`${P}/batches/${x.id}/notice.docx`, h ? { hazardId: h.hazardId } : undefined, `防汛隐患整改通知书-${x.number}${h ? `-${h.number}` : ''}.docx`).catch((e: Error) => message.error(e.message));
  const b = q.data;
  return (
    <Drawer open title={b ? `检查批次 ${b.number}` : '检查批次'} onClose={onClose} width={Math.min(560, window.innerWidth)}
      extra={b && <Space wrap>
        {b.findingList.length > 0 && <Button icon={<DownloadOutlined />} onClick={() => notice(b)}>整改通知书</Button>}
        {canWrite && <Button type="primary" onClick={() => setAdding(true)}>登记问题</Button>}
      </Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {b && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '检查组', children: `${b.teamName}（${checkLabel(b.level)}）` }, { label: '区域', children: b.regionName }, { label: '日期', children: b.inspectedOn },
            { label: '问题 / 已整改', children: `${b.findings} / ${b.rectified}` },
          ]} />
          <List header={`发现的问题（${b.findingList.length}）`} dataSource={b.findingList} locale={{ emptyText: '本批次未发现问题。发现问题时点击“登记问题”，问题作为隐患按“一单四制”交办整改。' }}
            renderItem={(h) => (
              <List.Item extra={<Space direction="vertical" align="end" size={4}>
                <Tag color={STATUS[h.status]?.[1]}>{STATUS[h.status]?.[0] ?? h.status}</Tag>
                <Button size="small" type="link" onClick={() => notice(b, h)}>通知书</Button>
              </Space>}>
                <List.Item.Meta title={<Link to={`/hazards/${h.hazardId}`}>{h.number} {h.title}</Link>}
                  description={h.responsiblePerson ? `责任人 ${h.responsiblePerson} · 措施 ${h.measures ?? '—'} · 资金 ${h.funds ?? '—'} 元 · 期限 ${h.deadline ?? '—'}` : '待交办（责任人、措施、资金、期限）'} />
              </List.Item>
            )} />
          <List header={`检查的设施（${b.facilityList.length}）`} size="small" dataSource={b.facilityList} renderItem={(f) => <List.Item>{f.name} · {kindLabel(f.kind)}</List.Item>} />
        </Flex>
      )}
      {adding && b && <Finding batch={b} onClose={() => setAdding(false)} />}
    </Drawer>
  );
}

function NewBatch({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const region = Form.useWatch('regionCode', form);
  const teams = useQuery({ queryKey: [P, 'teams'], queryFn: () => api.get<Team[]>(`${P}/teams`) });
  const facilities = useQuery({ queryKey: [P, 'facilities', 'pick', region], enabled: !!region,
    queryFn: () => api.get<{ items: Facility[] }>(`${P}/facilities`, { regionCode: region, pageSize: 200 }) });
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/batches`, v), { invalidate: [P], success: '检查批次已登记', onSuccess: onClose });
  return (
    <Modal open title="登记检查批次" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'town' }}
        onFinish={(v) => save.mutate({ ...v, inspectedOn: (v.inspectedOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="level" label="检查类型" rules={[{ required: true }]}><Select options={opts(CHECK_LEVELS)} /></Form.Item>
        <Form.Item name="teamId" label="检查组" rules={[{ required: true, message: '请选择检查组' }]}>
          <Select options={(teams.data ?? []).map((t) => ({ value: t.id, label: `${t.name}（${t.members.length + 1} 人）` }))} />
        </Form.Item>
        <Form.Item name="regionCode" label="检查区域（乡镇）" rules={[{ required: true, message: '请选择乡镇' }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="facilityIds" label="检查的设施" rules={[{ required: true, message: '请至少选择一处设施' }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" placeholder={region ? '选择设施' : '先选择检查区域'} loading={facilities.isFetching}
            options={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${kindLabel(f.kind)}）` }))} />
        </Form.Item>
        <Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The inspections tab. */
export function InspectionsTab({ canWrite, season }: { canWrite: boolean; season: number }) {
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<Batch> path={`${P}/batches`} rowKey="id" params={{ season }}
        filters={[{ kind: 'search', name: 'q', placeholder: '批次号、检查组或乡镇' }, { kind: 'select', name: 'level', placeholder: '检查类型', options: opts(CHECK_LEVELS) },
          { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={canWrite && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记检查批次</Button>}
        emptyText={`${season}年还没有检查批次。组建检查组后点击“登记检查批次”。`}
        onRow={(b) => ({ onClick: () => setOpen(b.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '批次', dataIndex: 'number' }, { title: '类型', dataIndex: 'level', render: (l) => <Tag color={l === 'county' ? 'blue' : 'default'}>{checkLabel(l)}</Tag> },
          { title: '检查组', dataIndex: 'teamName', responsive: ['md'] }, { title: '区域', dataIndex: 'regionName' }, { title: '日期', dataIndex: 'inspectedOn', responsive: ['sm'] },
          { title: '设施', dataIndex: 'facilities', responsive: ['md'] }, { title: '问题 / 已整改', key: 'f', render: (_, b) => `${b.findings} / ${b.rectified}` },
        ]} />
      {open && <BatchDrawer id={open} canWrite={canWrite} onClose={() => setOpen(undefined)} />}
      {creating && <NewBatch onClose={() => setCreating(false)} />}
    </>
  );
}
