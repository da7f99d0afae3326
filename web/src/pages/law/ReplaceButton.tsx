// 被取代: record that a new source replaces this one from a day (the old one is repealed that day).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Modal, Select } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { PageOf } from '../../api/types';
import { SOURCES, type Source, type SourceDetail } from './lawApi';

export function ReplaceButton({ source }: { source: SourceDetail }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm();
  const options = useQuery({ queryKey: [SOURCES, 'pick', q], enabled: open, queryFn: () => api.get<PageOf<Source>>(SOURCES, { q, pageSize: 20 }) });
  const save = useApiMutation((v: { bySourceId: string; from: string }) => api.post(`${SOURCES}/${source.id}/replace`, v),
    { success: '已登记取代关系，请复核引用本法规的条目', invalidate: [SOURCES], onSuccess: () => setOpen(false) });
  return (
    <>
      <Button onClick={() => setOpen(true)}>登记被取代</Button>
      <Modal title={`《${source.title}》被取代`} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="确认取代" okButtonProps={{ danger: true }}
        confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ bySourceId: v.bySourceId, from: v.from.format('YYYY-MM-DD') })}>
          <Form.Item name="bySourceId" label="取代它的法规标准（须先加入库中）" rules={[{ required: true, message: '请选择' }]}>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} options={(options.data?.items ?? []).filter((s) => s.id !== source.id)
              .map((s) => ({ value: s.id, label: `${s.title}（${s.docNumber ?? '无文号'}）` }))} />
          </Form.Item>
          <Form.Item name="from" label="自何日起施行新法规（本法规同日废止）" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
