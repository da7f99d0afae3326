// SQL of relief allocations, household distributions and the 专项督查 audits; scoped by region (a town sees its share
// and its households; a department its own share; the county all).
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { townName } from '../common.js';

export interface AllocationRow {
  id: string; number: string; parent_id: string | null; event_name: string | null; region_code: string; org_id: string | null; recipient: string; purpose: string;
  amount: string; allocated_on: string; note: string; allocated_down: string; distributed: string; households: number;
}
const allocScope = (v: DataScope) => scopeWhere(v, { region: 'a.region_code', org: 'a.org_id' });
const allocSelect = sql`select a.id, a.number, a.parent_id, e.name as event_name, a.region_code, a.org_id, a.recipient, a.purpose, a.amount, a.allocated_on::text, a.note,
  (select coalesce(sum(c.amount), 0) from relief_allocations c where c.parent_id = a.id) as allocated_down,
  (select coalesce(sum(d.amount), 0) from relief_distributions d where d.allocation_id = a.id) as distributed,
  (select count(*)::int from relief_distributions d where d.allocation_id = a.id) as households
  from relief_allocations a left join disaster_events e on e.id = a.event_id`;

export async function listAllocations(db: Queryable, v: DataScope, f: { parentId?: string; top?: boolean; q?: string; purpose?: string; recipientKind?: string }, page: number, pageSize: number) {
  const w = sql.and([allocScope(v), f.parentId ? sql`a.parent_id = ${f.parentId}` : undefined, f.top ? sql`a.parent_id is null` : undefined,
    f.recipientKind === 'department' ? sql`a.org_id is not null` : f.recipientKind === 'town' ? sql`a.org_id is null` : undefined,
    f.q ? sql`(a.recipient like ${'%' + f.q + '%'} or a.number like ${'%' + f.q + '%'} or a.note like ${'%' + f.q + '%'})` : undefined, f.purpose ? sql`a.purpose = ${f.purpose}` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from relief_allocations a where ${w}`);
  const items = await db.query<AllocationRow>(sql`${allocSelect} where ${w} order by a.allocated_on desc, a.number limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findAllocation = (db: Queryable, v: DataScope, id: string) => db.maybeOne<AllocationRow>(sql`${allocSelect} where a.id = ${id} and ${allocScope(v)}`);
/** Lock an allocation row so that concurrent shares and payments cannot together exceed it. */
export const lockAllocation = (db: Queryable, id: string) => db.execute(sql`select id from relief_allocations where id = ${id} for update`);

export interface AllocationWrite { parent_id: string | null; event_id: string | null; region_code: string; org_id: string | null; recipient: string; purpose: string; amount: number; allocated_on: string; note: string }
export const insertAllocation = (db: Queryable, id: string, number: string, w: AllocationWrite, by: string | null) => db.execute(sql`insert into relief_allocations
  (id, number, parent_id, event_id, region_code, org_id, recipient, purpose, amount, allocated_on, note, created_by)
  values (${id}, ${number}, ${w.parent_id}, ${w.event_id}, ${w.region_code}, ${w.org_id}, ${w.recipient}, ${w.purpose}, ${w.amount}, ${w.allocated_on}::date, ${w.note}, ${by})`);

export interface DistributionRow {
  id: string; allocation_id: string; recipient: string; region_code: string; region_name: string; town_name: string; name: string; id_number: string; phone: string;
  amount: string; paid_on: string; method: string; bank_ref: string | null;
}
const distScope = (v: DataScope) => scopeWhere(v, { region: 'd.region_code', org: 'a.org_id' });
const distSelect = sql`select d.id, d.allocation_id, a.recipient, d.region_code, r.name as region_name, ${townName('d.region_code')} as town_name, d.name, d.id_number, d.phone,
  d.amount, d.paid_on::text, d.method, d.bank_ref from relief_distributions d join relief_allocations a on a.id = d.allocation_id join regions r on r.code = d.region_code`;
export async function listDistributions(db: Queryable, v: DataScope, f: { allocationId?: string; regionCode?: string; q?: string; method?: string; from?: string; to?: string }, page: number, pageSize: number) {
  const w = sql.and([distScope(v), f.allocationId ? sql`(d.allocation_id = ${f.allocationId} or a.parent_id = ${f.allocationId})` : undefined,
    f.regionCode ? sql`d.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined, f.q ? sql`(d.name like ${'%' + f.q + '%'} or r.name like ${'%' + f.q + '%'})` : undefined,
    f.method ? sql`d.method = ${f.method}` : undefined, f.from ? sql`d.paid_on >= ${f.from}::date` : undefined, f.to ? sql`d.paid_on < ${f.to}::date + 1` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from relief_distributions d join relief_allocations a on a.id = d.allocation_id
    join regions r on r.code = d.region_code where ${w}`);
  const items = await db.query<DistributionRow>(sql`${distSelect} where ${w} order by d.paid_on desc, d.region_code, d.name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findDistribution = (db: Queryable, v: DataScope, id: string) => db.maybeOne<DistributionRow>(sql`${distSelect} where d.id = ${id} and ${distScope(v)}`);
export const idNumberUsed = (db: Queryable, allocationId: string, idNumber: string) =>
  db.maybeOne<{ name: string }>(sql`select name from relief_distributions where allocation_id = ${allocationId} and id_number = ${idNumber}`);
export interface DistributionWrite { allocation_id: string; region_code: string; name: string; id_number: string; phone: string; amount: number; paid_on: string; method: string; bank_ref: string | null }
export const insertDistribution = (db: Queryable, id: string, w: DistributionWrite, by: string | null) => db.execute(sql`insert into relief_distributions
  (id, allocation_id, region_code, name, id_number, phone, amount, paid_on, method, bank_ref, created_by)
  values (${id}, ${w.allocation_id}, ${w.region_code}, ${w.name}, ${w.id_number}, ${w.phone}, ${w.amount}, ${w.paid_on}::date, ${w.method}, ${w.bank_ref}, ${by})`);

/** The households paid under a county allocation's shares, with the share (town or department) each belongs to. */
export const auditPool = (db: Queryable, allocationId: string) => db.query<{ id: string; unit: string }>(sql`select d.id, a.id as unit from relief_distributions d
  join relief_allocations a on a.id = d.allocation_id where a.parent_id = ${allocationId} or a.id = ${allocationId} order by d.id`);

export interface AuditRow { id: string; number: string; allocation_id: string; name: string; seed: string; rate_percent: string; population: number; algorithm: string; drawn_at: Date;
  sample_size: number; checked: number; discrepancies: number }
const auditSelect = sql`select u.*, (select count(*)::int from relief_audit_checks c where c.audit_id = u.id) as sample_size,
  (select count(*)::int from relief_audit_checks c where c.audit_id = u.id and c.outcome <> 'pending') as checked,
  (select count(*)::int from relief_audit_checks c where c.audit_id = u.id and c.outcome = 'discrepancy') as discrepancies
  from relief_audits u join relief_allocations a on a.id = u.allocation_id`;
export async function listAudits(db: Queryable, v: DataScope, page: number, pageSize: number, f: { from?: string; to?: string } = {}) {
  const w = sql.and([allocScope(v), f.from ? sql`u.drawn_at >= ${f.from}::date` : undefined, f.to ? sql`u.drawn_at < ${f.to}::date + 1` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from relief_audits u join relief_allocations a on a.id = u.allocation_id where ${w}`);
  return { items: await db.query<AuditRow>(sql`${auditSelect} where ${w} order by u.drawn_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`), total };
}
export const findAudit = (db: Queryable, v: DataScope, id: string) => db.maybeOne<AuditRow>(sql`${auditSelect} where u.id = ${id} and ${allocScope(v)}`);
export const insertAudit = (db: Queryable, w: { id: string; number: string; allocation_id: string; name: string; seed: string; rate_percent: number; population: number; algorithm: string; drawn_at: string; by: string | null }) =>
  db.execute(sql`insert into relief_audits (id, number, allocation_id, name, seed, rate_percent, population, algorithm, drawn_at, created_by)
    values (${w.id}, ${w.number}, ${w.allocation_id}, ${w.name}, ${w.seed}, ${w.rate_percent}, ${w.population}, ${w.algorithm}, ${w.drawn_at}, ${w.by})`);
export const insertChecks = (db: Queryable, auditId: string, rows: { distributionId: string; position: number; method: string }[]) => rows.length ? db.execute(sql`insert into relief_audit_checks
  (audit_id, distribution_id, position, method) select ${auditId}, x.d, x.p, x.m from unnest(${rows.map((r) => r.distributionId)}::uuid[], ${rows.map((r) => r.position)}::int[],
  ${rows.map((r) => r.method)}::text[]) as x(d, p, m)`) : Promise.resolve(0);
export interface CheckRow { distribution_id: string; position: number; method: string; outcome: string; finding: string | null; checked_at: Date | null; checked_by: string | null;
  recipient: string; unit_id: string; town_name: string; region_name: string; name: string; id_number: string; phone: string; amount: string }
export const checksOf = (db: Queryable, auditId: string) => db.query<CheckRow>(sql`select c.distribution_id, c.position, c.method, c.outcome, c.finding, c.checked_at, c.checked_by,
  a.recipient, a.id as unit_id, ${townName('d.region_code')} as town_name, r.name as region_name, d.name, d.id_number, d.phone, d.amount
  from relief_audit_checks c join relief_distributions d on d.id = c.distribution_id join relief_allocations a on a.id = d.allocation_id join regions r on r.code = d.region_code
  where c.audit_id = ${auditId} order by c.position`);
export const unitPopulations = (db: Queryable, allocationId: string) => db.query<{ recipient: string; n: number }>(sql`select a.recipient, count(d.id)::int as n from relief_allocations a
  join relief_distributions d on d.allocation_id = a.id where a.parent_id = ${allocationId} or a.id = ${allocationId} group by a.recipient`);
export const recordCheck = (db: Queryable, auditId: string, distributionId: string, c: { outcome: string; finding: string | null; at: string; by: string }) =>
  db.execute(sql`update relief_audit_checks set outcome = ${c.outcome}, finding = ${c.finding}, checked_at = ${c.at}, checked_by = ${c.by} where audit_id = ${auditId} and distribution_id = ${distributionId}`);
export const findCheck = (db: Queryable, auditId: string, distributionId: string) =>
  db.maybeOne<{ outcome: string }>(sql`select outcome from relief_audit_checks where audit_id = ${auditId} and distribution_id = ${distributionId}`);
export const orgBrief = (db: Queryable, id: string) => db.maybeOne<{ name: string; kind: string }>(sql`select name, kind from organizations where id = ${id}`);
