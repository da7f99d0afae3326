// 执法统计: inspections, units inspected, hazards found, documents by kind, cases, fines, measures by kind, transfers,
// tip-offs and the departments' reported tallies, for any period, region, department, sector or campaign.
import { sectorLabel } from '../../../../contracts/enterprises.js';
import { DOCUMENT_KINDS, MEASURE_KINDS } from '../../../../contracts/enforcement.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { num } from '../common/util.js';
import { type GroupBy, grouped, groupKey, type StatsFilter, statsWhere } from './stats.store.js';

const OWN = { sector: true, subtype: true, inspection: false, case: false };
type Group = { key: string; label: string; inspections: number; findings: number; cases: number; fines: number; measures: number; documents: number };

/** The figures of a period (and their groups). */
export async function enforcementStats(db: Queryable, viewer: DataScope, f: StatsFilter, by?: GroupBy) {
  const ins = statsWhere(viewer, f, 'i', 'ended_at', { ...OWN, inspection: false });
  const gi = groupKey(by, 'i', 'ended_at', true);
  const [inspections, cases, decided, paid, closed, measures, documents, transfers, tipoffs, replied] = await Promise.all([
    grouped<{ n: number; units: number }>(db, 'enforcement_inspections', 'i', gi, sql`count(*)::int as n, count(distinct coalesce(i.enterprise_id::text, i.unit_name))::int as units`, sql.and([ins, sql`i.status = 'completed'`])),
    grouped<{ n: number }>(db, 'enforcement_cases', 'c', groupKey(by, 'c', 'filed_at', true), sql`count(*)::int as n`, statsWhere(viewer, f, 'c', 'filed_at', { ...OWN, inspection: true })),
    grouped<{ s: number }>(db, 'enforcement_cases', 'c', groupKey(by, 'c', 'decided_at', true), sql`coalesce(sum(c.fine), 0)::float8 as s`, statsWhere(viewer, f, 'c', 'decided_at', { ...OWN, inspection: true })),
    grouped<{ s: number }>(db, 'enforcement_cases', 'c', sql`''`, sql`coalesce(sum(c.paid_amount), 0)::float8 as s`, statsWhere(viewer, f, 'c', 'paid_at', { ...OWN, inspection: true })),
    grouped<{ n: number }>(db, 'enforcement_cases', 'c', sql`''`, sql`count(*)::int as n`, sql.and([statsWhere(viewer, f, 'c', 'closed_at', { ...OWN, inspection: true }), sql`c.status = 'closed'`])),
    grouped<{ n: number; kind: string }>(db, 'enforcement_measures', 'm', sql`${groupKey(by, 'm', 'decided_at', true)} || '|' || m.kind`, sql`count(*)::int as n`,
      statsWhere(viewer, f, 'm', 'decided_at', { ...OWN, inspection: true, case: true })),
    grouped<{ n: number }>(db, 'enforcement_documents', 'd', sql`${groupKey(by, 'd', 'issued_at', true)} || '|' || d.kind`, sql`count(*)::int as n`,
      statsWhere(viewer, f, 'd', 'issued_at', { sector: true, subtype: false, inspection: true, case: true })),
    grouped<{ n: number; p: number }>(db, 'enforcement_transfers', 't', sql`''`, sql`count(*)::int as n, coalesce(sum(t.persons_detained), 0)::int as p`,
      statsWhere(viewer, f, 't', 'reported_at', { sector: false, subtype: false, inspection: false, case: true })),
    // Rewards (举报奖励) count with the tip-off they were granted for.
    grouped<{ n: number; rw: number }>(db, 'enforcement_tipoffs', 't', sql`''`, sql`count(*)::int as n,
      coalesce(sum((select r.amount from enforcement_rewards r where r.tipoff_id = t.id)), 0)::float8 as rw`,
      statsWhere(viewer, { ...f, sector: undefined, subtype: undefined, campaignId: undefined }, 't', 'received_at', { sector: false, subtype: false, inspection: false, case: false, org: 'assigned_org_id' })),
    grouped<{ n: number }>(db, 'enforcement_tipoffs', 't', sql`''`, sql`count(*)::int as n`,
      statsWhere(viewer, { ...f, sector: undefined, subtype: undefined, campaignId: undefined }, 't', 'replied_at', { sector: false, subtype: false, inspection: false, case: false, org: 'assigned_org_id' })),
  ]);
  const findingRows = await db.query<{ key: string; n: number; major: number }>(sql`select ${gi} as key, count(*)::int as n, count(*) filter (where f.level = 'major')::int as major
    from enforcement_findings f join enforcement_inspections i on i.id = f.inspection_id where ${ins} and i.status = 'completed' group by 1`);
  const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + num(pick(r)), 0);
  const split = (rows: { key: string; n: number }[]) => rows.map((r) => ({ key: r.key.slice(0, r.key.lastIndexOf('|')), kind: r.key.slice(r.key.lastIndexOf('|') + 1), n: r.n }));
  const ms = split(measures); const ds = split(documents);
  const byKind = (rows: { kind: string; n: number }[], labels: (k: string) => string) => [...new Set(rows.map((r) => r.kind))].sort()
    .map((k) => ({ key: k, label: labels(k), count: sum(rows.filter((r) => r.kind === k), (r) => r.n) }));
  const seized = await db.query<{ name: string; unit: string; quantity: number }>(sql`select x->>'name' as name, x->>'unit' as unit, sum((x->>'quantity')::numeric)::float8 as quantity
    from enforcement_measures m, jsonb_array_elements(m.items) x where ${statsWhere(viewer, f, 'm', 'decided_at', { ...OWN, inspection: true, case: true })} group by 1, 2 order by 1`);
  const tallies = await db.query<{ item: string; unit: string; quantity: number }>(sql`select t.item, t.unit, sum(t.quantity)::float8 as quantity from enforcement_tallies t
    where ${statsWhere(viewer, { ...f, sector: undefined, subtype: undefined, campaignId: undefined, from: undefined, to: undefined }, 't', 'period_from', { sector: false, subtype: false, inspection: false, case: false, enterprise: false })}
    and ${f.from ? sql`t.period_from >= ${f.from}::date` : sql`true`} and ${f.to ? sql`t.period_to <= ${f.to}::date` : sql`true`} group by 1, 2 order by 1`);
  return {
    inspections: sum(inspections, (r) => r.n), unitsInspected: sum(inspections, (r) => r.units), findings: sum(findingRows, (r) => r.n), majorFindings: sum(findingRows, (r) => r.major),
    documents: sum(ds.filter((r) => DOCUMENT_KINDS[r.kind as keyof typeof DOCUMENT_KINDS]?.abbr && r.kind !== 'service_receipt'), (r) => r.n), documentsByKind: byKind(ds, (k) => DOCUMENT_KINDS[k as keyof typeof DOCUMENT_KINDS]?.title ?? k),
    casesFiled: sum(cases, (r) => r.n), casesClosed: sum(closed, (r) => r.n), fines: sum(decided, (r) => r.s), finesPaid: sum(paid, (r) => r.s),
    measures: sum(ms, (r) => r.n), measuresByKind: byKind(ms, (k) => MEASURE_KINDS[k as keyof typeof MEASURE_KINDS] ?? k),
    transfers: sum(transfers, (r) => r.n), personsDetained: sum(transfers, (r) => r.p), tipoffs: sum(tipoffs, (r) => r.n), tipoffsReplied: sum(replied, (r) => r.n), rewards: sum(tipoffs, (r) => r.rw),
    seized: seized.map((x) => ({ name: x.name, unit: x.unit, quantity: num(x.quantity) })),
    tallies: tallies.map((t) => ({ item: t.item, unit: t.unit, quantity: num(t.quantity) })),
    groups: by ? await groups(db, by, { inspections, findingRows, cases, decided, ms, ds }) : [],
  };
}

