// 风险分级: every risk point in the account's reach, graded red/orange/yellow/blue by LEC or LS.
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RiskPointList } from './RiskPointList';

export default function RiskPointsPage() {
  return (
    <>
      <PageHeader title="风险分级" extra={<Link to="/hazards/risk-map">查看风险四色图</Link>}>
        风险点按 LEC（D = L×E×C）或 LS（R = L×S）评价，系统按现行分级规则定为重大（红）、较大（橙）、一般（黄）、低（蓝）风险；企业的风险等级取其最高的风险点。
      </PageHeader>
      <RiskPointList />
    </>
  );
}
