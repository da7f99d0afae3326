// Reading the audit trail. A region-scoped reader sees records of its region only.
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { scopeWhere } from '../../platform/auth/scope.js';

interface AuditRow {
  seq: number; id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; entity_type: string;
  entity_id: string | null; region_code: string | null; before: unknown; after: unknown; request_id: string | null; ip: string | null;
}

export interface AuditFilter { actorId?: string; action?: string; entityType?: string; entityId?: string; from?: string; to?: string; q?: string }

export async function listAudit(db: Queryable, viewer: DataScope, f: AuditFilter, page: number, pageSize: number) {
  const conds: Sql[] = [scopeWhere(viewer, { region: 'region_code' })];
  if (f.actorId) conds.push(sql`actor_id = ${f.actorId}`);
  if (f.action) conds.push(sql`action like ${f.action + '%'}`);
  if (f.entityType) conds.push(sql`entity_type = ${f.entityType}`);
  if (f.entityId) conds.push(sql`entity_id = ${f.entityId}`);
  if (f.from) conds.push(sql`at >= ${f.from}::date`);
  if (f.to) conds.push(sql`at < ${f.to}::date + 1`);
  if (f.q) conds.push(sql`(actor_name like ${'%' + f.q + '%'} or action like ${'%' + f.q + '%'} or entity_id like ${'%' + f.q + '%'})`);
  const where = sql.and(conds);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from audit_log where ${where}`);
  const items = await db.query<AuditRow>(sql`select seq, id, at, actor_id, actor_name, action, entity_type, entity_id, region_code, before, after, request_id, ip
    from audit_log where ${where} order by seq desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const presentAudit = (r: AuditRow) => ({
  seq: Number(r.seq), id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action,
  entityType: r.entity_type, entityId: r.entity_id, regionCode: r.region_code, before: r.before, after: r.after, requestId: r.request_id, ip: r.ip,
});
