// 隐患台账: every hazard the account may see, with 上报隐患 for those who may report.
import { useNavigate } from 'react-router';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { REPORT_PATH } from './hazardApi';
import { HazardList } from './HazardList';

export default function HazardsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const canReport = me.permissions.includes('hazard:write');
  const enterprise = me.scope.kind === 'enterprise';
  return (
    <>
      <PageHeader title={enterprise ? `隐患台账 · ${me.scope.label}` : '隐患台账'}
        extra={canReport && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(REPORT_PATH)}>上报隐患</Button>}>
        一单四制：交办整改 → 整改完成提交复查（附整改后照片）→ 复查销号。红色“逾期”表示已过整改期限仍未完成。
      </PageHeader>
      <HazardList acrossEnterprises={!enterprise}
        emptyText={canReport ? '还没有隐患记录。发现隐患后点击右上方“上报隐患”，拍照上报。' : '还没有隐患记录。'} />
    </>
  );
}
