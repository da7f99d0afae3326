// The 风险点 tab of the enterprise page: its risk points and their grades.
import type { EnterpriseTabProps } from '../../app/enterprise-tabs';
import { RiskPointList } from './RiskPointList';

export default function RiskTab({ enterpriseId }: EnterpriseTabProps) {
  return <RiskPointList enterpriseId={enterpriseId} />;
}
