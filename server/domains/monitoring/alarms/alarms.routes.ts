// /api/monitoring/alarms: the alarm list and its workflow; /api/monitoring/overview: the monitoring screen's counts;
// /api/monitoring/ingest/stats: what this process took in and turned away.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { Alarm, AlarmAck, AlarmClose, AlarmDetail, AlarmDispose, AlarmQuery, IngestStats, Overview, OverviewQuery } from '../../../../contracts/monitoring.js';
import type { Platform } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { ingesterFor } from '../ingest/accept.js';
import { namesOf, presentAlarm, presentAlarmEvent } from '../monitoring.present.js';
import { offlineFactor } from '../registry/registry.routes.js';
import { listDevices } from '../registry/devices.store.js';
import { sensorStateCounts } from '../registry/sensors.store.js';
import { listWarnings } from '../warnings/warnings.store.js';
import { viewerRegion } from '../warnings/warnings.service.js';
import type { AlarmMove } from './alarm.machine.js';
import { moveAlarm } from './alarms.service.js';
import { alarmCounts, findAlarm, listAlarmEvents, listAlarms } from './alarms.store.js';

const tags = ['监测预警 monitoring'];
const read = { permission: 'monitoring:read' } as const;
// 确认/处置/关闭 belong to whoever answers for the alarm — bureau staff, the town over it, the enterprise it concerns —
// within their scope (findAlarm); the registry stays with monitoring:write (docs/decisions/0004-monitoring-alarm-handling-permission.md).
const handle = { permission: 'monitoring:handle' } as const;

/** The alarm routes of a platform (the ingest counters are this process's). */
export function alarmsRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/monitoring/alarms', { config: read, schema: { tags, summary: '报警列表', querystring: AlarmQuery, response: { 200: Page(Alarm) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listAlarms(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
      const names = await namesOf(req.ctx.db, items);
      return { items: items.map((a) => presentAlarm(a, names)), total, page, pageSize };
    });

    app.get('/api/monitoring/alarms/:id', { config: read, schema: { tags, summary: '报警详情及处置过程', params: IdParams, response: { 200: AlarmDetail, 404: ErrorBody } } }, async (req) => {
      const a = await findAlarm(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!a) throw notFound('报警', 'Alarm');
      return { ...presentAlarm(a, await namesOf(req.ctx.db, [a])), events: (await listAlarmEvents(req.ctx.db, a.id)).map(presentAlarmEvent) };
    });

    const move = (m: AlarmMove, summary: string, body: typeof AlarmAck | typeof AlarmDispose | typeof AlarmClose) =>
      app.post(`/api/monitoring/alarms/:id/${m}`, { config: handle, schema: { tags, summary, params: IdParams, body, response: { 200: Alarm, 404: ErrorBody, 409: ErrorBody } } },
        async (req) => { const a = await moveAlarm(req.ctx, (req.params as { id: string }).id, m, req.body as object); return presentAlarm(a, await namesOf(req.ctx.db, [a])); });
    move('acknowledge', '确认报警（停止升级）', AlarmAck);
    move('dispose', '处置报警（原因、措施、是否误报）', AlarmDispose);
    move('close', '关闭报警（数值恢复正常或确认误报后）', AlarmClose);

    app.get('/api/monitoring/overview', { config: read, schema: { tags, summary: '监测总览：设备、测点状态、未关闭报警、生效预警', querystring: OverviewQuery, response: { 200: Overview } } }, async (req) => {
      const { db, actor } = req.ctx;
      const now = req.ctx.clock();
      const [devices, states, alarms, warnings] = await Promise.all([
        listDevices(db, actor.scope, req.query, 1, 1),
        sensorStateCounts(db, actor.scope, req.query, now, await offlineFactor(req.ctx)),
        alarmCounts(db, actor.scope, req.query),
        viewerRegion(req.ctx).then((r) => listWarnings(db, actor.scope, r, { active: true, regionCode: req.query.regionCode }, now, 1, 1)),
      ]);
      return {
        devices: devices.total, sensors: states.reduce((n, s) => n + s.n, 0), sensorsByState: Object.fromEntries(states.map((s) => [s.state, s.n])),
        openAlarms: alarms.reduce((n, a) => n + a.n, 0), openAlarmsByLevel: Object.fromEntries(alarms.map((a) => [String(a.level), a.n])),
        unacknowledged: alarms.reduce((n, a) => n + a.unacked, 0), activeWarnings: warnings.total,
      };
    });

    app.get('/api/monitoring/ingest/stats', { config: read, schema: { tags, summary: '本进程接入统计：写入、重复、拒收（按原因）', response: { 200: IngestStats } } },
      async () => ingesterFor(p).stats.snapshot());
  };
}
