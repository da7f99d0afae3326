// 登记/修改监测设备: where it belongs — an enterprise (and one of its 重大危险源), a facility, or a place — and its
// position; on edit, its status (运行/维护/停用) and hazard source. The code is what the device is known by.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { EnterpriseSelect } from '../../hazards/EnterpriseSelect';
import { DEVICE_STATUSES, DEVICES, FACILITIES, OVERVIEW, optionsOf, type Device, type DeviceCreate, type Facility } from '../monitoringApi';

type Owner = 'enterprise' | 'facility' | 'place';
interface Values extends Omit<DeviceCreate, 'hazardSourceId'> { owner: Owner; hazardSourceId?: string | null; status?: Device['status'] }

function HazardSourceSelect({ id, enterpriseId, value, onChange }: { id?: string; enterpriseId?: string; value?: string | null; onChange?: (v: string | null) => void }) {
  const q = useQuery({ queryKey: ['/api/enterprises', enterpriseId, 'major-hazard-sources'], enabled: !!enterpriseId,
    queryFn: () => api.get<{ id: string; name: string; grade?: string | null }[]>(`/api/enterprises/${enterpriseId}/major-hazard-sources`) });
  return <Select id={id} value={value ?? undefined} onChange={(v?: string) => onChange?.(v ?? null)} allowClear loading={q.isFetching} disabled={!enterpriseId}
    placeholder={enterpriseId ? '选择该企业的重大危险源（选填）' : '先选择企业'} notFoundContent="该企业没有登记重大危险源"
    options={(q.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />;
}

function FacilitySelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v?: string) => void }) {
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: [FACILITIES, { q, pageSize: 50 }], queryFn: () => api.get<PageOf<Facility>>(FACILITIES, { q: q || undefined, pageSize: 50 }) });
  return <Select id={id} value={value} onChange={onChange} showSearch={{ filterOption: false, onSearch: setQ }} allowClear placeholder="输入设施名称搜索"
    loading={list.isFetching} options={(list.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.regionName ?? ''}）` }))} />;
}

export function DeviceForm({ open, device, onClose, onSaved }: { open: boolean; device?: Device; onClose: () => void; onSaved?: (d: Device) => void }) {
  const [form] = Form.useForm<Values>();
  const owner = Form.useWatch('owner', form);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? device?.enterpriseId ?? undefined;
  const save = useApiMutation((v: Values) => (device
    ? api.patch<Device>(`${DEVICES}/${device.id}`, { name: v.name.trim(), model: v.model?.trim() || undefined, status: v.status, lng: v.lng ?? undefined, lat: v.lat ?? undefined,
      ...(device.enterpriseId ? { hazardSourceId: v.hazardSourceId ?? null } : {}) })
    : api.post<Device>(DEVICES, {
      code: v.code.trim(), name: v.name.trim(), model: v.model?.trim() || undefined, lng: v.lng ?? undefined, lat: v.lat ?? undefined,
      ...(v.owner === 'enterprise' ? { enterpriseId: v.enterpriseId, hazardSourceId: v.hazardSourceId ?? undefined } : v.owner === 'facility' ? { facilityId: v.facilityId }
        : { placeName: v.placeName?.trim(), regionCode: v.regionCode }),
    })), { invalidate: [DEVICES, OVERVIEW], success: device ? '设备已修改' : '设备已登记，请为它新增测点并签发密钥', onSuccess: (d) => { onClose(); onSaved?.(d); } });
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(device
      ? { owner: device.enterpriseId ? 'enterprise' : device.facilityId ? 'facility' : 'place', code: device.code, name: device.name, model: device.model ?? undefined,
        status: device.status, hazardSourceId: device.hazardSourceId, lng: device.lng ?? undefined, lat: device.lat ?? undefined }
      : { owner: 'enterprise' });
  }, [open, device, form]);

  return (
    <Modal open={open} title={device ? `修改设备 · ${device.name}` : '登记监测设备'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} destroyOnHidden width={680} centered>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} sm={10}><Form.Item name="code" label="设备编号" extra="字母、数字和 _ . -，登记后不能修改" rules={[{ required: true, message: '请填写设备编号' }, { pattern: /^[A-Za-z0-9_.-]+$/, message: '设备编号只能含字母、数字和 _ . -' }]}>
            <Input maxLength={50} disabled={!!device} placeholder="如 HD-RTU-01" /></Form.Item></Col>
          <Col xs={24} sm={14}><Form.Item name="name" label="设备名称" rules={[{ required: true, whitespace: true, message: '请填写设备名称' }]}><Input maxLength={100} placeholder="如：罐区监测终端" /></Form.Item></Col>
        </Row>
        <Form.Item name="model" label="型号"><Input maxLength={100} placeholder="如：RTU-2000（选填）" /></Form.Item>
        <Form.Item name="owner" label="设备属于">
          <Radio.Group disabled={!!device} optionType="button" buttonStyle="solid" options={[{ value: 'enterprise', label: '企业（重大危险源）' }, { value: 'facility', label: '监测设施' }, { value: 'place', label: '某一地点' }]} />
        </Form.Item>
        {owner === 'enterprise' && !device && <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}><EnterpriseSelect /></Form.Item>}
        {owner === 'enterprise' && <Form.Item name="hazardSourceId" label="重大危险源"><HazardSourceSelect enterpriseId={enterpriseId} /></Form.Item>}
        {owner === 'facility' && !device && <Form.Item name="facilityId" label="监测设施" rules={[{ required: true, message: '请选择设施；还没有登记的，先在“监测设施”中登记' }]}><FacilitySelect /></Form.Item>}
        {owner === 'place' && !device && (
          <Row gutter={12}>
            <Col xs={24} sm={12}><Form.Item name="placeName" label="地点名称" rules={[{ required: true, whitespace: true, message: '请填写地点，如：白塘镇山塘' }]}><Input maxLength={100} /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择所在乡镇或村' }]}><RegionTreeSelect /></Form.Item></Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}><Form.Item name="lng" label="经度" extra={owner === 'place' || device ? undefined : '留空则取企业或设施的位置'}><InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="lat" label="纬度"><InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        {device && <Form.Item name="status" label="状态" extra="维护、停用的设备不判离线，也不报警"><Radio.Group optionType="button" options={optionsOf(DEVICE_STATUSES)} /></Form.Item>}
      </Form>
    </Modal>
  );
}