async function groups(db: Queryable, by: GroupBy, r: { inspections: { key: string; n: number }[]; findingRows: { key: string; n: number }[]; cases: { key: string; n: number }[];
  decided: { key: string; s: number }[]; ms: { key: string; n: number }[]; ds: { key: string; n: number }[] }): Promise<Group[]> {
  const g = new Map<string, Group>();
  const at = (key: string) => g.get(key) ?? g.set(key, { key, label: key, inspections: 0, findings: 0, cases: 0, fines: 0, measures: 0, documents: 0 }).get(key)!;
  for (const x of r.inspections) at(x.key).inspections += x.n;
  for (const x of r.findingRows) at(x.key).findings += x.n;
  for (const x of r.cases) at(x.key).cases += x.n;
  for (const x of r.decided) at(x.key).fines += num(x.s);
  for (const x of r.ms) at(x.key).measures += x.n;
  for (const x of r.ds) at(x.key).documents += x.n;
  const keys = [...g.keys()].filter(Boolean);
  const names = by === 'org' ? await db.query<{ k: string; name: string }>(sql`select id::text as k, name from organizations where id::text = any(${keys}::text[])`)
    : by === 'region' ? await db.query<{ k: string; name: string }>(sql`select code as k, name from regions where code = any(${keys}::text[])`) : [];
  const nameOf = new Map(names.map((n) => [n.k.trim(), n.name]));
  return [...g.values()].map((x) => ({ ...x, label: by === 'sector' ? sectorLabel(x.key) || x.key : nameOf.get(x.key) ?? (x.key || '未分类') }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
