// 发布预警: kind and colour level, area (regions), validity and guidance; saved as a draft, then issued
// after a confirmation (issuing sends it to every responsible person of the area, each to confirm).
import { App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { OVERVIEW, optionsOf, WARNING_AUDIENCES, WARNING_COLOURS, WARNING_COLOUR_CSS, WARNING_KINDS, WARNINGS, type Warning, type WarningColour, type WarningCreate } from '../monitoringApi';
import { RegionsSelect } from './RegionsSelect';

interface Values {
  kind: WarningCreate['kind']; event: string; colour: WarningColour; headline: string; description: string; guidance: string;
  regionCodes: string[]; period: [Dayjs, Dayjs]; audience: NonNullable<WarningCreate['audience']>;
}

const toBody = (v: Values): WarningCreate => ({
  kind: v.kind, event: v.event.trim(), colour: v.colour, headline: v.headline.trim(), description: v.description.trim(), guidance: v.guidance.trim(),
  regionCodes: v.regionCodes, effectiveAt: v.period[0].toISOString(), expiresAt: v.period[1].toISOString(), audience: v.audience,
});

export function WarningForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const colour = Form.useWatch('colour', form);
  const save = useApiMutation(async ({ body, issue }: { body: WarningCreate; issue: boolean }) => {
    const draft = await api.post<Warning>(WARNINGS, body);
    return issue ? api.post<Warning>(`${WARNINGS}/${draft.id}/issue`) : draft;
  }, {
    invalidate: [WARNINGS, OVERVIEW],
    success: (w) => (w.status === 'issued' ? `预警 ${w.number} 已发布，已通知 ${w.recipients} 人` : '预警草稿已保存'),
    onSuccess: (w) => { onClose(); navigate(`/monitoring/warnings/${w.id}`); },
  });

  async function submit(issue: boolean) {
    const v = await form.validateFields();
    const body = toBody(v);
    if (!issue) return save.mutate({ body, issue });
    modal.confirm({
      title: `确定发布${WARNING_COLOURS[v.colour]}预警？`,
      content: `将通过短信和站内信通知${v.audience === 'everyone' ? '覆盖区域内的全部账号（含企业）' : '覆盖区域的全部责任人'}，并跟踪叫应。有效期至 ${v.period[1].format('YYYY-MM-DD HH:mm')}。`,
      okText: '发布', cancelText: '再看看', onOk: () => save.mutateAsync({ body, issue }).catch(() => undefined),
    });
  }

  return (
    <Modal open={open} title="发布预警" onCancel={onClose} destroyOnHidden width={720} centered confirmLoading={save.isPending}
      footer={(_, { CancelBtn }) => (
        <>
          <CancelBtn />
          <Button onClick={() => void submit(false)} disabled={save.isPending}>保存草稿</Button>
          <Button type="primary" onClick={() => void submit(true)} loading={save.isPending}>发布</Button>
        </>
      )}>
      <Form form={form} layout="vertical" size="large" preserve={false}
        initialValues={{ kind: 'weather', colour: 'yellow', audience: 'responsible', period: [dayjs().startOf('minute'), dayjs().startOf('minute').add(24, 'hour')] }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="kind" label="预警类别" rules={[{ required: true }]}><Select options={optionsOf(WARNING_KINDS)} /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="event" label="预警事件" rules={[{ required: true, whitespace: true, message: '请填写预警事件，如：暴雨' }]}><Input maxLength={50} placeholder="如：暴雨、山洪、森林火险" /></Form.Item></Col>
        </Row>
        <Form.Item name="colour" label="预警等级" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(Object.keys(WARNING_COLOURS) as WarningColour[]).map((c) => ({
            value: c, label: <span><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: WARNING_COLOUR_CSS[c], marginInlineEnd: 4 }} />{WARNING_COLOURS[c]}</span>,
          }))} />
        </Form.Item>
        <Form.Item name="headline" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} placeholder={`如：县气象台发布暴雨${colour ? WARNING_COLOURS[colour as WarningColour] : ''}预警`} />
        </Form.Item>
        <Form.Item name="regionCodes" label="预警区域" rules={[{ required: true, type: 'array', min: 1, message: '请选择预警区域' }]}><RegionsSelect /></Form.Item>
        <Form.Item name="audience" label="通知对象" extra="责任人：覆盖区域及其上级的乡镇应急站、村灾害信息员；全部账号：另加区域内的全部乡镇、村账号和区域内企业的账号。">
          <Radio.Group options={optionsOf(WARNING_AUDIENCES)} />
        </Form.Item>
        <Form.Item name="period" label="有效期" rules={[{ required: true, message: '请选择有效期' }, {
          validator: (_, v?: [Dayjs, Dayjs]) => (!v || v[1].isAfter(v[0]) ? Promise.resolve() : Promise.reject(new Error('结束时间须晚于开始时间'))),
        }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="description" label="预警内容" rules={[{ required: true, whitespace: true, message: '请填写预警内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder="如：预计未来 12 小时内，白塘镇、金盆镇将出现 50 毫米以上降雨……" />
        </Form.Item>
        <Form.Item name="guidance" label="防御指南" rules={[{ required: true, whitespace: true, message: '请填写防御指南' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder="如：1. 危险区域人员及时转移；2. 山洪沟、水库下游加强巡查……" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
