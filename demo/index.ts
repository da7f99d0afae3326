// The demo county 汨水市: generate the whole data set from a seed, and load it in one transaction.
// Each domain contributes a module (demo/<domain>.ts) run as one STEP with its own PRNG stream,
// and the tables it fills (TABLES, in foreign-key order). See demo/README.md.
import type { Db, Queryable } from '../server/platform/db/db.js';
import { sql } from '../server/platform/db/sql.js';
import * as accounts from './accounts.js';
import { DEMO_PASSWORD } from './accounts.js';
import * as county from './county.js';
import { COUNTY_CODE } from './county.js';
import * as enterpriseHazards from './enterprise-hazards.js';
import * as enterpriseLicences from './enterprise-licences.js';
import * as enterpriseRegistry from './enterprise-registry.js';
import * as enterprises from './enterprises.js';
import { insertRows } from './insert.js';
import * as enforcement from './enforcement.js';
import * as commandPlans from './command-plans.js';
import * as commandResources from './command-resources.js';
import * as commandIncidents from './command-incidents.js';
import * as commandDuty from './command-duty.js';
import * as hazards from './hazards.js';
import * as flood from './flood.js';
import * as monitoring from './monitoring.js';
import * as orgs from './orgs.js';
import * as returnsDemo from './returns.js';
import * as outreach from './outreach.js';
import * as disasterDemo from './disaster.js';
import * as responsibilityDemo from './responsibility.js';
import { createContext, type DemoContext } from './random.js';
import type { DemoAccountInfo, DemoData } from './types.js';

export type { DemoAccountInfo, DemoData } from './types.js';
export { DEMO_PASSWORD } from './accounts.js';
export { COUNTY_CODE } from './county.js';

/** The default seed: the last day of the report's half year. */
export const DEMO_SEED = 20220630;

interface DemoStep {
  /** Names the module's PRNG stream: adding or changing a step leaves the others' data as it was. */
  module: string;
  generate(ctx: DemoContext, base: DemoData): Partial<DemoData>;
}

/** Generation order: a step may read what earlier steps produced (base). */
const STEPS: readonly DemoStep[] = [
  { module: 'county', generate: (ctx) => county.generate(ctx) },
  { module: 'orgs', generate: (ctx) => orgs.generate(ctx) },
  { module: 'enterprises', generate: (ctx, base) => enterprises.generate(ctx, base) },
  { module: 'accounts', generate: (ctx, base) => accounts.generate(ctx, base) },
  // The registry enriches the starter enterprises in place (same ids) and adds the rest of the county.
  { module: 'enterprise-registry', generate: (ctx, base) => enterpriseRegistry.generate(ctx, base) },
  { module: 'enterprise-licences', generate: (ctx, base) => enterpriseLicences.generate(ctx, base) },
  { module: 'enterprise-hazards', generate: (ctx, base) => enterpriseHazards.generate(ctx, base) },
  // Sensors on major hazard sources and facilities, a day of history, alarms and early warnings.
  { module: 'monitoring', generate: (ctx, base) => monitoring.generate(ctx, base) },
  // Risk points, campaigns and hidden hazards (隐患) with their trails; sets enterprises' risk colours.
  { module: 'hazards', generate: (ctx, base) => hazards.generate(ctx, base) },
  // Plans, draws, inspections, documents, cases, measures, tip-offs and tallies consistent with the report.
  { module: 'enforcement', generate: (ctx, base) => enforcement.generate(ctx, base) },
  // 报表填报 and 约谈: return forms filed by their units for 2021–2022 with the report's figures; the 4 towns summoned.
  { module: 'returns', generate: (ctx, base) => returnsDemo.generate(ctx, base) },
  // 应急预案: the plan system with structured levels, triggers, groups and actions; filings and drills.
  { module: 'command-plans', generate: (ctx, base) => commandPlans.generate(ctx, base) },
  // 应急资源: teams and members, experts, warehouses with stock, batches and ledger, shelters, equipment.
  { module: 'command-resources', generate: (ctx, base) => ({ commandResources: commandResources.generate(ctx, base) }) },
  // 突发事件: past incidents of 2022 H1 with full timelines (reads the plans and resources above; one lesson's hazard).
  { module: 'command-incidents', generate: (ctx, base) => commandIncidents.generate(ctx, base) },
  // 值班值守 and 信息报送: duty accounts, the June–July 2022 roster, handovers, duty log, the incidents' reports; village population.
  { module: 'command-duty', generate: (ctx, base) => commandDuty.generate(ctx, base) },
  // 防汛: facilities with their three responsible people, 备汛检查 batches linked to the flood hazards, plans, the 6·21 response.
  { module: 'flood', generate: (ctx, base) => flood.generate(ctx, base) },
  // 宣传教育培训与应急演练: activities with material counts, trainings with certificates, the drills' detail and problems.
  { module: 'outreach', generate: (ctx, base) => outreach.generate(ctx, base) },
  // 防灾减灾救灾: the 379 disaster information officers with training; disaster events and their reports.
  { module: 'disaster', generate: (ctx, base) => disasterDemo.generate(ctx, base) },
  // 责任体系与督查督办: committee members, meetings and decisions as tasks, 51 letters, duty lists, the report's campaigns.
  { module: 'responsibility', generate: (ctx, base) => responsibilityDemo.generate(ctx, base) },
];

