// 出入库: one modal for inbound, outbound, transfer and stocktake. The server refuses what would take a line below
// zero and says how much there is; the ledger line it writes is shown by the lists it refreshes.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { PATHS, type Item, type Warehouse } from './api';

export type MovementKind = 'inbound' | 'outbound' | 'transfer' | 'adjust';
const TITLES: Record<MovementKind, string> = { inbound: '入库', outbound: '出库', transfer: '调拨', adjust: '盘点调整' };
const ALL = { page: 1, pageSize: 200 };

function useOptions<T extends { id: string; name: string }>(path: string, label: (t: T) => string = (t) => t.name) {
  const q = useQuery({ queryKey: [path, ALL], queryFn: () => api.get<PageOf<T>>(path, ALL) });
  return { loading: q.isPending, options: (q.data?.items ?? []).map((t) => ({ value: t.id, label: label(t) })) };
}

interface Props { kind: MovementKind | null; onClose: () => void; warehouseId?: string; itemId?: string }

export function MovementModal({ kind, onClose, warehouseId, itemId }: Props) {
  const [form] = Form.useForm();
  const warehouses = useOptions<Warehouse>(PATHS.warehouses);
  const items = useOptions<Item>(PATHS.items, (i) => `${i.name}${i.spec ? `（${i.spec}）` : ''} / ${i.unit}`);
  useEffect(() => { if (kind) { form.resetFields(); form.setFieldsValue({ warehouseId, fromWarehouseId: warehouseId, itemId }); } }, [kind, warehouseId, itemId, form]);
  const save = useApiMutation((body: Record<string, unknown>) => api.post<{ entries: { balanceAfter: number }[] }>(`${PATHS.stock}/${kind}`, body), {
    success: (r) => `已${TITLES[kind!]}，结存 ${r.entries[0].balanceAfter}`, invalidate: [PATHS.stock, PATHS.ledger, PATHS.warehouses, PATHS.readiness], onSuccess: onClose,
  });
  async function submit() {
    const v = await form.validateFields();
    save.mutate({ ...v, expiresOn: (v.expiresOn as Dayjs | undefined)?.format('YYYY-MM-DD') });
  }
  const pick = (name: string, label: string, o: ReturnType<typeof useOptions>) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
      <Select options={o.options} loading={o.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={`选择${label}`} />
    </Form.Item>
  );
  return (
    <Modal open={!!kind} title={kind ? `物资${TITLES[kind]}` : ''} onCancel={onClose} onOk={submit} okText={kind ? `确认${TITLES[kind]}` : '确定'}
      confirmLoading={save.isPending} destroyOnHidden width={{ xs: '100%', md: 560 }}>
      {kind === 'outbound' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="出库按有效期先到期先出；库存不足时不能出库。" />}
      <Form form={form} layout="vertical">
        {kind === 'transfer' ? <>{pick('fromWarehouseId', '调出储备库', warehouses)}{pick('toWarehouseId', '调入储备库', warehouses)}</> : pick('warehouseId', '储备库', warehouses)}
        {pick('itemId', '物资', items)}
        {kind === 'adjust'
          ? <Form.Item name="counted" label="盘点实有数量" rules={[{ required: true, message: '请填写实有数量' }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          : <Form.Item name="quantity" label="数量" rules={[{ required: true, message: '请填写数量' }]}><InputNumber min={0.01} style={{ width: '100%' }} /></Form.Item>}
        {kind === 'inbound' && <>
          <Form.Item name="batchNo" label="批号"><Input maxLength={50} /></Form.Item>
          <Form.Item name="expiresOn" label="有效期至"><DatePicker style={{ width: '100%' }} /></Form.Item>
        </>}
        <Form.Item name="reason" label={kind === 'outbound' ? '用途（事由）' : '事由'} rules={[{ required: true, message: '请填写事由' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={kind === 'outbound' ? '如：6·21 强降雨罗江堤段抢险' : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
