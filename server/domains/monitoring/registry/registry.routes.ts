// /api/monitoring/{facilities,devices,sensors}: the registry, live values and states, a sensor's series, device keys.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import {
  Device, DeviceCreate, DeviceKey, DeviceQuery, DeviceUpdate, Facility, FacilityCreate, FacilityQuery, FacilityUpdate, Sensor, SensorCreate, SensorQuery,
  SensorUpdate, Series, SeriesQuery,
} from '../../../../contracts/monitoring.js';
import type { Ctx } from '../../../platform/context.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { namesOf, presentDevice, presentFacility, presentSensor } from '../monitoring.present.js';
import { OFFLINE } from '../monitoring.rules.js';
import { ROLLUP_1M_DAYS } from '../storage/retention.js';
import { pickResolution, sensorSeries } from '../storage/series.js';
import { createDevice, editDevice, issueDeviceKey, revokeDeviceKey } from './devices.service.js';
import { findDevice, listDevices } from './devices.store.js';
import { createFacility, editFacility } from './facilities.service.js';
import { findFacility, listFacilities } from './facilities.store.js';
import { createSensor, editSensor } from './sensors.service.js';
import { findSensor, listSensors } from './sensors.store.js';

const tags = ['监测预警 monitoring'];
const read = { permission: 'monitoring:read' } as const;
const write = { permission: 'monitoring:write' } as const;

/** How many reporting intervals of silence make a sensor offline (the rule in force). */
export const offlineFactor = async (ctx: Ctx) => (await ruleValue(ctx.db, OFFLINE, ctx.clock())).value.intervals;

async function deviceOut(ctx: Ctx, id: string) {
  const d = await findDevice(ctx.db, ctx.actor.scope, id);
  if (!d) throw notFound('设备', 'Device');
  return presentDevice(d, await namesOf(ctx.db, [d]));
}

async function sensorOut(ctx: Ctx, id: string) {
  const s = await findSensor(ctx.db, ctx.actor.scope, id, ctx.clock(), await offlineFactor(ctx));
  if (!s) throw notFound('测点', 'Sensor');
  return presentSensor(s, await namesOf(ctx.db, [s]));
}

export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/monitoring/facilities', { config: read, schema: { tags, summary: '监测设施（水库、水闸、山洪点、雨量站）', querystring: FacilityQuery, response: { 200: Page(Facility) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listFacilities(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentFacility), total, page, pageSize };
  });
  app.get('/api/monitoring/facilities/:id', { config: read, schema: { tags, summary: '监测设施详情', params: IdParams, response: { 200: Facility, 404: ErrorBody } } }, async (req) => {
    const f = await findFacility(req.ctx.db, req.ctx.actor.scope, req.params.id);
    if (!f) throw notFound('设施', 'Facility');
    return presentFacility(f);
  });
  app.post('/api/monitoring/facilities', { config: write, schema: { tags, summary: '登记监测设施', body: FacilityCreate, response: { 200: Facility, 400: ErrorBody, 403: ErrorBody } } },
    async (req) => presentFacility(await createFacility(req.ctx, req.body)));
  app.patch('/api/monitoring/facilities/:id', { config: write, schema: { tags, summary: '修改监测设施', params: IdParams, body: FacilityUpdate, response: { 200: Facility, 404: ErrorBody } } },
    async (req) => presentFacility(await editFacility(req.ctx, req.params.id, req.body)));

  app.get('/api/monitoring/devices', { config: read, schema: { tags, summary: '监测设备', querystring: DeviceQuery, response: { 200: Page(Device) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDevices(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    const names = await namesOf(req.ctx.db, items);
    return { items: items.map((d) => presentDevice(d, names)), total, page, pageSize };
  });
  app.get('/api/monitoring/devices/:id', { config: read, schema: { tags, summary: '监测设备详情', params: IdParams, response: { 200: Device, 404: ErrorBody } } },
    async (req) => deviceOut(req.ctx, req.params.id));
  app.post('/api/monitoring/devices', { config: write, schema: { tags, summary: '登记监测设备（属于企业及其重大危险源、监测设施或某一地点）', body: DeviceCreate, response: { 200: Device, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => { const d = await createDevice(req.ctx, req.body); return deviceOut(req.ctx, d.id); });
  app.patch('/api/monitoring/devices/:id', { config: write, schema: { tags, summary: '修改监测设备（含运行、维护、停用）', params: IdParams, body: DeviceUpdate, response: { 200: Device, 404: ErrorBody } } },
    async (req) => { await editDevice(req.ctx, req.params.id, req.body); return deviceOut(req.ctx, req.params.id); });
  app.post('/api/monitoring/devices/:id/key', { config: write, schema: { tags, summary: '签发设备密钥（旧密钥立即失效；新密钥只显示这一次）', params: IdParams, response: { 200: DeviceKey, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => issueDeviceKey(req.ctx, req.params.id));
  app.post('/api/monitoring/devices/:id/key/revoke', { config: write, schema: { tags, summary: '吊销设备密钥（设备连接立即断开）', params: IdParams, response: { 200: Device, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => { await revokeDeviceKey(req.ctx, req.params.id); return deviceOut(req.ctx, req.params.id); });

  app.get('/api/monitoring/sensors', { config: read, schema: { tags, summary: '测点及实时值、状态（地图着色）', querystring: SensorQuery, response: { 200: Page(Sensor) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listSensors(req.ctx.db, req.ctx.actor.scope, req.query, req.ctx.clock(), await offlineFactor(req.ctx), page, pageSize);
    const names = await namesOf(req.ctx.db, items);
    return { items: items.map((s) => presentSensor(s, names)), total, page, pageSize };
  });
  app.get('/api/monitoring/sensors/:id', { config: read, schema: { tags, summary: '测点详情', params: IdParams, response: { 200: Sensor, 404: ErrorBody } } },
    async (req) => sensorOut(req.ctx, req.params.id));
  app.post('/api/monitoring/sensors', { config: write, schema: { tags, summary: '新增测点（类型、单位、量程、阈值、上报周期）', body: SensorCreate, response: { 200: Sensor, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => { const s = await createSensor(req.ctx, req.body); return sensorOut(req.ctx, s.id); });
  app.patch('/api/monitoring/sensors/:id', { config: write, schema: { tags, summary: '修改测点（阈值、回差、延时、变化率、卡死判定）', params: IdParams, body: SensorUpdate, response: { 200: Sensor, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => { await editSensor(req.ctx, req.params.id, req.body); return sensorOut(req.ctx, req.params.id); });
  app.get('/api/monitoring/sensors/:id/series', {
    config: read, schema: { tags, summary: '测点历史曲线（按时间跨度自动取原始、1 分钟或 1 小时数据）', params: IdParams, querystring: SeriesQuery, response: { 200: Series, 400: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    const s = await findSensor(req.ctx.db, req.ctx.actor.scope, req.params.id, req.ctx.clock(), 1);
    if (!s) throw notFound('测点', 'Sensor');
    const from = new Date(req.query.from); const to = new Date(req.query.to);
    if (!(from < to)) throw badRequest('起始时间须早于结束时间', 'from must be before to');
    const now = req.ctx.clock().getTime();
    const rawSince = new Date(now - req.ctx.config.monitoring.rawRetentionDays * 86400_000);
    const wanted = req.query.resolution && req.query.resolution !== 'auto' ? req.query.resolution
      : pickResolution(from, to, rawSince, new Date(now - ROLLUP_1M_DAYS * 86400_000));
    return { sensorId: s.id, unit: s.unit, ...(await sensorSeries(req.ctx.db, s.id, from, to, wanted)) };
  });
};
