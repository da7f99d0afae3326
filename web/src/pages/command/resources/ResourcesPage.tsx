// 应急资源: the registers (teams, experts, warehouses, stock, ledger, shelters, equipment) as tabs, the tab in the URL
// so a list can be linked to; the map and the readiness overview a click away.
import { Link, useSearchParams } from 'react-router';
import { Button, Tabs } from 'antd';
import { AlertOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/PageHeader';
import { LedgerTab } from './LedgerTab';
import { EQUIPMENT, EXPERTS, SHELTERS, TEAMS, WAREHOUSES } from './registers';
import { RegisterTab } from './RegisterTab';
import { StockTab } from './StockTab';

const TABS = [
  { key: 'teams', label: '救援队伍', children: <RegisterTab def={TEAMS} /> },
  { key: 'experts', label: '专家', children: <RegisterTab def={EXPERTS} /> },
  { key: 'warehouses', label: '储备库', children: <RegisterTab def={WAREHOUSES} /> },
  { key: 'stock', label: '物资库存', children: <StockTab /> },
  { key: 'ledger', label: '出入库台账', children: <LedgerTab /> },
  { key: 'shelters', label: '避难场所', children: <RegisterTab def={SHELTERS} /> },
  { key: 'equipment', label: '装备车辆', children: <RegisterTab def={EQUIPMENT} /> },
];

export default function ResourcesPage() {
  const [search, setSearch] = useSearchParams();
  const tab = TABS.some((t) => t.key === search.get('tab')) ? search.get('tab')! : 'teams';
  return (
    <>
      <PageHeader title="应急资源" extra={<>
        <Link to="/command/resources/map"><Button icon={<EnvironmentOutlined />}>资源分布图</Button></Link>
        <Link to="/command/resources/readiness"><Button icon={<AlertOutlined />}>战备概览</Button></Link>
      </>}>
        救援队伍、专家、储备物资、避难场所和装备车辆的底数，平时维护，战时就近调用。
      </PageHeader>
      <Tabs activeKey={tab} items={TABS} destroyOnHidden onChange={(key) => setSearch({ tab: key })} />
    </>
  );
}
