// 新建专项行动: name, kind, period and the region it covers.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { CAMPAIGN_KINDS } from '../../../../../contracts/hazards';
import { optionsOf } from '../codes';
import { CAMPAIGNS, type Campaign } from '../hazardApi';

/** 行动类型, as CampaignInput in contracts/hazards.ts accepts them. */

interface Values { name: string; kind: string; period: [Dayjs, Dayjs]; regionCode: string; description?: string }

export function CampaignFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useApiMutation(({ period, description, ...v }: Values) => api.post<Campaign>(CAMPAIGNS, {
    ...v, periodFrom: period[0].format('YYYY-MM-DD'), periodTo: period[1].format('YYYY-MM-DD'), ...(description ? { description } : {}),
  }), { invalidate: [CAMPAIGNS], success: (c) => `已新建「${c.name}」`, onSuccess: onClose });

  return (
    <Modal open={open} title="新建专项行动" okText="新建" cancelText="取消" confirmLoading={create.isPending} onOk={() => form.submit()}
      onCancel={onClose} destroyOnHidden centered>
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'special' }} onFinish={(v) => create.mutate(v)} preserve={false}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { min: 2, max: 100, message: '2–100 字' }]}>
          <Input placeholder="如：循环园、飞地园隐患大排查" />
        </Form.Item>
        <Form.Item name="kind" label="类型"><Select options={optionsOf(CAMPAIGN_KINDS)} /></Form.Item>
        <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择起止日期' }]}><DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
        <Form.Item name="regionCode" label="范围" rules={[{ required: true, message: '请选择行动覆盖的区划或园区' }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="description" label="说明"><Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
