// 值班值守 (/command/duty): the duty desk (current shift, new reports, open incidents, live alarms, the big 接报 button),
// the monthly roster, handovers and the duty log, as tabs kept in the URL.
import { useSearchParams } from 'react-router';
import { Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { DeskTab } from './DeskTab';
import { HandoversTab } from './HandoversTab';
import { LogsTab } from './LogsTab';
import { RosterTab } from './RosterTab';

export default function DutyPage() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'desk';
  return (
    <>
      <PageHeader title="值班值守" />
      <Tabs activeKey={tab} onChange={(k) => setSearch({ tab: k }, { replace: true })} destroyOnHidden items={[
        { key: 'desk', label: '值班台', children: <DeskTab /> },
        { key: 'roster', label: '排班表', children: <RosterTab /> },
        { key: 'handovers', label: '交接班', children: <HandoversTab /> },
        { key: 'logs', label: '值班日志', children: <LogsTab /> },
      ]} />
    </>
  );
}