interface TableStep {
  table: string;
  rows(data: DemoData, passwordHash: string): readonly object[];
}

/** Insertion order (parents first); reset deletes in the reverse order. */
const TABLES: readonly TableStep[] = [
  { table: 'regions', rows: (d) => d.regions },
  { table: 'organizations', rows: (d) => d.organizations },
  { table: 'enterprises', rows: (d) => d.enterprises },
  { table: 'accounts', rows: (d, hash) => d.accounts.map((a) => ({ ...a, password_hash: hash })) },
  { table: 'enterprise_status_changes', rows: (d) => d.enterpriseStatusChanges },
  { table: 'enterprise_licences', rows: (d) => d.enterpriseLicences },
  { table: 'major_hazard_sources', rows: (d) => d.majorHazardSources },
  { table: 'major_hazard_chemicals', rows: (d) => d.majorHazardChemicals },
  { table: 'campaigns', rows: (d) => d.campaigns },
  { table: 'campaigns', rows: (d) => d.enforcement.campaigns },
  { table: 'risk_points', rows: (d) => d.riskPoints },
  { table: 'hazards', rows: (d) => d.hazards.map(hazards.withCategory) },
  { table: 'hazard_events', rows: (d) => d.hazardEvents },
  { table: 'number_sequences', rows: (d) => d.numberSequences },
  { table: 'accounts', rows: (d, hash) => d.enforcement.officers.map((a) => ({ ...a, password_hash: hash })) },
  { table: 'enforcement_avoidances', rows: (d) => d.enforcement.avoidances },
  { table: 'enforcement_plans', rows: (d) => d.enforcement.plans },
  { table: 'enforcement_plan_items', rows: (d) => d.enforcement.planItems },
  { table: 'enforcement_draws', rows: (d) => d.enforcement.draws },
  { table: 'enforcement_draw_units', rows: (d) => d.enforcement.drawUnits },
  { table: 'enforcement_inspections', rows: (d) => d.enforcement.inspections },
  { table: 'enforcement_inspection_officers', rows: (d) => d.enforcement.inspectionOfficers },
  { table: 'enforcement_findings', rows: (d) => d.enforcement.findings },
  { table: 'enforcement_tipoffs', rows: (d) => d.enforcement.tipoffs },
  { table: 'enforcement_rewards', rows: (d) => d.enforcement.rewards },
  { table: 'enforcement_cases', rows: (d) => d.enforcement.cases },
  { table: 'enforcement_case_officers', rows: (d) => d.enforcement.caseOfficers },
  { table: 'enforcement_case_events', rows: (d) => d.enforcement.caseEvents },
  { table: 'enforcement_measures', rows: (d) => d.enforcement.measures },
  { table: 'enforcement_transfers', rows: (d) => d.enforcement.transfers },
  { table: 'enforcement_documents', rows: (d) => d.enforcement.documents },
  { table: 'enforcement_services', rows: (d) => d.enforcement.services },
  { table: 'enforcement_tallies', rows: (d) => d.enforcement.tallies },
  { table: 'number_sequences', rows: (d) => d.enforcement.numberSequences },
  { table: 'monitoring_facilities', rows: (d) => d.monitoringFacilities },
  { table: 'api_keys', rows: (d) => d.monitoringApiKeys },
  { table: 'monitoring_devices', rows: (d) => d.monitoringDevices },
  { table: 'monitoring_sensors', rows: (d) => d.monitoringSensors },
  { table: 'sensor_readings', rows: (d) => d.sensorReadings },
  { table: 'sensor_readings_1m', rows: (d) => d.sensorReadings1m },
  { table: 'sensor_readings_1h', rows: (d) => d.sensorReadings1h },
  { table: 'sensor_latest', rows: (d) => d.sensorLatest },
  { table: 'monitoring_alarms', rows: (d) => d.monitoringAlarms },
  { table: 'monitoring_alarm_events', rows: (d) => d.monitoringAlarmEvents },
  { table: 'early_warnings', rows: (d) => d.earlyWarnings },
  { table: 'warning_recipients', rows: (d) => d.warningRecipients },
  { table: 'accounts', rows: (d, hash) => d.returns.accounts.map((a) => ({ ...a, password_hash: hash })) },
  { table: 'return_forms', rows: (d) => d.returns.forms },
  { table: 'return_form_versions', rows: (d) => d.returns.formVersions },
  { table: 'returns', rows: (d) => d.returns.returns },
  { table: 'return_events', rows: (d) => d.returns.events },
  { table: 'summons', rows: (d) => d.returns.summons },
  { table: 'summons_tasks', rows: (d) => d.returns.summonsTasks },
  { table: 'number_sequences', rows: (d) => d.returns.numberSequences },
  { table: 'command_plans', rows: (d) => d.commandPlans.plans },
  { table: 'command_plan_versions', rows: (d) => d.commandPlans.versions },
  { table: 'command_plan_countersigns', rows: (d) => d.commandPlans.countersigns },
  { table: 'command_plan_drills', rows: (d) => d.commandPlans.drills },
  { table: 'resource_teams', rows: (d) => d.commandResources.teams },
  { table: 'resource_team_members', rows: (d) => d.commandResources.members },
  { table: 'resource_experts', rows: (d) => d.commandResources.experts },
  { table: 'resource_warehouses', rows: (d) => d.commandResources.warehouses },
  { table: 'resource_items', rows: (d) => d.commandResources.items },
  { table: 'resource_stock', rows: (d) => d.commandResources.stock },
  { table: 'resource_stock_batches', rows: (d) => d.commandResources.batches },
  { table: 'resource_stock_ledger', rows: (d) => d.commandResources.ledger },
  { table: 'resource_shelters', rows: (d) => d.commandResources.shelters },
  { table: 'resource_equipment', rows: (d) => d.commandResources.equipment },
  { table: 'number_sequences', rows: (d) => d.commandIncidents.numberSequences },
  { table: 'incidents', rows: (d) => d.commandIncidents.incidents },
  { table: 'incident_timeline', rows: (d) => d.commandIncidents.timeline },
  { table: 'incident_level_changes', rows: (d) => d.commandIncidents.levelChanges },
  { table: 'incident_post_roles', rows: (d) => d.commandIncidents.postRoles },
  { table: 'incident_tasks', rows: (d) => d.commandIncidents.tasks },
  { table: 'incident_task_feedback', rows: (d) => d.commandIncidents.feedback },
  { table: 'incident_dispatches', rows: (d) => d.commandIncidents.dispatches },
  { table: 'incident_lessons', rows: (d) => d.commandIncidents.lessons },
  { table: 'accounts', rows: (d, hash) => d.commandDuty.accounts.map((a) => ({ ...a, password_hash: hash })) },
  { table: 'duty_assignments', rows: (d) => d.commandDuty.assignments },
  { table: 'duty_handovers', rows: (d) => d.commandDuty.handovers },
  { table: 'duty_logs', rows: (d) => d.commandDuty.logs },
  { table: 'incident_reports', rows: (d) => d.commandDuty.reports },
  { table: 'incident_report_dues', rows: (d) => d.commandDuty.dues },
  { table: 'incident_timeline', rows: (d) => d.commandDuty.timeline },
  { table: 'region_populations', rows: (d) => d.commandDuty.populations },
  { table: 'number_sequences', rows: (d) => d.commandDuty.numberSequences },
  { table: 'flood_facilities', rows: (d) => d.flood.facilities },
  { table: 'flood_inspection_teams', rows: (d) => d.flood.teams },
  { table: 'flood_inspection_batches', rows: (d) => d.flood.batches },
  { table: 'flood_batch_facilities', rows: (d) => d.flood.batchFacilities },
  { table: 'flood_batch_findings', rows: (d) => d.flood.findings },
  { table: 'flood_plans', rows: (d) => d.flood.plans },
  { table: 'flood_responses', rows: (d) => d.flood.responses },
  { table: 'flood_response_tasks', rows: (d) => d.flood.tasks },
  { table: 'flood_transfers', rows: (d) => d.flood.transfers },
  { table: 'number_sequences', rows: (d) => d.flood.numberSequences },
  { table: 'outreach_activities', rows: (d) => d.outreach.activities },
  { table: 'outreach_trainings', rows: (d) => d.outreach.trainings },
  { table: 'outreach_certificates', rows: (d) => d.outreach.certificates },
  { table: 'outreach_drill_details', rows: (d) => d.outreach.drillDetails },
  { table: 'outreach_drill_problems', rows: (d) => d.outreach.drillProblems },
  { table: 'disaster_informants', rows: (d) => d.disaster.informants },
  { table: 'disaster_informant_trainings', rows: (d) => d.disaster.trainings },
  { table: 'disaster_events', rows: (d) => d.disaster.events },
  { table: 'disaster_event_areas', rows: (d) => d.disaster.areas },
  { table: 'disaster_reports', rows: (d) => d.disaster.reports },
  { table: 'disaster_report_events', rows: (d) => d.disaster.reportEvents },
  { table: 'relief_allocations', rows: (d) => d.disaster.allocations },
  { table: 'relief_distributions', rows: (d) => d.disaster.distributions },
  { table: 'relief_audits', rows: (d) => d.disaster.audits },
  { table: 'relief_audit_checks', rows: (d) => d.disaster.checks },
  { table: 'committee_members', rows: (d) => d.responsibility.members },
  { table: 'committee_meetings', rows: (d) => d.responsibility.meetings },
  { table: 'supervision_campaigns', rows: (d) => d.responsibility.campaigns },
  { table: 'resp_tasks', rows: (d) => d.responsibility.tasks },
  { table: 'pledges', rows: (d) => d.responsibility.pledges },
  { table: 'duty_items', rows: (d) => d.responsibility.duties },
];

