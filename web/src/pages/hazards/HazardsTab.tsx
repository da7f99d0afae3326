// The 隐患 tab of the enterprise page: this enterprise's hazards, and 上报隐患 for it.
import { useNavigate } from 'react-router';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/session';
import type { EnterpriseTabProps } from '../../app/enterprise-tabs';
import { REPORT_PATH } from './hazardApi';
import { HazardList } from './HazardList';

export default function HazardsTab({ enterpriseId }: EnterpriseTabProps) {
  const me = useMe();
  const navigate = useNavigate();
  const canReport = me.permissions.includes('hazard:write');
  return (
    <HazardList params={{ enterpriseId }} acrossEnterprises={false} emptyText="该企业还没有隐患记录。"
      extra={canReport && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${REPORT_PATH}?enterpriseId=${enterpriseId}`)}>上报隐患</Button>} />
  );
}
