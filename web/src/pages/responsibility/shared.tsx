// What the responsibility pages share: code tables as options, the task status tag, attachments upload, and a
// task's feedback form (the assignee answers, often on a phone).
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { upload } from '../../api/transfer';
import type { RespTask } from '../../../../contracts/responsibility';

export const R = '/api/responsibility';
/** Every list of these pages (a list's query key is its API path), refreshed after any change. */
export const REFRESH = [R, `${R}/tasks`, `${R}/campaigns`, `${R}/pledges`, `${R}/duties`];
type Table = readonly { code: string; label: string }[];
export const opts = (t: Table) => t.map((x) => ({ value: x.code, label: x.label }));
export const label = (t: Table, c: string) => t.find((x) => x.code === c)?.label ?? c;
export const YEARS = [2022, 2023, 2024, 2025, 2026, 2027].map((y) => ({ value: String(y), label: `${y}年` }));
export const fileUrl = (id: string) => `/api/files/${id}/content`;

/** The task's state as the assignee and the bureau read it. */
export function TaskStatus({ t }: { t: Pick<RespTask, 'status' | 'overdue' | 'escalatedAt'> }) {
  if (t.status === 'done') return <Tag color="success">已办结</Tag>;
  if (t.status === 'answered') return <Tag color="processing">已反馈</Tag>;
  return t.overdue ? <Tag color="red">逾期未反馈{t.escalatedAt ? '·已上报' : ''}</Tag> : <Tag>待反馈</Tag>;
}

/** Files attached to a form field (value: file ids); any document or photo. */
export function Attachments({ value = [], onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function add(files: FileList | null) {
    setBusy(true);
    let ids = value;
    for (const f of Array.from(files ?? [])) {
      try {
        const r = await upload<{ id: string }>('/api/files', {}, f);
        ids = [...ids, r.id];
        setNames((n) => ({ ...n, [r.id]: f.name }));
        onChange?.(ids);
      } catch (e) { message.error((e as Error).message); }
    }
    setBusy(false);
  }
  return (
    <Flex vertical gap={4}>
      <input ref={input} type="file" multiple style={{ display: 'none' }} data-testid="attachments" onChange={(e) => { void add(e.target.files); e.target.value = ''; }} />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>上传附件（照片、文件）</Button>
      {value.map((id) => (
        <Space key={id}><PaperClipOutlined /><a href={fileUrl(id)} target="_blank" rel="noreferrer">{names[id] ?? '附件'}</a>
          <Typography.Link type="danger" onClick={() => onChange?.(value.filter((v) => v !== id))}>移除</Typography.Link></Space>
      ))}
    </Flex>
  );
}

/** The assignee's answer to a task: what was done, with attachments. */
export function FeedbackModal({ task, onClose }: { task: RespTask; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { feedback: string; fileIds?: string[] }) => api.post(`${R}/tasks/${task.id}/feedback`, v),
    { invalidate: REFRESH, success: '已反馈办理情况', onSuccess: onClose });
  return (
    <Modal open title={`反馈：${task.title}`} okText="提交反馈" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">反馈期限 {task.dueOn}。{task.detail}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ feedback: task.feedback ?? '', fileIds: task.feedbackFiles }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="feedback" label="办理情况" rules={[{ required: true, min: 2, message: '请写明办理情况（至少 2 个字）' }]}>
          <Input.TextArea rows={4} placeholder="做了什么、整改到什么程度、还有什么问题" />
        </Form.Item>
        <Form.Item name="fileIds" label="佐证材料"><Attachments /></Form.Item>
      </Form>
    </Modal>
  );
}

const TRACE_WORDS: Record<string, (v: string) => string> = {
  regionCode: (v) => `区划 ${v}`, orgId: () => '指定单位', source: (v) => (v === 'supervision' ? '督查交办' : '会议议定'), overdue: () => '逾期未反馈',
  kind: (v) => `类型 ${v.split(',').length} 种`, q: (v) => `含“${v}”`, withProblems: () => '发现问题的',
};
/** Filters a report figure puts in the URL (period, region, unit …) that the page's filter bar does not show: sent with the list,
 *  and named in a note with a way back to the whole list. */
export function useTraceParams(names: readonly string[]) {
  const [search, setSearch] = useSearchParams();
  const params: Record<string, string> = {};
  for (const n of names) { const v = search.get(n); if (v) params[n] = v; }
  const words = [params.from || params.to ? `${params.from ?? '…'} 至 ${params.to ?? '…'}` : '',
    ...Object.entries(params).filter(([k]) => k !== 'from' && k !== 'to').map(([k, v]) => TRACE_WORDS[k]?.(v) ?? `${k}=${v}`)].filter(Boolean);
  const clear = () => setSearch((prev) => { const next = new URLSearchParams(prev); names.forEach((n) => next.delete(n)); next.delete('page'); return next; });
  const note = words.length > 0 && (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`按统计口径显示：${words.join('，')}`} data-testid="trace-note"
      action={<Button size="small" onClick={clear}>查看全部</Button>} />
  );
  return { params, note, active: words.length > 0 };
}
