// 值班日志: calls received, notices passed on and what was done, searchable and exportable, with a form to record one.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DUTY_LOG_KINDS, type DutyLog } from '../../../../../contracts/command-duty';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { formatTime } from '../../../components/format';
import { ExportButton } from '../../../components/list/ExportButton';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { PersonalValue } from '../../../components/PersonalValue';

const LOGS = '/api/command/duty/logs';
const KIND_OPTIONS = Object.entries(DUTY_LOG_KINDS).map(([value, label]) => ({ value, label }));
const FILTERS = ['q', 'kind', 'from', 'to'];

interface Values { kind: string; at?: dayjs.Dayjs; party?: string; phone?: string; content: string; actionTaken?: string }

export function LogsTab() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const { params } = useListParams(FILTERS);
  const save = useApiMutation((v: Values) => api.post<DutyLog>(LOGS, { ...v, at: v.at?.toISOString() }),
    { invalidate: [LOGS, '/api/command/duty/desk'], success: '已记录', onSuccess: () => { setAdding(false); form.resetFields(); } });
  return (
    <>
      <PagedTable<DutyLog> path={LOGS} rowKey="id" emptyText="还没有值班日志：接到来电、传达通知或处置事项时，点击“记录日志”。"
        filters={[
          { kind: 'search', name: 'q', placeholder: '搜索内容、来电人、处理情况' },
          { kind: 'select', name: 'kind', placeholder: '类别', options: KIND_OPTIONS },
          { kind: 'dateRange', from: 'from', to: 'to' },
        ]}
        toolbar={<>
          <ExportButton path={`${LOGS}.xlsx`} params={params.filters} name="值班日志" what="值班日志" />
          {me.permissions.includes('command:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>记录日志</Button>}
        </>}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatTime(v) },
          { title: '班次', key: 'shift', render: (_, l) => `${l.dutyDate.slice(5)} ${l.shiftLabel}` },
          { title: '类别', dataIndex: 'kind', render: (k: keyof typeof DUTY_LOG_KINDS) => DUTY_LOG_KINDS[k] ?? k },
          { title: '来电人/单位', key: 'party', render: (_, l) => (l.party || l.phone ? <>{l.party} {l.phone && <PersonalValue value={l.phone} entity="duty_log" id={l.id} field="phone" />}</> : '—') },
          { title: '内容', dataIndex: 'content', width: 320, render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>{v}</Typography.Paragraph> },
          { title: '处理情况', dataIndex: 'actionTaken', width: 260, render: (v: string | null) => v ?? '—' },
          { title: '关联事件', dataIndex: 'incidentTitle', render: (v: string | null, l) => (v ? <Link to={`/command/incidents/${l.incidentId}`}>{v}</Link> : '—') },
          { title: '记录人', key: 'by', render: (_, l) => l.recordedBy.name },
        ]} />
      <Modal open={adding} title="记录值班日志" okText="保存" cancelText="取消" onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'call' }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={KIND_OPTIONS} /></Form.Item>
          <Form.Item name="at" label="时间（不填为现在）"><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
          <Form.Item name="party" label="来电人/单位"><Input maxLength={100} /></Form.Item>
          <Form.Item name="phone" label="电话" rules={[{ pattern: /^[0-9+\-() ]*$/, message: '电话只能包含数字和 + - ( )' }]}><Input maxLength={30} inputMode="tel" /></Form.Item>
          <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写来电或通知的内容' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          <Form.Item name="actionTaken" label="处理情况"><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
