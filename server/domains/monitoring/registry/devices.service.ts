// Monitoring devices: register at an enterprise (and one of its 重大危险源), a facility or a place; edit;
// issue and revoke the device's API key. Each change is audited and tells every ingester to reload the device.
import type { DeviceCreate, DeviceUpdate } from '../../../../contracts/monitoring.js';
import type { Static } from '@sinclair/typebox';
import { createApiKey, revokeApiKey } from '../../../platform/auth/api-keys.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { isForeignKeyViolation } from '../db-errors.js';
import type { Tx } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findEnterpriseBrief } from '../../enterprises/directory.js';
import { deviceTopic } from '../ingest/payload.js';
import { type DeviceRow, type DeviceWrite, deviceCodeTaken, findDevice, insertDevice, lockDevice, updateDevice } from './devices.store.js';
import { findFacility } from './facilities.store.js';

/** Tell every ingester (this process and, through the bus, the others) to reload a device. */
export const announceDeviceChange = (ctx: Pick<Ctx, 'events'>, deviceId: string) =>
  ctx.events.publish({ type: 'monitoring.device.changed', data: { deviceId } });

async function placeOf(ctx: Ctx, input: Static<typeof DeviceCreate>): Promise<DeviceWrite> {
  const enterpriseId = ctx.actor.scope.kind === 'enterprise' ? ctx.actor.scope.enterpriseId! : input.enterpriseId;
  const given = [enterpriseId, input.facilityId, input.placeName].filter(Boolean).length;
  if (given !== 1) throw badRequest('设备须且只能属于一个对象：企业（可选其重大危险源）、监测设施，或一个地点（填写地点名称和区划）', 'A device belongs to exactly one enterprise, facility or place');
  if (input.hazardSourceId && !enterpriseId) throw badRequest('选择重大危险源时须同时选择其所属企业', 'A hazard source needs its enterprise');
  if (enterpriseId) {
    const e = await findEnterpriseBrief(ctx.db, ctx.actor.scope, enterpriseId);
    if (!e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not found in your scope');
    return { enterprise_id: e.id, hazard_source_id: input.hazardSourceId ?? null, region_code: e.regionCode, lng: input.lng ?? e.lng, lat: input.lat ?? e.lat };
  }
  if (input.facilityId) {
    const f = await findFacility(ctx.db, ctx.actor.scope, input.facilityId);
    if (!f) throw badRequest('所选监测设施不存在或不在您的管辖范围内', 'Facility not found in your scope');
    return { facility_id: f.id, region_code: f.region_code, lng: input.lng ?? f.lng, lat: input.lat ?? f.lat };
  }
  if (!input.regionCode) throw badRequest('地点类设备须填写所在区划', 'A device at a place needs its region');
  if (!(await ctx.db.maybeOne(sql`select 1 as one from regions where code = ${input.regionCode}`))) throw badRequest(`区划代码 ${input.regionCode} 不存在`, 'Unknown region');
  if (!inScope(ctx.actor, { regionCode: input.regionCode })) throw forbidden('不能在您的管辖范围以外登记设备', 'Outside your scope');
  return { place_name: input.placeName, region_code: input.regionCode, lng: input.lng ?? null, lat: input.lat ?? null };
}

const hazardSourceMissing = (e: unknown) =>
  isForeignKeyViolation(e, 'hazard_source') ? badRequest('所选重大危险源不存在，请从该企业的重大危险源中选择', 'Hazard source not found') : e;

/** Register a device. */
export async function createDevice(ctx: Ctx, input: Static<typeof DeviceCreate>): Promise<DeviceRow> {
  const place = await placeOf(ctx, input);
  return ctx.db.tx(async (tx) => {
    if (await deviceCodeTaken(tx, input.code)) throw conflict(`设备编号 ${input.code} 已被使用，请换一个编号`, 'Device code taken');
    const id = uuidv7();
    await insertDevice(tx, id, { ...place, code: input.code, name: input.name, model: input.model ?? null }).catch((e) => { throw hazardSourceMissing(e); });
    await audit(ctx, tx, { action: 'monitoring.device.create', entityType: 'monitoring_device', entityId: id, regionCode: place.region_code, after: { ...input, ...place } });
    return (await findDevice(tx, { kind: 'all' }, id))!;
  });
}

async function loadForChange(ctx: Ctx, tx: Tx, id: string) {
  await lockDevice(tx, id);
  const d = await findDevice(tx, ctx.actor.scope, id);
  if (!d) throw notFound('设备', 'Device');
  return d;
}

/** Edit a device: name, model, place on the map, hazard source, status (运行/维护/停用). */
export async function editDevice(ctx: Ctx, id: string, input: Static<typeof DeviceUpdate>): Promise<DeviceRow> {
  const d = await ctx.db.tx(async (tx) => {
    const before = await loadForChange(ctx, tx, id);
    if (input.hazardSourceId && !before.enterprise_id) throw badRequest('只有企业的设备才能关联重大危险源', 'Only an enterprise device has a hazard source');
    await updateDevice(tx, id, { name: input.name, model: input.model, hazard_source_id: input.hazardSourceId, lng: input.lng, lat: input.lat, status: input.status })
      .catch((e) => { throw hazardSourceMissing(e); });
    await audit(ctx, tx, { action: 'monitoring.device.update', entityType: 'monitoring_device', entityId: id, regionCode: before.region_code,
      before: { name: before.name, model: before.model, hazardSourceId: before.hazard_source_id, status: before.status }, after: input });
    return (await findDevice(tx, { kind: 'all' }, id))!;
  });
  await announceDeviceChange(ctx, id);
  return d;
}

/** Issue a new key for a device (the old one stops working at once); the plain key is shown only now. */
export async function issueDeviceKey(ctx: Ctx, id: string) {
  const out = await ctx.db.tx(async (tx) => {
    const d = await loadForChange(ctx, tx, id);
    if (d.status === 'disabled') throw new AppError(409, 'device_disabled', '设备已停用，不能签发密钥；请先将设备改为运行', 'Device is disabled');
    if (d.api_key_id) await revokeApiKey(tx, d.api_key_id, ctx.clock());
    const scope = d.enterprise_id ? { kind: 'enterprise' as const, enterpriseId: d.enterprise_id } : { kind: 'region' as const, regionCode: d.region_code };
    const k = await createApiKey(tx, { name: `监测设备 ${d.code}`, permissions: ['monitoring:ingest'], scope, createdBy: ctx.actor.id });
    await updateDevice(tx, id, { api_key_id: k.id });
    await audit(ctx, tx, { action: 'monitoring.device.key_issue', entityType: 'monitoring_device', entityId: id, regionCode: d.region_code,
      before: { keyPrefix: d.key_prefix }, after: { keyPrefix: k.prefix, apiKeyId: k.id } });
    return { deviceId: id, key: k.key, prefix: k.prefix, mqtt: { topic: deviceTopic(id), username: id } };
  });
  await announceDeviceChange(ctx, id);
  return out;
}

/** Revoke a device's key: its MQTT connection is dropped and its HTTP calls refused from now on. */
export async function revokeDeviceKey(ctx: Ctx, id: string): Promise<DeviceRow> {
  const d = await ctx.db.tx(async (tx) => {
    const d = await loadForChange(ctx, tx, id);
    if (!d.api_key_id) throw new AppError(409, 'no_key', '该设备没有有效的密钥', 'The device has no key');
    await revokeApiKey(tx, d.api_key_id, ctx.clock());
    await updateDevice(tx, id, { api_key_id: null });
    await audit(ctx, tx, { action: 'monitoring.device.key_revoke', entityType: 'monitoring_device', entityId: id, regionCode: d.region_code, before: { keyPrefix: d.key_prefix } });
    return (await findDevice(tx, { kind: 'all' }, id))!;
  });
  await announceDeviceChange(ctx, id);
  return d;
}
