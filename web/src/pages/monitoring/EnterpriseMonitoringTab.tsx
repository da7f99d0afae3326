// The 监测报警 tab of the enterprise page: this enterprise's counts, its sensors (live values, charts) and
// its alarms with their handling.
import { Segmented } from 'antd';
import { useState } from 'react';
import type { EnterpriseTabProps } from '../../app/enterprise-tabs';
import { AlarmList } from './alarms/AlarmList';
import { OverviewBar } from './OverviewBar';
import { SensorList } from './points/SensorList';
import { useMonitoringEvents } from './useMonitoringEvents';

export default function EnterpriseMonitoringTab({ enterpriseId }: EnterpriseTabProps) {
  const [show, setShow] = useState<'sensors' | 'alarms'>('sensors');
  useMonitoringEvents(undefined, show === 'sensors');
  const params = { enterpriseId };
  return (
    <>
      <OverviewBar params={params} />
      <Segmented value={show} onChange={(v) => setShow(v as typeof show)} style={{ marginBottom: 12 }}
        options={[{ label: '监测点', value: 'sensors' }, { label: '报警记录', value: 'alarms' }]} />
      {show === 'sensors'
        ? <SensorList params={params} showWhere={false} emptyText="该企业还没有登记监测点。" />
        : <AlarmList params={params} showWhere={false} emptyText="该企业还没有监测报警。" />}
    </>
  );
}
