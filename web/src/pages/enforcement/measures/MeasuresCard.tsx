// 强制措施 of a case or an inspection: the list with their period and state, 采取强制措施 (停电、停供、停业、停工、停用、
// 查封、扣押 — the server makes the 决定书) and 解除 with the reason (查封/扣押 get their 处理决定书).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { ActionModal, type Field } from '../ActionModal';
import { DueTag } from '../EnfTag';
import { CASES, DOCUMENTS, INSPECTIONS, MEASURES, MEASURE_KINDS, optionsOf, type Measure } from '../enforcementApi';

const SEIZING = ['seal', 'seize'];
const TAKE_FIELDS: Field[] = [
  { name: 'kind', label: '措施种类', required: true, input: <Select options={optionsOf(MEASURE_KINDS)} data-testid="measure-kind" /> },
  { name: 'reason', label: '事实和理由', required: true, input: <Input.TextArea rows={3} />, rules: [{ min: 2, message: '至少 2 个字' }] },
  { name: 'basis', label: '法律依据', input: <Input placeholder="如：《中华人民共和国安全生产法》第七十条" /> },
];

/** The items of a 查封/扣押 (场所、设施或财物清单). */
function ItemsList() {
  return (
    <Form.List name="items">{(fields, { add, remove }) => (
      <>
        <Typography.Text type="secondary">查封、扣押须列明场所、设施或财物清单</Typography.Text>
        {fields.map((f) => (
          <Space key={f.key} wrap align="baseline">
            <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}><Input placeholder="名称" style={{ width: 150 }} /></Form.Item>
            <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: '数量' }]}><InputNumber min={0} placeholder="数量" /></Form.Item>
            <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: '单位' }]}><Input placeholder="单位" style={{ width: 70 }} /></Form.Item>
            <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
          </Space>
        ))}
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ unit: '件' })}>添加物品或场所</Button>
      </>
    )}</Form.List>
  );
}

/** One measure as a line: kind, date, period, state. */
export function MeasureLine({ m }: { m: Measure }) {
  return (
    <Flex vertical>
      <span><Typography.Text strong>{m.kindLabel}</Typography.Text> {m.liftedAt ? <Tag>已解除</Tag> : <Tag color="error">执行中</Tag>}</span>
      <Typography.Text type="secondary">{m.partyName} · {formatTime(m.decidedAt)}{m.dueOn && !m.liftedAt && <> · 期限 <DueTag due={m.dueOn} /></>}</Typography.Text>
      <span>{m.reason}</span>
      {m.items.length > 0 && <span>清单：{m.items.map((i) => `${i.name} ${i.quantity}${i.unit}`).join('、')}</span>}
      {m.liftedAt && <Typography.Text type="secondary">解除：{formatTime(m.liftedAt)} {m.liftReason}</Typography.Text>}
    </Flex>
  );
}

/** 解除 one measure (asks for the reason, then confirmation). */
export function LiftButton({ m }: { m: Measure }) {
  const [open, setOpen] = useState(false);
  const lift = useApiMutation((v: Record<string, unknown>) => api.post(`${MEASURES}/${m.id}/lift`, v), { invalidate: [MEASURES, CASES, INSPECTIONS, DOCUMENTS], success: '已解除强制措施' });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>解除</Button>
      <ActionModal open={open} title={`解除${m.kindLabel}`} fields={[{ name: 'reason', label: '解除理由', required: true, input: <Input.TextArea rows={3} /> }]}
        confirm={SEIZING.includes(m.kind) ? '解除后将制作查封（扣押）处理决定书。' : '解除后该措施不再执行。'} pending={lift.isPending} onSubmit={(v) => lift.mutateAsync(v)} onClose={() => setOpen(false)} />
    </>
  );
}

export function MeasuresCard({ caseId, inspectionId, canWrite }: { caseId?: string; inspectionId?: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const params = caseId ? { caseId } : { inspectionId };
  const q = useQuery({ queryKey: [MEASURES, params], queryFn: () => api.get<PageOf<Measure>>(MEASURES, { ...params, pageSize: 100 }) });
  const take = useApiMutation((v: Record<string, unknown>) => api.post<Measure>(MEASURES, { ...params, ...v }),
    { invalidate: [MEASURES, CASES, INSPECTIONS, DOCUMENTS], success: (m) => `已采取${m.kindLabel}，并制作决定书` });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={`强制措施（${items.length}）`} data-testid="measures"
      extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="take-measure">采取强制措施</Button>}>
      <List size="small" loading={q.isLoading} dataSource={items} locale={{ emptyText: canWrite ? '需要停电、停供、停产停业、停止施工、停止使用设备或查封、扣押时，点“采取强制措施”。' : '没有强制措施' }}
        renderItem={(m) => <List.Item extra={canWrite && !m.liftedAt && <LiftButton m={m} />}><MeasureLine m={m} /></List.Item>} />
      <ActionModal open={open} title="采取强制措施" fields={TAKE_FIELDS} pending={take.isPending} onClose={() => setOpen(false)}
        confirm="将制作对应的决定书（查封、扣押期限 30 日，到期前提醒）。" onSubmit={(v) => take.mutateAsync(v)} testId="measure-modal">
        <Form.Item noStyle shouldUpdate>{({ getFieldValue }) => (SEIZING.includes(getFieldValue('kind')) ? <ItemsList /> : null)}</Form.Item>
      </ActionModal>
    </Card>
  );
}
