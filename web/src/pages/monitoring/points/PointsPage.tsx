// 监测点: every sensor the account may see with its live value and state, as a list or on the map, and
// each sensor's readings over a chosen range.
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { OverviewBar } from '../OverviewBar';
import { useMonitoringEvents } from '../useMonitoringEvents';
import { SensorList } from './SensorList';

export default function PointsPage() {
  const me = useMe();
  useMonitoringEvents(undefined, true);
  return (
    <>
      <PageHeader title="监测点">
        重大危险源、水库河道、雨量站等测点的实时值和状态。点击测点名称查看历史曲线，虚线为报警阈值。
      </PageHeader>
      <OverviewBar />
      <SensorList showWhere={me.scope.kind !== 'enterprise'} emptyText="还没有监测点。设备登记并上报数据后在此显示。" />
    </>
  );
}
