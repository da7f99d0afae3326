// One device in a drawer: where it is, its key, and its sensors with their thresholds — each to add or edit.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Grid, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import type { PageOf } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { DEVICE_STATUSES, DEVICES, SENSOR_TYPES, SENSORS, valueText, whereOf, type Device, type Sensor } from '../monitoringApi';
import { SensorStateTag } from '../MonitoringTags';
import { DeviceForm } from './DeviceForm';
import { DeviceKeyPanel } from './DeviceKeyPanel';
import { SensorForm } from './SensorForm';

const limits = (s: Sensor) => [s.lowLow, s.low, s.high, s.highHigh].map((v) => (v === null ? '—' : v)).join(' / ');

export function DeviceDrawer({ deviceId, canWrite, onClose }: { deviceId: string | null; canWrite: boolean; onClose: () => void }) {
  const phone = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState(false);
  const [sensorForm, setSensorForm] = useState<{ sensor?: Sensor } | null>(null);
  const device = useQuery({ queryKey: [DEVICES, deviceId], queryFn: () => api.get<Device>(`${DEVICES}/${deviceId}`), enabled: !!deviceId });
  const sensors = useQuery({ queryKey: [SENSORS, { deviceId, pageSize: 200 }], queryFn: () => api.get<PageOf<Sensor>>(SENSORS, { deviceId: deviceId!, pageSize: 200 }), enabled: !!deviceId });
  const d = device.data;
  return (
    <Drawer open={!!deviceId} onClose={onClose} size={phone ? '100%' : 820} destroyOnHidden title={d ? `${d.name}（${d.code}）` : '设备'} data-testid="device-drawer"
      extra={canWrite && d && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button>}>
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" bordered column={phone ? 1 : 2} items={[
            { label: '所属', children: d.enterpriseId ? <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link>
              : d.facilityId ? <Link to={`/monitoring/facilities/${d.facilityId}`}>{d.facilityName}</Link> : whereOf(d) },
            { label: '区划', children: d.regionName ?? d.regionCode },
            { label: '型号', children: d.model ?? '—' },
            { label: '状态', children: <Tag color={d.status === 'active' ? 'success' : 'default'}>{DEVICE_STATUSES[d.status]}</Tag> },
            { label: '最近上报', children: formatTime(d.lastSeenAt) },
            { label: '未关闭报警', children: d.openAlarms },
          ]} />
          {canWrite && <Card size="small" title="设备密钥"><DeviceKeyPanel device={d} /></Card>}
          <Card size="small" title={`测点（${sensors.data?.total ?? 0}）`}
            extra={canWrite && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setSensorForm({})}>新增测点</Button>}>
            <Table<Sensor> rowKey="id" size="small" loading={sensors.isFetching} dataSource={sensors.data?.items} pagination={false} scroll={{ x: 'max-content' }} data-testid="device-sensors"
              locale={{ emptyText: canWrite ? '还没有测点。点击“新增测点”，填写位号、阈值和上报周期。' : '还没有测点。' }}
              columns={[
                { title: '测点', key: 'name', render: (_, s) => <div>{s.name}<div style={{ color: '#999', fontSize: 12 }}>{s.code} · {SENSOR_TYPES[s.type]}</div></div> },
                { title: '当前值', key: 'v', render: (_, s) => <div>{valueText(s.lastValue, s.unit)} <SensorStateTag state={s.state} /></div> },
                { title: '低低/低/高/高高', key: 'limits', render: (_, s) => `${limits(s)} ${s.unit}` },
                { title: '周期', dataIndex: 'expectedIntervalSec', render: (v: number) => `${v} 秒` },
                ...(canWrite ? [{ title: '', key: 'edit', render: (_: unknown, s: Sensor) => <Button size="small" type="link" onClick={() => setSensorForm({ sensor: s })}>修改</Button> }] : []),
              ]} />
          </Card>
        </Flex>
      )}
      {d && <DeviceForm open={editing} device={d} onClose={() => setEditing(false)} />}
      {d && <SensorForm open={!!sensorForm} deviceId={d.id} sensor={sensorForm?.sensor} onClose={() => setSensorForm(null)} />}
    </Drawer>
  );
}
