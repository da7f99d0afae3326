// 宣传培训演练: one page with four tabs (活动, 培训, 演练, 统计); the tab is kept in the URL (?tab=) so that a figure on
// the statistics tab can link to the records behind it.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ActivitiesTab } from './ActivitiesTab';
import { DrillsTab } from './DrillsTab';
import { StatsTab } from './StatsTab';
import { TrainingTab } from './TrainingTab';

const TABS = [
  { key: 'activities', label: '活动', children: <ActivitiesTab /> },
  { key: 'training', label: '培训', children: <TrainingTab /> },
  { key: 'drills', label: '演练', children: <DrillsTab /> },
  { key: 'stats', label: '统计', children: <StatsTab /> },
];

export default function OutreachPage() {
  const [search, setSearch] = useSearchParams();
  const tab = TABS.some((t) => t.key === search.get('tab')) ? search.get('tab')! : 'activities';
  return (
    <>
      <PageHeader title="宣传培训演练">安全生产月、防灾减灾日等宣传教育活动及其物料，三项岗位人员培训取证，应急演练的情景、评估和问题整改，以及工作总结所需的统计。</PageHeader>
      {/* Switching tabs drops the other tab's filters and page. */}
      <Tabs activeKey={tab} destroyOnHidden items={TABS} onChange={(k) => setSearch(new URLSearchParams({ tab: k }))} />
    </>
  );
}
