// 资源调度: the nearest teams, experts, supplies and shelters (resources part), one dispatch record per resource
// moving 已调派 → 在途 → 到场 → 已撤离, and supplies leaving the warehouse ledger in the same transaction.
import type { Static } from '@sinclair/typebox';
import { DISPATCH_STATUSES, RESOURCE_KINDS, type DispatchCreate, type NearestQueryIn } from '../../../../contracts/command-incidents.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { defineMachine, nextState } from '../../../platform/workflow/state-machine.js';
import type { NearbyResource, ResourceKind } from '../ports.js';
import { loadIncident, publishIncident, requireStatus, timeline } from './incidents.common.js';
import { activeDispatchOf, findDispatch, findIncident, insertDispatch, moveDispatch as storeMove } from './incidents.store.js';
import { resourcesDirectory, stockOut } from './partners.js';

export const DISPATCH_MACHINE = defineMachine({
  name: 'incident_dispatch',
  stateLabels: DISPATCH_STATUSES,
  moves: {
    en_route: { from: ['dispatched'], to: 'en_route', label: '出发' },
    on_scene: { from: ['dispatched', 'en_route'], to: 'on_scene', label: '到场' },
    released: { from: ['dispatched', 'en_route', 'on_scene'], to: 'released', label: '撤离' },
  },
});

const ALL_KINDS: ResourceKind[] = ['team', 'expert', 'warehouse', 'shelter', 'equipment'];

function placeOf(i: { lng: number | null; lat: number | null }) {
  if (i.lng == null || i.lat == null) throw badRequest('事件没有标注位置，请先在地图上标出事发地点再查找附近资源', 'The incident has no point');
  return { lng: i.lng, lat: i.lat };
}

/** Resources near the incident, nearest first within each kind; `available` false when the resources part is absent. */
export async function nearest(ctx: Ctx, id: string, q: Static<typeof NearestQueryIn>) {
  const i = await findIncident(ctx.db, ctx.actor, id);
  if (!i) throw notFound('突发事件', 'Incident');
  const dir = await resourcesDirectory();
  if (!dir) return { available: false, items: [] as NearbyResource[] };
  const kinds = q.kinds ? q.kinds.split(',').map((k) => k.trim()).filter(Boolean) : ALL_KINDS;
  const bad = kinds.filter((k) => !ALL_KINDS.includes(k as ResourceKind));
  if (bad.length) throw badRequest(`未知资源类别：${bad.join('、')}；可选 ${ALL_KINDS.map((k) => `${k}（${RESOURCE_KINDS[k]}）`).join('、')}`, 'Unknown kind');
  const items = await dir.nearestResources(ctx.db, ctx.actor, { ...placeOf(i), kinds: kinds as ResourceKind[], radiusM: (q.radiusKm ?? 50) * 1000, limit: q.limit ?? 10,
    teamKind: q.teamKind, item: q.item });
  return { available: true, items };
}

/** Dispatch one resource; supplies go out of the warehouse (出库) through the resources part, refused when short. */
export async function dispatch(ctx: Ctx, id: string, input: Static<typeof DispatchCreate>) {
  const dir = await resourcesDirectory();
  if (!dir) throw new AppError(409, 'no_resources', '应急资源模块未启用，无法调度资源', 'Resources part not installed');
  const supplies = input.resourceKind === 'warehouse';
  if (supplies && (!input.itemId || !input.quantity)) throw badRequest('调拨物资请选择物资品种并填写数量', 'Choose the item and quantity');
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['responding'], '调度资源（请先启动响应）');
    // The resource as the resources part sees it (in the caller's scope), with its distance from the scene.
    const found = (await dir.nearestResources(tx, ctx.actor, { ...placeOf(i), kinds: [input.resourceKind], radiusM: 1_000_000, limit: 10_000 })).find((r) => r.id === input.resourceId);
    if (!found) throw badRequest(`所选${RESOURCE_KINDS[input.resourceKind]}不存在或不在您的管辖范围内`, 'Resource not found');
    if (!supplies && input.resourceKind !== 'shelter' && (await activeDispatchOf(tx, input.resourceId))) {
      throw conflict(`「${found.name}」正在执行其他调度任务，撤离后才能再次调派`, 'Resource busy');
    }
    const dispatchId = uuidv7();
    let ledgerId: string | null = null;
    let itemName = input.itemName ?? null;
    if (supplies) {
      const lines = (found.detail as { stock?: { itemId?: string; id?: string; name?: string; item?: string }[] }).stock ?? [];
      itemName ??= lines.map((l) => ({ id: l.itemId ?? l.id, name: l.name ?? l.item })).find((l) => l.id === input.itemId)?.name ?? null;
      ledgerId = (await stockOut(ctx, tx, { warehouseId: input.resourceId, itemId: input.itemId!, quantity: input.quantity!,
        reason: `事件调拨：${i.title}（${i.number}）`, refType: 'incident', refId: id })).ledgerId;
    }
    await insertDispatch(tx, { id: dispatchId, incident_id: id, resource_kind: input.resourceKind, resource_id: input.resourceId, resource_name: found.name, summary: found.summary,
      distance_m: Math.round(found.distanceM), item_id: input.itemId ?? null, item_name: itemName, quantity: input.quantity ?? null, ledger_id: ledgerId,
      dispatched_at: ctx.clock().toISOString(), note: input.note ?? null, created_by: ctx.actor.id });
    const what = supplies ? `从「${found.name}」调拨${itemName ?? '物资'} ${input.quantity}` : `调派${RESOURCE_KINDS[input.resourceKind]}「${found.name}」`;
    await timeline(ctx, tx, id, 'dispatch', `${what}（距事发地 ${(found.distanceM / 1000).toFixed(1)} 公里）${input.note ? `：${input.note}` : ''}`, { type: 'dispatch', id: dispatchId });
    await audit(ctx, tx, { action: 'command.dispatch.create', entityType: 'incident_dispatch', entityId: dispatchId, regionCode: i.region_code,
      after: { incidentId: id, kind: input.resourceKind, resourceId: input.resourceId, name: found.name, itemId: input.itemId ?? null, quantity: input.quantity ?? null, ledgerId } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '资源调度');
}

/** Move a dispatch along: 出发, 到场, 撤离, each with its time. */
export async function moveDispatch(ctx: Ctx, dispatchId: string, to: 'en_route' | 'on_scene' | 'released', note?: string) {
  const row = await ctx.db.tx(async (tx) => {
    const d = await findDispatch(tx, dispatchId);
    if (!d) throw notFound('调度记录', 'Dispatch');
    const i = await loadIncident(ctx, tx, d.incident_id);
    requireStatus(i, ['responding'], '更新调度状态');
    nextState(DISPATCH_MACHINE, d.status as keyof typeof DISPATCH_STATUSES, to);
    await storeMove(tx, dispatchId, to, ctx.clock().toISOString(), note ?? null);
    await timeline(ctx, tx, i.id, 'dispatch', `「${d.resource_name}」${DISPATCH_MACHINE.moves[to].label}${note ? `：${note}` : ''}`, { type: 'dispatch', id: dispatchId });
    await audit(ctx, tx, { action: `command.dispatch.${to}`, entityType: 'incident_dispatch', entityId: dispatchId, regionCode: i.region_code, before: { status: d.status }, after: { status: to, note: note ?? null } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '调度状态');
}
