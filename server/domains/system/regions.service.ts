// 行政区划: the tree, and the rules for adding a region under another.
import type { Static } from '@sinclair/typebox';
import type { RegionCreate, RegionNode, RegionUpdate } from '../../../contracts/system.js';
import { audit, type Ctx } from '../../platform/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { regionWithin } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { childCodes, findRegion, insertRegion, listRegions, topRegion, type RegionRow, updateRegion } from './regions.store.js';

const LEVEL_ORDER = ['province', 'city', 'county', 'town', 'village'];

/** The region the deployment covers, where a whole-scope report sits: from the top of the region tree down while a
 *  region has a single child (the demo county sits alone under its province and city; a province's platform branches
 *  at the province). */
export async function coveredRegion(db: Queryable): Promise<string | undefined> {
  let code = await topRegion(db);
  for (let depth = 0; code && depth < LEVEL_ORDER.length; depth++) {
    const kids = await childCodes(db, code, 2);
    if (kids.length !== 1) break;
    code = kids[0];
  }
  return code;
}

export const presentRegion = (r: RegionRow) => ({
  code: r.code, parentCode: r.parent_code, name: r.name, level: r.level as RegionNode['level'], sort: r.sort,
  centerLng: r.center_lng, centerLat: r.center_lat,
});

/** The visible regions as a forest (roots are those whose parent is not visible). */
export async function regionTree(ctx: Ctx): Promise<RegionNode[]> {
  const rows = await listRegions(ctx.db, ctx.actor.scope, {});
  const nodes = new Map<string, RegionNode>(rows.map((r) => [r.code, { ...presentRegion(r), children: [] }]));
  const roots: RegionNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentCode ? nodes.get(n.parentCode) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const sortRec = (list: RegionNode[]) => { list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)); list.forEach((c) => sortRec(c.children)); };
  sortRec(roots);
  return roots;
}

export async function createRegion(ctx: Ctx, input: Static<typeof RegionCreate>) {
  return ctx.db.tx(async (tx) => {
    const parent = await findRegion(tx, ctx.actor.scope, input.parentCode);
    if (!parent) throw badRequest('上级区划不存在', 'Parent region not found');
    if (await findRegion(tx, { kind: 'all' }, input.code)) throw conflict(`区划代码 ${input.code} 已存在`, 'Region code exists');
    const parentRank = LEVEL_ORDER.indexOf(parent.level);
    const childRank = LEVEL_ORDER.indexOf(input.level);
    if (input.level !== 'park' && childRank !== parentRank + 1) {
      throw badRequest(`“${parent.name}”下只能添加${['省', '市', '县', '乡镇', '村（社区）'][parentRank + 1] ?? '下级'}级区划`, 'Level must be one below the parent');
    }
    if (!regionWithin(input.code, parent.code) || input.code === parent.code) {
      throw badRequest(`区划代码应以上级代码的前缀开头（上级：${parent.code}）`, 'Code must extend the parent code');
    }
    const row = { code: input.code, parent_code: input.parentCode, name: input.name, level: input.level, sort: input.sort ?? 0 };
    await insertRegion(tx, row);
    await audit(ctx, tx, { action: 'region.create', entityType: 'region', entityId: input.code, regionCode: input.code, after: row });
    return presentRegion({ ...row, center_lat: null, center_lng: null });
  });
}

export async function editRegion(ctx: Ctx, code: string, input: Static<typeof RegionUpdate>) {
  return ctx.db.tx(async (tx) => {
    const before = await findRegion(tx, ctx.actor.scope, code);
    if (!before) throw notFound('区划', 'Region');
    await updateRegion(tx, code, input);
    const after = (await findRegion(tx, ctx.actor.scope, code))!;
    await audit(ctx, tx, { action: 'region.update', entityType: 'region', entityId: code, regionCode: code,
      before: { name: before.name, sort: before.sort }, after: { name: after.name, sort: after.sort } });
    return presentRegion(after);
  });
}
