// The one route table: it drives the router, the side menu and access. A group is a business line
// of the bureau; an entry is one page, shown to an account only when it holds the entry's permission.
// An entry without `page` renders <NotBuilt> with its `summary`.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AlertOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CloudOutlined, DashboardOutlined,
  FileSearchOutlined, SafetyCertificateOutlined, SettingOutlined, WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../contracts/roles';

export interface RouteEntry {
  path: string;
  title: string;
  perm: Permission;
  /** What the page is for, one sentence; shown while the page is not built. */
  summary: string;
  page?: LazyExoticComponent<ComponentType>;
  /** Reached by links only (a record's own page, e.g. /enterprises/:id): routed and guarded, not in the menu. */
  hidden?: boolean;
}

export interface RouteGroup {
  key: string;
  title: string;
  icon: ComponentType;
  entries: RouteEntry[];
}

export const ROUTE_GROUPS: RouteGroup[] = [
  { key: 'dashboard', title: '综合态势', icon: DashboardOutlined, entries: [
    { path: '/dashboard', title: '态势总览', perm: 'dashboard:read',
      summary: '汇总全县企业、隐患、执法、监测报警和灾情的关键指标与变化趋势。' },
    { path: '/dashboard/map', title: '一张图', perm: 'dashboard:read',
      summary: '在全县行政区划地图上叠加企业、危险源、监测点、救援力量和实时事件，供指挥中心大屏使用。' },
  ] },
  { key: 'enterprise', title: '企业', icon: BankOutlined, entries: [
    { path: '/enterprises', title: '企业档案', perm: 'enterprise:read',
      summary: '一企一档：企业基本信息、证照、重大危险源、隐患、执法和报警记录集中查看与维护。',
      page: lazy(() => import('../pages/enterprises/list/EnterprisesPage')) },
    { path: '/enterprises/map', title: '企业分布图', perm: 'enterprise:read',
      summary: '按风险四色在行政区划地图上查看企业分布，可按区域、行业、状态筛选。',
      page: lazy(() => import('../pages/enterprises/map/EnterpriseMapPage')) },
    { path: '/enterprises/:id', title: '一企一档', perm: 'enterprise:read', hidden: true,
      summary: '一家企业的全部档案：基本信息、证照、重大危险源、风险、隐患、执法、报警和变更记录。',
      page: lazy(() => import('../pages/enterprises/detail/EnterprisePage')) },
  ] },
  { key: 'hazard', title: '隐患排查治理', icon: WarningOutlined, entries: [
    { path: '/hazards', title: '隐患台账', perm: 'hazard:read',
      summary: '隐患上报、整改、复查销号全过程闭环管理，逾期自动提醒督办。',
      page: lazy(() => import('../pages/hazards/HazardsPage')) },
    { path: '/hazards/new', title: '上报隐患', perm: 'hazard:write', hidden: true,
      summary: '拍照上报企业或公共场所的隐患，重大隐患注明判定依据。',
      page: lazy(() => import('../pages/hazards/HazardReportPage')) },
    { path: '/hazards/:id', title: '隐患详情', perm: 'hazard:read', hidden: true,
      summary: '一条隐患的一单四制、处理过程和照片，以及交办、复查、督办、延期等办理。',
      page: lazy(() => import('../pages/hazards/HazardDetailPage')) },
    { path: '/hazards/self-check', title: '企业自查', perm: 'hazard:write',
      summary: '按检查表逐项自查，不合格项一键转为隐患。',
      page: lazy(() => import('../pages/hazards/selfcheck/SelfCheckPage')) },
    { path: '/hazards/campaigns', title: '专项行动', perm: 'hazard:read',
      summary: '专项行动、大排查的期间、范围和发现、销号隐患数。',
      page: lazy(() => import('../pages/hazards/campaigns/CampaignsPage')) },
    { path: '/hazards/stats', title: '隐患统计', perm: 'hazard:read',
      summary: '按区域、行业、来源、月份统计发现、销号、整改率、逾期和重大未销号隐患。',
      page: lazy(() => import('../pages/hazards/stats/HazardStatsPage')) },
    { path: '/hazards/risks', title: '风险分级', perm: 'hazard:read',
      summary: '按红橙黄蓝四色对企业和重点部位进行风险分级管控，生成风险分布图。',
      page: lazy(() => import('../pages/risk/RiskPointsPage')) },
    { path: '/hazards/risk-map', title: '风险四色图', perm: 'hazard:read',
      summary: '各乡镇（园区）按最高风险等级着色，统计红橙黄蓝风险点数量。',
      page: lazy(() => import('../pages/risk/RiskMapPage')) },
  ] },
  { key: 'enforcement', title: '行政执法', icon: AuditOutlined, entries: [
    { path: '/enforcement/plans', title: '执法计划', perm: 'enforcement:read',
      summary: '编制、审批年度监督检查计划，按行业和月份跟踪计划执行进度。',
      page: lazy(() => import('../pages/enforcement/plans/PlansPage')) },
    { path: '/enforcement/draws', title: '双随机抽查', perm: 'enforcement:read',
      summary: '从检查对象库和执法人员库中随机抽取，种子、名录库和算法公示，可复算核对。',
      page: lazy(() => import('../pages/enforcement/draws/DrawsPage')) },
    { path: '/enforcement/draws/:id', title: '抽查详情', perm: 'enforcement:read', hidden: true,
      summary: '一次抽取的种子、名录库、回避、算法和结果，以及公示和重新抽取。',
      page: lazy(() => import('../pages/enforcement/draws/DrawDetailPage')) },
    { path: '/enforcement/inspections', title: '执法检查', perm: 'enforcement:read',
      summary: '现场检查记录、责令整改和复查，生成规范的执法文书。',
      page: lazy(() => import('../pages/enforcement/inspections/InspectionsPage')) },
    { path: '/enforcement/inspections/:id', title: '检查详情', perm: 'enforcement:read', hidden: true,
      summary: '现场检查：执法人员、检查表、发现的问题（转为隐患）、签名和文书。',
      page: lazy(() => import('../pages/enforcement/inspections/InspectionDetailPage')) },
    { path: '/enforcement/documents', title: '执法文书', perm: 'enforcement:read',
      summary: '执法文书台账：按种类和年度编号，下载 Word、打印和登记送达。',
      page: lazy(() => import('../pages/enforcement/documents/DocumentsPage')) },
    { path: '/enforcement/cases', title: '案件办理', perm: 'enforcement:read',
      summary: '立案、调查取证、告知、决定、执行到结案的行政处罚案件全流程办理。',
      page: lazy(() => import('../pages/enforcement/cases/CasesPage')) },
    { path: '/enforcement/cases/:id', title: '案件详情', perm: 'enforcement:read', hidden: true,
      summary: '一件案件的环节、法定时限、文书、强制措施和移送，以及各环节的办理。',
      page: lazy(() => import('../pages/enforcement/cases/CaseDetailPage')) },
    { path: '/enforcement/tipoffs', title: '举报办理', perm: 'enforcement:read',
      summary: '网上、电话、信件和来访举报的受理、交办核查和限期答复。',
      page: lazy(() => import('../pages/enforcement/tipoffs/TipoffsPage')) },
    { path: '/enforcement/tipoffs/:id', title: '举报详情', perm: 'enforcement:read', hidden: true,
      summary: '一件举报的受理、交办、核查和答复。',
      page: lazy(() => import('../pages/enforcement/tipoffs/TipoffsPage')) },
    { path: '/enforcement/stats', title: '执法统计', perm: 'enforcement:read',
      summary: '按部门、行业、区域和期间统计检查、隐患、文书、案件、罚款和强制措施。',
      page: lazy(() => import('../pages/enforcement/stats/EnforcementStatsPage')) },
  ] },
  { key: 'monitoring', title: '监测预警', icon: AlertOutlined, entries: [
    { path: '/monitoring/points', title: '监测点', perm: 'monitoring:read',
      summary: '管理重大危险源、尾矿库、水位雨量等监测设备和监测点，查看实时数据与在线状态。',
      page: lazy(() => import('../pages/monitoring/points/PointsPage')) },
    { path: '/monitoring/alarms', title: '报警处置', perm: 'monitoring:read',
      summary: '监测报警的接收、核实、处置和反馈，超时未处置逐级提醒。',
      page: lazy(() => import('../pages/monitoring/alarms/AlarmsPage')) },
    { path: '/monitoring/alarms/:id', title: '报警详情', perm: 'monitoring:read', hidden: true,
      summary: '一条监测报警的报警值、处置过程和确认、处置、关闭。',
      page: lazy(() => import('../pages/monitoring/alarms/AlarmLinkPage')) },
    { path: '/monitoring/warnings', title: '预警发布', perm: 'monitoring:read',
      summary: '编辑和审核预警信息，按区域和对象通过短信、站内信发布并跟踪叫应。',
      page: lazy(() => import('../pages/monitoring/warnings/WarningsPage')) },
    { path: '/monitoring/warnings/:id', title: '预警详情', perm: 'monitoring:read', hidden: true,
      summary: '一条预警的内容、区域、有效期和叫应情况（谁已确认、谁未确认）。',
      page: lazy(() => import('../pages/monitoring/warnings/WarningDetailPage')) },
  ] },
  { key: 'command', title: '应急指挥', icon: SafetyCertificateOutlined, entries: [
    { path: '/command/duty', title: '值班值守', perm: 'command:read',
      summary: '排班、交接班和值班日志，重要信息及时接报与续报。' },
    { path: '/command/incidents', title: '事件处置', perm: 'command:read',
      summary: '突发事件接报、研判、调度救援力量和记录处置过程。' },
    { path: '/command/plans', title: '预案与资源', perm: 'command:read',
      summary: '应急预案、救援队伍、物资储备和避难场所的管理与查询。' },
  ] },
  { key: 'disaster', title: '防灾减灾与防汛', icon: CloudOutlined, entries: [
    { path: '/disaster/reports', title: '灾情报送', perm: 'disaster:read',
      summary: '灾害信息员按规定时限报送初报、续报、核报，逐级审核汇总。' },
    { path: '/disaster/informants', title: '灾害信息员', perm: 'disaster:read',
      summary: '村（社区）灾害信息员队伍的名册、培训和履职情况管理。' },
    { path: '/disaster/flood', title: '防汛', perm: 'disaster:read',
      summary: '防汛责任人、危险区域、转移人员和汛期值守的管理。' },
  ] },
  { key: 'responsibility', title: '责任体系与宣传', icon: FileSearchOutlined, entries: [
    { path: '/responsibility/pledges', title: '责任状', perm: 'responsibility:read',
      summary: '安全生产责任状的签订、分解和年度考核。' },
    { path: '/responsibility/supervision', title: '督查督办', perm: 'responsibility:read',
      summary: '督查任务的下发、办理、反馈和销号跟踪。' },
    { path: '/responsibility/outreach', title: '宣传培训演练', perm: 'responsibility:read',
      summary: '安全宣传活动、教育培训和应急演练的计划与记录。' },
  ] },
  { key: 'report', title: '统计报告', icon: BarChartOutlined, entries: [
    { path: '/reports/statistics', title: '统计分析', perm: 'report:read',
      summary: '按区域、行业和时间统计各业务指标，导出 Excel 报表。' },
    { path: '/reports/work', title: '工作报告', perm: 'report:read',
      summary: '按月、季、年自动生成工作报告，导出 Word 文档。' },
  ] },
  { key: 'system', title: '系统管理', icon: SettingOutlined, entries: [
    { path: '/system/regions', title: '行政区划', perm: 'system:admin', summary: '维护县、乡镇、村（社区）和园区的行政区划。',
      page: lazy(() => import('../pages/system/regions/RegionsPage')) },
    { path: '/system/orgs', title: '组织机构', perm: 'system:admin', summary: '维护应急局、乡镇、行业部门、救援队伍等组织机构。',
      page: lazy(() => import('../pages/system/orgs/OrgsPage')) },
    { path: '/system/accounts', title: '账号管理', perm: 'system:admin', summary: '创建账号、分配角色与数据范围、重置密码和管理会话。',
      page: lazy(() => import('../pages/system/accounts/AccountsPage')) },
    { path: '/system/audit', title: '审计日志', perm: 'audit:read', summary: '查询全部数据变更的审计记录，校验审计链是否被篡改。',
      page: lazy(() => import('../pages/system/audit/AuditPage')) },
  ] },
];
