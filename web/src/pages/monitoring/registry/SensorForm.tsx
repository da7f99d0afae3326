// 新增/修改测点: 位号, type and unit, range, thresholds 低低/低/高/高高 (checked in order here and by the server),
// 回差, 报警延时, 变化率, 卡死判定 and the expected reporting interval (离线判定).
import { useEffect } from 'react';
import { Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { DEVICES, OVERVIEW, optionsOf, SENSOR_TYPES, SENSORS, type Sensor, type SensorCreate } from '../monitoringApi';

/** The unit each type usually reports in. */
const UNITS: Record<SensorCreate['type'], string> = {
  level: 'm', temperature: '℃', pressure: 'MPa', flow: 'm³/h', combustible_gas: '%LEL', toxic_gas: 'ppm', water_level: 'm', rainfall: 'mm', other: '',
};
const LIMITS = [['lowLow', '低低限（二级）'], ['low', '低限（一级）'], ['high', '高限（一级）'], ['highHigh', '高高限（二级）']] as const;
type Values = Omit<SensorCreate, 'deviceId'>;

const fromSensor = (s: Sensor): Values => ({
  code: s.code, name: s.name, type: s.type, unit: s.unit, rangeMin: s.rangeMin, rangeMax: s.rangeMax, lowLow: s.lowLow, low: s.low, high: s.high,
  highHigh: s.highHigh, hysteresis: s.hysteresis, alarmDelaySec: s.alarmDelaySec, rateLimit: s.rateLimit, stuckAfterSec: s.stuckAfterSec,
  expectedIntervalSec: s.expectedIntervalSec, enabled: s.enabled,
});
const nul = (v: number | null | undefined) => (v === undefined ? null : v);

/** The thresholds must rise: 低低 ≤ 低 < 高 ≤ 高高 (the server says the same in its words). */
function checkOrder(v: Values): string | undefined {
  const set = LIMITS.map(([k, label]) => [v[k], label] as const).filter(([x]) => x !== null && x !== undefined) as [number, string][];
  for (let i = 1; i < set.length; i++) if (set[i][0] < set[i - 1][0]) return `${set[i - 1][1]} ${set[i - 1][0]} 不能大于 ${set[i][1]} ${set[i][0]}`;
  return undefined;
}

export function SensorForm({ open, deviceId, sensor, onClose }: { open: boolean; deviceId: string; sensor?: Sensor; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => {
    const limits = { rangeMin: nul(v.rangeMin), rangeMax: nul(v.rangeMax), lowLow: nul(v.lowLow), low: nul(v.low), high: nul(v.high), highHigh: nul(v.highHigh),
      hysteresis: v.hysteresis ?? 0, alarmDelaySec: v.alarmDelaySec ?? 0, rateLimit: nul(v.rateLimit), stuckAfterSec: nul(v.stuckAfterSec), expectedIntervalSec: v.expectedIntervalSec };
    return sensor
      ? api.patch<Sensor>(`${SENSORS}/${sensor.id}`, { name: v.name.trim(), unit: v.unit.trim(), enabled: v.enabled, ...limits })
      : api.post<Sensor>(SENSORS, { deviceId, code: v.code.trim(), name: v.name.trim(), type: v.type, unit: v.unit.trim(), ...limits });
  }, { invalidate: [SENSORS, DEVICES, OVERVIEW], success: sensor ? '测点已修改' : '测点已新增', onSuccess: onClose });
  useEffect(() => {
    if (open) form.setFieldsValue(sensor ? fromSensor(sensor) : { type: 'level', unit: 'm', hysteresis: 0, alarmDelaySec: 0, expectedIntervalSec: 60, enabled: true });
  }, [open, sensor, form]);
  const num = (name: keyof Values, label: string, extra: object = {}) => (
    <Form.Item name={name} label={label} {...extra}><InputNumber style={{ width: '100%' }} /></Form.Item>
  );
  return (
    <Modal open={open} title={sensor ? `修改测点 · ${sensor.name}` : '新增测点'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} destroyOnHidden width={720} centered>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => { if (changed.type && !sensor) form.setFieldValue('unit', UNITS[changed.type]); }}>
        <Row gutter={12}>
          <Col xs={24} sm={8}><Form.Item name="code" label="位号" extra="设备上报时使用，如 LT-101" rules={[{ required: true, message: '请填写位号' }, { pattern: /^[A-Za-z0-9_.-]+$/, message: '位号只能含字母、数字和 _ . -' }]}>
            <Input maxLength={50} disabled={!!sensor} placeholder="LT-101" /></Form.Item></Col>
          <Col xs={24} sm={16}><Form.Item name="name" label="测点名称" rules={[{ required: true, whitespace: true, message: '请填写测点名称，如：1号储罐液位' }]}><Input maxLength={100} placeholder="如：1号储罐液位" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="type" label="测点类型" rules={[{ required: true }]}><Select options={optionsOf(SENSOR_TYPES)} disabled={!!sensor} /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="unit" label="单位" rules={[{ required: true, whitespace: true, message: '请填写单位' }]}><Input maxLength={20} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="expectedIntervalSec" label="上报周期（秒）" extra="超过若干个周期无数据判为离线" rules={[{ required: true, message: '请填写上报周期' }]}>
            <InputNumber min={1} max={86400} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}>{num('rangeMin', '量程下限')}</Col>
          <Col span={12}>{num('rangeMax', '量程上限', { dependencies: ['rangeMin'], rules: [({ getFieldValue }: { getFieldValue: (n: string) => number | null }) => ({
            validator: (_: unknown, v: number | null) => { const min = getFieldValue('rangeMin');
              return v === null || v === undefined || min === null || min === undefined || v > min ? Promise.resolve() : Promise.reject(new Error('量程上限须大于下限')); } })] })}</Col>
        </Row>
        <Divider titlePlacement="start" plain>报警阈值（留空表示不设）</Divider>
        <Row gutter={12}>
          {LIMITS.map(([k, label]) => (
            <Col xs={12} sm={6} key={k}>{num(k, label, k === 'highHigh' ? { dependencies: ['lowLow', 'low', 'high'], rules: [({ getFieldsValue }: { getFieldsValue: () => Values }) => ({
              validator: () => { const e = checkOrder(getFieldsValue()); return e ? Promise.reject(new Error(e)) : Promise.resolve(); } })] } : {})}</Col>
          ))}
          <Col xs={12} sm={6}><Form.Item name="hysteresis" label="回差" extra="恢复时须回到阈值以内这么多"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="alarmDelaySec" label="报警延时（秒）" extra="持续超限这么久才报警"><InputNumber min={0} max={86400} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="rateLimit" label="变化率上限（/分钟）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="stuckAfterSec" label="卡死判定（秒）" extra="数值长时间不变"><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        {sensor && <Form.Item name="enabled" label="启用" valuePropName="checked"><Switch checkedChildren="启用" unCheckedChildren="停用" /></Form.Item>}
      </Form>
    </Modal>
  );
}
