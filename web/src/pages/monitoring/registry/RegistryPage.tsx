// 设施设备: the registry — 监测设施 (reservoirs, sluices, torrent points, rain gauges… with their characteristic
// levels and responsible people) and 监测设备 (at an enterprise's 重大危险源, a facility or a place) with their
// sensors and keys. Everyone with monitoring:read sees it; only monitoring:write holders register and edit.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Grid, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { formatTime } from '../../../components/format';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { DEVICE_STATUSES, DEVICES, FACILITIES, FACILITY_KINDS, optionsOf, whereOf, type Device, type Facility } from '../monitoringApi';
import { DeviceDrawer } from './DeviceDrawer';
import { DeviceForm } from './DeviceForm';
import { FacilityForm } from './FacilityForm';

const FACILITY_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '设施名称' },
  { kind: 'select', name: 'kind', placeholder: '设施类型', options: optionsOf(FACILITY_KINDS), width: 140 },
];
const DEVICE_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '设备名称或编号' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(DEVICE_STATUSES), width: 110 },
];

function FacilityTable({ canWrite }: { canWrite: boolean }) {
  const phone = Grid.useBreakpoint().md === false;
  const [form, setForm] = useState<{ facility?: Facility } | null>(null);
  const name = { title: '设施', key: 'name', render: (_: unknown, f: Facility) => (
    <div><Link to={`/monitoring/facilities/${f.id}`}>{f.name}</Link><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{FACILITY_KINDS[f.kind]} · {f.regionName}</Typography.Text></div></div>) };
  const alarms = { title: '未关闭报警', dataIndex: 'openAlarms', render: (n: number) => (n ? <Tag color="error">{n}</Tag> : 0) };
  const edit = { title: '', key: 'edit', render: (_: unknown, f: Facility) => <Button type="link" size="small" onClick={() => setForm({ facility: f })}>修改</Button> };
  const columns: ColumnsType<Facility> = phone ? [name, alarms] : [
    name,
    { title: '特征值', key: 'levels', render: (_, f) => Object.entries(f.characteristics).sort((a, b) => a[1] - b[1]).slice(0, 5).map(([k, v]) => `${k} ${v}`).join('；') || '—' },
    { title: '责任人', key: 'resp', render: (_, f) => f.responsible.map((r) => `${r.role.replace('责任人', '')} ${r.name}`).join('、') || '—' },
    { title: '设备', dataIndex: 'deviceCount' }, alarms,
  ];
  return (
    <>
      <PagedTable<Facility> path={FACILITIES} rowKey="id" filters={FACILITY_FILTERS} columns={canWrite ? [...columns, edit] : columns} data-testid="facility-table"
        toolbar={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>登记设施</Button>}
        emptyText={canWrite ? '还没有监测设施。点击“登记设施”登记水库、水闸、山洪监测点或雨量站。' : '您的辖区还没有监测设施。'} />
      <FacilityForm open={!!form} facility={form?.facility} onClose={() => setForm(null)} />
    </>
  );
}

function DeviceTable({ canWrite }: { canWrite: boolean }) {
  const phone = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchParams();
  const open = search.get('device');
  const setOpen = (id: string | null) => setSearch((p) => { const n = new URLSearchParams(p); if (id) n.set('device', id); else n.delete('device'); return n; }, { replace: true });
  const [creating, setCreating] = useState(false);
  const name = { title: '设备', key: 'name', render: (_: unknown, d: Device) => (
    <div><Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setOpen(d.id)}>{d.name}</Button>
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.code} · {whereOf(d)}</Typography.Text></div></div>) };
  const status = { title: '状态', dataIndex: 'status', render: (v: Device['status']) => <Tag color={v === 'active' ? 'success' : 'default'}>{DEVICE_STATUSES[v]}</Tag> };
  const columns: ColumnsType<Device> = phone ? [name, status] : [
    name, { title: '区划', dataIndex: 'regionName' }, { title: '测点', dataIndex: 'sensorCount' },
    { title: '密钥', key: 'key', render: (_, d) => (d.hasKey ? <Tag color="processing">已签发</Tag> : <Tag>未签发</Tag>) },
    { title: '最近上报', dataIndex: 'lastSeenAt', render: formatTime }, status,
    { title: '未关闭报警', dataIndex: 'openAlarms', render: (n: number) => (n ? <Tag color="error">{n}</Tag> : 0) },
  ];
  return (
    <>
      <PagedTable<Device> path={DEVICES} rowKey="id" filters={DEVICE_FILTERS} columns={columns} data-testid="device-table"
        toolbar={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记设备</Button>}
        emptyText={canWrite ? '还没有监测设备。点击“登记设备”，再为设备新增测点、签发密钥。' : '还没有监测设备。'} />
      <DeviceForm open={creating} onClose={() => setCreating(false)} onSaved={(d) => setOpen(d.id)} />
      <DeviceDrawer deviceId={open} canWrite={canWrite} onClose={() => setOpen(null)} />
    </>
  );
}

export default function RegistryPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const canWrite = me.permissions.includes('monitoring:write');
  const tab = search.get('tab') === 'facilities' ? 'facilities' : 'devices';
  return (
    <>
      <PageHeader title="设施设备">
        监测设施（水库、水闸、山洪监测点、雨量站等）及其特征水位、责任人；监测设备及测点的阈值、上报周期和设备密钥。
      </PageHeader>
      <Tabs activeKey={tab} destroyOnHidden onChange={(k) => setSearch(k === 'devices' ? {} : { tab: k })} items={[
        { key: 'devices', label: '监测设备', children: <DeviceTable canWrite={canWrite} /> },
        { key: 'facilities', label: '监测设施', children: <FacilityTable canWrite={canWrite} /> },
      ]} />
    </>
  );
}
