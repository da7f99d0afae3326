// Row shapes of the demo data set. Each row type mirrors its table's columns (snake_case keys),
// so the loader can insert any of them without a per-table mapping. Columns left out get
// their database default (created_at, updated_at, …).
import type { GeoPolygon } from './geo.js';
import type { EnforcementDemo } from './enforcement.js';
import type { CommandResourcesDemo } from './command-resources.js';
import type { CommandPlansDemo } from './command-plans.js';
import type { CommandIncidentsDemo } from './command-incidents.js';
import type { CommandDutyDemo } from './command-duty.js';
import type { MonitoringDemo } from './monitoring.js';
import type { ReturnsDemo } from './returns.js';
import type { DisasterDemo } from './disaster.js';
import type { CampaignRow, HazardEventRow, HazardRow, NumberSequenceRow, RiskPointRow } from './hazards.js';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village' | 'park';

export interface RegionRow {
  code: string;
  parent_code: string | null;
  name: string;
  level: RegionLevel;
  sort: number;
  boundary: GeoPolygon | null;
  center_lng: number;
  center_lat: number;
}

export type OrgKind =
  | 'bureau' | 'department' | 'town_gov' | 'town_station' | 'park'
  | 'committee' | 'professional_committee' | 'rescue_team' | 'other';

export interface OrgRow {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  kind: OrgKind;
  region_code: string;
  credit_code: string | null;
  contact: string;
  phone: string;
  sort: number;
}

/** An enterprise (一企一档). The starter module fills the identity columns; the registry module the rest. */
export interface EnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  region_code: string;
  address: string;
  supervising_org_id: string | null;
  /** text[] columns are plain arrays (the loader passes arrays through). */
  former_names: string[];
  legal_representative: string | null;
  legal_representative_phone: string | null;
  principal_name: string | null;
  principal_phone: string | null;
  safety_manager_name: string | null;
  safety_manager_phone: string | null;
  lng: number | null;
  lat: number | null;
  employees: number | null;
  scale: 'large' | 'medium' | 'small' | 'micro' | null;
  established_on: string | null;
  status: 'operating' | 'suspended' | 'closed_business' | 'closed' | 'banned';
  status_changed_at: string | null;
  is_key: boolean;
  standard_grade: 'level1' | 'level2' | 'level3' | 'small_micro' | null;
  industry_code: string | null;
  sector: string;
  sector_detail: string | null;
  subtype: string | null;
  flags: string[];
  risk_level: 'red' | 'orange' | 'yellow' | 'blue' | null;
  risk_level_source: string | null;
  risk_level_at: string | null;
}

/** 状态变更记录 of an enterprise. */
export interface EnterpriseStatusChangeRow {
  id: string;
  enterprise_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  ordered_by_org_id: string | null;
  ordered_by: string | null;
  document_no: string | null;
  effective_on: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

/** 证照 of an enterprise. */
export interface EnterpriseLicenceRow {
  id: string;
  enterprise_id: string;
  kind: string;
  number: string;
  issuer: string;
  issued_on: string;
  expires_on: string | null;
  file_id: null;
  note: string | null;
}

/** 重大危险源 (one unit) with the GB 18218 result stored as the platform computes it. */
export interface MajorHazardSourceRow {
  id: string;
  enterprise_id: string;
  name: string;
  unit_kind: 'production' | 'storage';
  people_exposed: number;
  record_no: string | null;
  note: string | null;
  s_value: number;
  identified: boolean;
  alpha: number;
  r_value: number | null;
  grade: number | null;
  rule_version: string;
  /** JSON string of the working lines (a jsonb array). */
  working: string;
}

export interface MajorHazardChemicalRow {
  id: string;
  source_id: string;
  position: number;
  chemical_code: string | null;
  name: string;
  quantity_t: number;
  critical_quantity_t: number;
  beta: number;
}

/** An account row without its password hash: the loader adds the hash (made once, at load time). */
export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  phone: string;
  roles: string[];
  org_id: string | null;
  scope_kind: 'all' | 'region' | 'org' | 'enterprise';
  scope_region_code: string | null;
  scope_org_id: string | null;
  scope_enterprise_id: string | null;
  enforcement_cert_no: string | null;
  must_change_password: boolean;
  is_demo: boolean;
}

/** What the CLI prints for each demo account. */
export interface DemoAccountInfo {
  username: string;
  roleName: string;
  scopeLabel: string;
}

/**
 * The whole generated data set. A later domain adds its own field(s) here, filled by its
 * module's generate(ctx, base); see demo/README.md.
 */
export interface DemoData extends MonitoringDemo {
  seed: number;
  regions: RegionRow[];
  organizations: OrgRow[];
  enterprises: EnterpriseRow[];
  accounts: AccountRow[];
  accountList: DemoAccountInfo[];
  enterpriseStatusChanges: EnterpriseStatusChangeRow[];
  enterpriseLicences: EnterpriseLicenceRow[];
  majorHazardSources: MajorHazardSourceRow[];
  majorHazardChemicals: MajorHazardChemicalRow[];
  campaigns: CampaignRow[];
  riskPoints: RiskPointRow[];
  hazards: HazardRow[];
  hazardEvents: HazardEventRow[];
  /** The last number taken per kind and year, so new records continue the demo's numbering. */
  numberSequences: NumberSequenceRow[];
  enforcement: EnforcementDemo;
  /** 报表填报 and 约谈 (demo/returns.ts). */
  returns: ReturnsDemo;
  /** 应急预案: plans, versions, 会签, drills (demo/command-plans.ts). */
  commandPlans: CommandPlansDemo;
  /** 应急资源: teams, experts, warehouses and stock, shelters, equipment (demo/command-resources.ts). */
  commandResources: CommandResourcesDemo;
  /** 突发事件: past incidents with timelines, tasks, dispatches and lessons (demo/command-incidents.ts). */
  commandIncidents: CommandIncidentsDemo;
  /** 值班值守 and 信息报送: roster, handovers, duty log, reports upward, village population (demo/command-duty.ts). */
  commandDuty: CommandDutyDemo;
  /** 防汛: facilities, inspections, plans, responses and transfers (demo/flood.ts). */
  flood: import('./flood.js').FloodDemo;
  /** 宣传教育培训与应急演练: activities, trainings and certificates, drills' detail and problems (demo/outreach.ts). */
  outreach: import('./outreach.js').OutreachDemo;
  /** 防灾减灾救灾: disaster information officers, events and reports (demo/disaster.ts). */
  disaster: DisasterDemo;
  /** 责任体系与督查督办: committees' members, meetings and tasks, letters, duty lists, campaigns (demo/responsibility.ts). */
  responsibility: import('./responsibility.js').ResponsibilityDemo;
}
