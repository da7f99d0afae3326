// Register or correct a flood facility: kind, place, reservoir scale and 特征水位, a torrent point's people at risk and
// 临界雨量 per duration (准备转移 / 立即转移), and the three responsible people with their phones.
import { Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { FACILITY_KINDS, P, RESERVOIR_SCALES, opts, type Facility } from './floodApi';
import { phoneRule } from '../../../components/PersonalValue';

const DURATIONS = ['1h', '3h', '6h', '24h'];
const phone = [{ required: true, message: '请填写电话' }, phoneRule(/^[0-9-]{7,20}$/, '请填写电话')];
const clean = <T extends Record<string, unknown>>(o: T | undefined) => {
  const x = Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return Object.keys(x).length ? x : undefined;
};

/** The facility form; `editing` fills it with a facility and saves with PUT. */
export function FacilityForm({ editing, onClose }: { editing?: Facility; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? editing?.kind;
  const save = useApiMutation((v: Record<string, unknown>) => (editing ? api.put(`${P}/facilities/${editing.id}`, v) : api.post(`${P}/facilities`, v)),
    { invalidate: [P], success: editing ? '已修改' : '已登记', onSuccess: onClose });
  const initial = editing
    ? { ...Object.fromEntries(Object.entries(editing).filter(([, v]) => v !== null)), levels: editing.levels, thresholds: editing.thresholds }
    : { kind: 'reservoir' };
  return (
    <Modal open title={editing ? `修改：${editing.name}` : '登记防汛设施'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} width={{ xs: '100%', md: 720 }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => {
        const body = { ...v, levels: clean(v.levels), thresholds: clean({ prepare: clean(v.thresholds?.prepare), evacuate: clean(v.thresholds?.evacuate) }),
          monitoringFacilityId: editing?.monitoringFacilityId ?? undefined };
        save.mutate(Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== null && x !== '')));
      }}>
        <Space wrap>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={opts(FACILITY_KINDS)} style={{ width: 140 }} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '请填写名称' }]}><Input style={{ width: 240 }} /></Form.Item>
        </Space>
        <Form.Item name="regionCode" label="所在村（社区）或乡镇" rules={[{ required: true, message: '请选择区划' }]}><RegionTreeSelect /></Form.Item>
        <Space wrap>
          <Form.Item name="lng" label="经度"><InputNumber min={73} max={136} step={0.00001} /></Form.Item>
          <Form.Item name="lat" label="纬度"><InputNumber min={3} max={54} step={0.00001} /></Form.Item>
        </Space>
        {kind === 'reservoir' && (
          <>
            <Form.Item name="scale" label="规模" rules={[{ required: true, message: '请选择规模' }]}><Select options={opts(RESERVOIR_SCALES)} style={{ width: 160 }} /></Form.Item>
            <Space wrap>
              <Form.Item name={['levels', 'deadLevel']} label="死水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'floodLimitLevel']} label="汛限水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'normalLevel']} label="正常蓄水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'designFloodLevel']} label="设计洪水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'checkFloodLevel']} label="校核洪水位(m)"><InputNumber /></Form.Item>
              <Form.Item name="capacityWanM3" label="总库容(万m³)"><InputNumber min={0} /></Form.Item>
            </Space>
          </>
        )}
        {kind === 'torrent_point' && (
          <>
            <Space wrap>
              <Form.Item name="householdsAtRisk" label="危险区户数"><InputNumber min={0} /></Form.Item>
              <Form.Item name="peopleAtRisk" label="危险区人数"><InputNumber min={0} /></Form.Item>
              <Form.Item name="shelter" label="安置点"><Input /></Form.Item>
            </Space>
            <Form.Item name="transferRoute" label="转移路线"><Input /></Form.Item>
            <Typography.Text type="secondary">临界雨量（mm，按山洪灾害分析评价成果填写；准备转移应小于立即转移）</Typography.Text>
            {(['prepare', 'evacuate'] as const).map((k) => (
              <Space key={k} wrap align="end">
                <Typography.Text style={{ width: 64, display: 'inline-block', paddingBottom: 28 }}>{k === 'prepare' ? '准备转移' : '立即转移'}</Typography.Text>
                {DURATIONS.map((d) => <Form.Item key={d} name={['thresholds', k, d]} label={d}><InputNumber min={0} max={2000} style={{ width: 90 }} /></Form.Item>)}
              </Space>
            ))}
          </>
        )}
        <Space wrap>
          <Form.Item name="adminName" label="行政责任人" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
          <Form.Item name="adminPhone" label="电话" rules={phone}><Input inputMode="tel" /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="techName" label="技术责任人"><Input /></Form.Item>
          <Form.Item name="techPhone" label="电话" rules={[phoneRule(/^[0-9-]{7,20}$/, '请填写电话')]}><Input inputMode="tel" /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="patrolName" label="巡查责任人" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
          <Form.Item name="patrolPhone" label="电话" rules={phone}><Input inputMode="tel" /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
