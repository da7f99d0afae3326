// The tabs of the enterprise page (一企一档), as slots: each capability adds its own line here and the
// page renders whatever this list holds, in `order`, lazily, and only the tabs whose `perm` the account has.
// A capability not built yet shows <NotBuilt> with what it will offer; replace its line when it lands.
import type { ComponentType } from 'react';
import type { Permission } from '../../../contracts/roles';

/** What every tab receives: the enterprise it shows. */
export interface EnterpriseTabProps { enterpriseId: string }

export interface EnterpriseTab {
  key: string;
  label: string;
  order: number;
  perm?: Permission;
  load: () => Promise<{ default: ComponentType<EnterpriseTabProps> }>;
}

/** A placeholder tab for a capability not built yet: says so, and what it will show here. */
const notBuilt = (title: string, summary: string) => () =>
  import('../pages/enterprises/tabs/NotBuiltTab').then((m) => ({ default: m.notBuiltTab(title, summary) }));

export const ENTERPRISE_TABS: EnterpriseTab[] = [
  { key: 'basic', label: '基本信息', order: 10, load: () => import('../pages/enterprises/tabs/BasicTab') },
  { key: 'licences', label: '证照', order: 20, load: () => import('../pages/enterprises/tabs/LicencesTab') },
  { key: 'hazard-sources', label: '重大危险源', order: 30, load: () => import('../pages/enterprises/tabs/HazardSourcesTab') },
  { key: 'risk', label: '风险点', order: 40, perm: 'hazard:read', load: () => import('../pages/risk/RiskTab') },
  { key: 'hazards', label: '隐患', order: 50, perm: 'hazard:read', load: () => import('../pages/hazards/HazardsTab') },
  { key: 'inspections', label: '执法检查', order: 60, perm: 'enforcement:read',
    load: () => import('../pages/enforcement/tabs/InspectionsTab') },
  { key: 'cases', label: '执法案件', order: 70, perm: 'enforcement:read',
    load: () => import('../pages/enforcement/tabs/CasesTab') },
  { key: 'alarms', label: '监测报警', order: 80, perm: 'monitoring:read', load: () => import('../pages/monitoring/EnterpriseMonitoringTab') },
  { key: 'incidents', label: '事故事件', order: 90, perm: 'command:read',
    load: notBuilt('事故事件', '本企业发生的生产安全事故和突发事件及其处置记录。') },
  { key: 'plans', label: '应急预案', order: 100, perm: 'plan:read', load: () => import('../pages/command/plans/EnterprisePlansTab') },
  { key: 'pledges', label: '责任状', order: 110, perm: 'responsibility:read',
    load: notBuilt('责任状', '本企业签订的安全生产责任状和年度考核结果。') },
  { key: 'files', label: '附件', order: 900, perm: 'files:read', load: () => import('../pages/enterprises/tabs/FilesTab') },
  { key: 'history', label: '变更记录', order: 1000, load: () => import('../pages/enterprises/tabs/HistoryTab') },
];
