// 战备概览: what is short or about to lapse — stock below its minimum, batches expiring within the configured days,
// members' certificates expiring, teams under their planned strength, shelters full — in the viewer's scope.
import { Type } from '@sinclair/typebox';
import type { Readiness } from '../../../../contracts/command-resources.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { defineRule, ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { readScope } from './scope.js';
import { warehouseScope } from './stock.store.js';

export const READINESS_RULE = defineRule({
  key: 'command.resources.readiness',
  label: '应急资源战备提醒（物资临期、证书到期的提前天数）',
  schema: Type.Object({
    expiryDays: Type.Integer({ minimum: 1, maximum: 730, description: '物资批次在有效期前多少天起列为临期' }),
    certificateDays: Type.Integer({ minimum: 1, maximum: 730, description: '队员证书在到期前多少天起提醒' }),
  }),
  defaultValue: { expiryDays: 90, certificateDays: 60 },
  source: '本平台默认值：储备物资临期 90 天、队员证书到期前 60 天提醒；各地可按物资储备管理办法调整',
  mark: 'L',
});

/** Rows per section; `truncated` says when a section had more. */
const MAX = 200;

/** The readiness overview for a viewer on a day. */
export async function readiness(db: Queryable, viewer: Actor, now: Date): Promise<Readiness> {
  const rule = await ruleValue(db, READINESS_RULE, now);
  const day = shanghaiDate(now);
  const team = readScope(viewer, { region: 'a.region_code', org: 'a.owner_org_id', enterprise: 'a.enterprise_id' });
  const region = readScope(viewer, { region: 'a.region_code' });
  const equip = readScope(viewer, { region: 'a.region_code', org: 'a.owner_org_id' });
  const wh = warehouseScope(viewer);
  const counts = await db.one<Readiness['counts']>(sql`select
    (select count(*)::int from resource_teams a where ${team}) as teams,
    (select count(*)::int from resource_teams a where ${team} and a.readiness = 'ready') as "teamsReady",
    (select count(*)::int from resource_team_members m join resource_teams a on a.id = m.team_id where ${team}) as members,
    (select count(*)::int from resource_experts a where ${region}) as experts,
    (select count(*)::int from resource_warehouses w where ${wh}) as warehouses,
    (select count(*)::int from resource_stock s join resource_warehouses w on w.id = s.warehouse_id where ${wh}) as "stockLines",
    (select count(*)::int from resource_shelters a where ${region}) as shelters,
    (select coalesce(sum(a.capacity), 0)::int from resource_shelters a where ${region}) as "shelterCapacity",
    (select coalesce(sum(a.quantity), 0)::int from resource_equipment a where ${equip}) as equipment,
    (select coalesce(sum(a.quantity), 0)::int from resource_equipment a where ${equip} and a.status = 'ready') as "equipmentReady"`);
  const belowMinimum = await db.query<Readiness['belowMinimum'][number]>(sql`select s.id as "stockId", w.id as "warehouseId", w.name as "warehouseName", i.name as "itemName",
    i.unit, s.quantity::float8 as quantity, s.min_level::float8 as "minLevel" from resource_stock s join resource_warehouses w on w.id = s.warehouse_id
    join resource_items i on i.id = s.item_id where ${wh} and s.quantity < s.min_level order by (s.quantity / nullif(s.min_level, 0)), w.name, i.name limit ${MAX + 1}`);
  const expiringBatches = await db.query<Readiness['expiringBatches'][number]>(sql`select b.id as "batchId", s.id as "stockId", w.id as "warehouseId", w.name as "warehouseName",
    i.name as "itemName", i.unit, b.quantity::float8 as quantity, b.expires_on::text as "expiresOn", b.expires_on < ${day}::date as expired
    from resource_stock_batches b join resource_stock s on s.id = b.stock_id join resource_warehouses w on w.id = s.warehouse_id join resource_items i on i.id = s.item_id
    where ${wh} and b.quantity > 0 and b.expires_on <= ${day}::date + ${rule.value.expiryDays}::int order by b.expires_on, w.name limit ${MAX + 1}`);
  const expiringCertificates = await db.query<Readiness['expiringCertificates'][number]>(sql`select a.id as "teamId", a.name as "teamName", m.id as "memberId", m.name as "memberName",
    c->>'name' as certificate, c->>'expiresOn' as "expiresOn", (c->>'expiresOn')::date < ${day}::date as expired
    from resource_team_members m join resource_teams a on a.id = m.team_id cross join lateral jsonb_array_elements(m.certificates) c
    where ${team} and c->>'expiresOn' is not null and (c->>'expiresOn')::date <= ${day}::date + ${rule.value.certificateDays}::int
    order by (c->>'expiresOn')::date, a.name, m.name limit ${MAX + 1}`);
  const underStrength = await db.query<Readiness['underStrength'][number]>(sql`select * from (select a.id as "teamId", a.name as "teamName", a.kind,
    (select count(*)::int from resource_team_members m where m.team_id = a.id) as "memberCount", a.planned_strength as "plannedStrength"
    from resource_teams a where ${team}) x where "memberCount" < "plannedStrength" order by ("memberCount"::float8 / "plannedStrength"), "teamName" limit ${MAX + 1}`);
  const fullShelters = await db.query<Readiness['fullShelters'][number]>(sql`select a.id as "shelterId", a.name, (select r.name from regions r where r.code = a.region_code) as "regionName",
    a.capacity, a.occupancy from resource_shelters a where ${region} and a.occupancy >= a.capacity order by a.name limit ${MAX + 1}`);
  const sections = [belowMinimum, expiringBatches, expiringCertificates, underStrength, fullShelters];
  const truncated = sections.some((s) => s.length > MAX);
  for (const s of sections) s.splice(MAX);
  return { asOf: day, expiryDays: rule.value.expiryDays, certificateDays: rule.value.certificateDays, ruleVersion: rule.version, counts,
    belowMinimum, expiringBatches, expiringCertificates, underStrength, fullShelters, truncated };
}
