// 登记/修改监测设施: kind, place, characteristic levels (特征水位, e.g. 汛限水位, with presets per kind) and the
// responsible people (防汛责任人: 行政、技术、巡查), in a dialog; the server's refusal is shown and the dialog stays open.
import { useEffect } from 'react';
import { Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { phoneRule } from '../../../components/PersonalValue';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { FACILITIES, FACILITY_KINDS, OVERVIEW, optionsOf, type Facility, type FacilityCreate } from '../monitoringApi';

type Kind = FacilityCreate['kind'];
/** The characteristic levels usually recorded for each kind of facility (DOMAIN §8), offered as a start. */
export const LEVEL_PRESETS: Partial<Record<Kind, string[]>> = {
  reservoir: ['死水位', '汛限水位', '正常蓄水位', '设计洪水位', '校核洪水位'],
  sluice: ['设计水位', '警戒水位'],
  river_station: ['设防水位', '警戒水位', '保证水位'],
  torrent_point: ['准备转移水位', '立即转移水位'],
  rain_gauge: ['1小时临界雨量', '3小时临界雨量', '6小时临界雨量', '24小时临界雨量'],
};
const RESPONSIBLE_ROLES = ['行政责任人', '技术责任人', '巡查责任人', '防汛责任人'];

interface Values {
  name: string; kind: Kind; regionCode: string; lng?: number; lat?: number; note?: string;
  levels?: { name: string; value: number }[]; responsible?: { role: string; name: string; phone?: string }[];
}

const toValues = (f: Facility): Values => ({
  name: f.name, kind: f.kind, regionCode: f.regionCode, lng: f.lng ?? undefined, lat: f.lat ?? undefined, note: f.note ?? undefined,
  levels: Object.entries(f.characteristics).map(([name, value]) => ({ name, value })), responsible: f.responsible,
});

const toBody = (v: Values): FacilityCreate => ({
  name: v.name.trim(), kind: v.kind, regionCode: v.regionCode, lng: v.lng ?? undefined, lat: v.lat ?? undefined, note: v.note?.trim() || undefined,
  characteristics: Object.fromEntries((v.levels ?? []).filter((l) => l?.name && l.value !== undefined && l.value !== null).map((l) => [l.name.trim(), l.value])),
  responsible: (v.responsible ?? []).filter((r) => r?.name).map((r) => ({ role: r.role, name: r.name.trim(), ...(r.phone ? { phone: r.phone.trim() } : {}) })),
});

export function FacilityForm({ open, facility, onClose }: { open: boolean; facility?: Facility; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((body: FacilityCreate) => (facility ? api.patch<Facility>(`${FACILITIES}/${facility.id}`, body) : api.post<Facility>(FACILITIES, body)), {
    invalidate: [FACILITIES, OVERVIEW], success: facility ? '设施已修改' : '设施已登记', onSuccess: onClose,
  });
  useEffect(() => { if (open) form.setFieldsValue(facility ? toValues(facility) : { kind: 'reservoir', levels: [], responsible: [{ role: '行政责任人', name: '' }] }); }, [open, facility, form]);

  function usePresets() {
    const kind = form.getFieldValue('kind') as Kind;
    const have = (form.getFieldValue('levels') as Values['levels']) ?? [];
    const add = (LEVEL_PRESETS[kind] ?? []).filter((n) => !have.some((l) => l?.name === n)).map((name) => ({ name, value: undefined as unknown as number }));
    form.setFieldValue('levels', [...have, ...add]);
  }

  return (
    <Modal open={open} title={facility ? `修改设施 · ${facility.name}` : '登记监测设施'} okText="保存" cancelText="取消" onCancel={onClose} destroyOnHidden width={720} centered
      confirmLoading={save.isPending} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(toBody(v))} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} sm={14}><Form.Item name="name" label="设施名称" rules={[{ required: true, whitespace: true, message: '请填写设施名称，如：上峰水库' }]}><Input maxLength={100} placeholder="如：上峰水库" /></Form.Item></Col>
          <Col xs={24} sm={10}><Form.Item name="kind" label="设施类型" rules={[{ required: true }]}><Select options={optionsOf(FACILITY_KINDS)} /></Form.Item></Col>
        </Row>
        <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择设施所在的乡镇或村' }]}><RegionTreeSelect placeholder="选择所在乡镇、村" /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="lng" label="经度"><InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} placeholder="如 113.12" /></Form.Item></Col>
          <Col span={12}><Form.Item name="lat" label="纬度"><InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} placeholder="如 28.80" /></Form.Item></Col>
        </Row>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text strong>特征水位 / 临界值（米或毫米）</Typography.Text>
          <Button size="small" onClick={usePresets}>按设施类型填入常用项</Button>
        </Flex>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写名称' }]} style={{ flex: 1 }}><Input maxLength={30} placeholder="如：汛限水位" aria-label="特征水位名称" /></Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '请填写数值' }]} style={{ width: 140 }}><InputNumber style={{ width: '100%' }} placeholder="数值" aria-label={`特征水位数值`} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该项" />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block style={{ marginBottom: 16 }}>添加特征值</Button>
            </>
          )}
        </Form.List>
        <Typography.Text strong>责任人</Typography.Text>
        <Form.List name="responsible">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请选择' }]} style={{ width: 130 }}><Select options={RESPONSIBLE_ROLES.map((r) => ({ value: r, label: r }))} aria-label="责任类别" /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} style={{ flex: 1, minWidth: 100 }}><Input maxLength={30} placeholder="姓名" aria-label="责任人姓名" /></Form.Item>
                  <Form.Item name={[f.name, 'phone']} rules={[phoneRule(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '手机或座机号码格式不对')]} style={{ width: 150 }}><Input maxLength={20} placeholder="手机号（接收短信）" aria-label="责任人电话" /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除责任人" />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ role: '巡查责任人' })} icon={<PlusOutlined />} block style={{ margin: '8px 0 16px' }}>添加责任人</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="备注"><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
