// 组织机构: create and edit, with the parent chain kept a tree.
import type { Static } from '@sinclair/typebox';
import type { OrgCreate, OrgUpdate } from '../../../contracts/system.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { findOrg, insertOrg, isAncestorOrSelf, type OrgRow, type OrgWrite, updateOrg } from './orgs.store.js';

export const presentOrg = (o: OrgRow) => ({
  id: o.id, parentId: o.parent_id, name: o.name, shortName: o.short_name, kind: o.kind as never, regionCode: o.region_code,
  regionName: o.region_name, contact: o.contact, phone: o.phone, sort: o.sort, disabled: o.disabled,
});

async function checkRefs(db: Queryable, w: OrgWrite) {
  if (w.parent_id && !(await findOrg(db, w.parent_id))) throw badRequest('上级单位不存在', 'Parent organisation not found');
  if (w.region_code && !(await db.maybeOne(sql`select 1 from regions where code = ${w.region_code}`))) throw badRequest('所属区划不存在', 'Region not found');
}

const toWrite = (i: Static<typeof OrgUpdate>): OrgWrite => ({
  parent_id: i.parentId, name: i.name, short_name: i.shortName, kind: i.kind, region_code: i.regionCode,
  contact: i.contact, phone: i.phone, sort: i.sort, disabled: i.disabled,
});

export async function createOrg(ctx: Ctx, input: Static<typeof OrgCreate>) {
  return ctx.db.tx(async (tx) => {
    const w = toWrite(input);
    await checkRefs(tx, w);
    const id = uuidv7();
    await insertOrg(tx, id, w);
    const o = (await findOrg(tx, id))!;
    await audit(ctx, tx, { action: 'org.create', entityType: 'organization', entityId: id, regionCode: o.region_code, after: presentOrg(o) });
    return presentOrg(o);
  });
}

export async function editOrg(ctx: Ctx, id: string, input: Static<typeof OrgUpdate>) {
  return ctx.db.tx(async (tx) => {
    const before = await findOrg(tx, id);
    if (!before) throw notFound('单位', 'Organisation');
    const w = toWrite(input);
    await checkRefs(tx, w);
    if (w.parent_id && (await isAncestorOrSelf(tx, id, w.parent_id))) throw badRequest('上级单位不能是本单位或其下级单位', 'Parent would create a loop');
    await updateOrg(tx, id, w);
    const after = (await findOrg(tx, id))!;
    await audit(ctx, tx, { action: 'org.update', entityType: 'organization', entityId: id, regionCode: after.region_code, before: presentOrg(before), after: presentOrg(after) });
    return presentOrg(after);
  });
}

/** An organisation's id and name, for other domains that refer to one (a supervising unit). */
export async function findOrgBrief(db: Queryable, id: string) {
  const o = await findOrg(db, id);
  return o && { id: o.id, name: o.name, kind: o.kind, regionCode: o.region_code };
}