const CORE_TABLES = ['regions', 'organizations', 'enterprises', 'accounts'];
/** Platform tables that point at demo rows and hold no demo data of their own. */
const PLATFORM_TABLES = ['notifications', 'files', 'sessions'];

export interface LoadDemoOptions {
  seed?: number;
  /** Hashes the demo password; called once, the hash is shared by every demo account. */
  hashPassword: (plain: string) => Promise<string>;
  /** Delete the existing demo data first (audit_log is never touched). */
  reset?: boolean;
  log?: (msg: string) => void;
}

export interface DemoSummary {
  seed: number;
  /** Rows inserted, per table. */
  counts: Record<string, number>;
  accounts: DemoAccountInfo[];
  password: string;
  /** Wall time of generation, hashing and the transaction. */
  elapsedMs: number;
}

/** Builds the whole demo data set from a seed; pure and deterministic (ids included). */
export function generateDemo(seed: number = DEMO_SEED): DemoData {
  const data = { seed } as DemoData;
  for (const step of STEPS) Object.assign(data, step.generate(createContext(seed, step.module), data));
  return data;
}

/** True when the demo county is in the database (its 汨水市 region row exists). */
export async function isDemoLoaded(db: Queryable): Promise<boolean> {
  return (await db.maybeOne(sql`select 1 as one from regions where code = ${COUNTY_CODE}`)) !== undefined;
}

/** Generates the demo county and inserts it in one transaction; with reset, replaces it. */
export async function loadDemo(db: Db, opts: LoadDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const seed = opts.seed ?? DEMO_SEED;
  const log = opts.log ?? (() => {});
  const data = generateDemo(seed);
  const hash = await opts.hashPassword(DEMO_PASSWORD);
  const counts: Record<string, number> = {};
  await db.tx(async (tx) => {
    if (opts.reset) await deleteDemo(tx, log);
    else if (await isDemoLoaded(tx)) throw new Error('demo data is already loaded (演示数据已存在); load with reset to replace it');
    for (const t of TABLES) {
      counts[t.table] = (counts[t.table] ?? 0) + await insertRows(tx, t.table, t.rows(data, hash));
      log(`demo: ${t.table} ${counts[t.table]}`);
    }
  });
  const elapsedMs = Math.round(performance.now() - started);
  log(`demo: loaded seed ${seed} in ${elapsedMs} ms`);
  return { seed, counts, accounts: data.accountList, password: DEMO_PASSWORD, elapsedMs };
}

// Every row of the demo-loaded tables, children first. audit_log is append-only and stays.
async function deleteDemo(tx: Queryable, log: (msg: string) => void): Promise<void> {
  const domain = TABLES.map((t) => t.table).filter((t) => !CORE_TABLES.includes(t)).reverse();
  const order = [...domain, ...PLATFORM_TABLES, ...[...CORE_TABLES].reverse()];
  for (const table of order) {
    // API keys outlive a reset: detach them from their creator rather than delete them.
    if (table === 'accounts') await tx.execute(sql`update api_keys set created_by = null where created_by is not null`);
    const n = await tx.execute(sql`delete from ${sql.id(table)}`);
    log(`demo: reset ${table} (${n} deleted)`);
  }
}
