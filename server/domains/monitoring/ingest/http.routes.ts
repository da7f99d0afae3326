// POST /api/monitoring/readings: a device's batch over HTTP, authenticated by its key (X-Api-Key). The answer comes
// after the batch committed; readings that fail their checks are listed (and counted), the rest are stored.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import { IngestResult, ReadingBatch } from '../../../../contracts/monitoring.js';
import type { Platform } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { acceptReadings, ingesterFor, oldestAccepted } from './accept.js';
import type { CachedDevice } from './device-cache.js';
import { checkReadings, MAX_BATCH_READINGS, REJECT_MESSAGES } from './payload.js';

const tags = ['监测预警 monitoring'];
const devices = new WeakMap<FastifyRequest, CachedDevice>();

/** The HTTP ingestion route of a platform. */
export function httpIngestRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ing = ingesterFor(p);
    app.post('/api/monitoring/readings', {
      config: { public: true },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags, summary: '设备批量上报读数（X-Api-Key 认证）', security: [],
        description: `每项 { sensor: 位号, ts: ISO 8601 时间或毫秒时间戳, value: 数值 }；一次最多 ${MAX_BATCH_READINGS} 条。写入数据库后才返回 200；重复的（同一测点同一时间）忽略。`,
        headers: Type.Object({ 'x-api-key': Type.Optional(Type.String()) }),
        body: ReadingBatch, response: { 200: IngestResult, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 503: ErrorBody },
      },
      // The key is checked before the body is read: an unknown caller's body is never parsed.
      onRequest: async (req) => {
        const device = await ing.cache.deviceByKey(req.headers['x-api-key'] as string | undefined);
        if (!device) {
          ing.stats.reject('unauthorized');
          throw new AppError(401, 'unauthorized', `${REJECT_MESSAGES.unauthorized}：请在请求头 X-Api-Key 中提供设备密钥`, 'Invalid or revoked device key');
        }
        devices.set(req, device);
      },
      onError: async (_req, _reply, err) => {
        const code = (err as { code?: string }).code;
        if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') ing.stats.reject('too_large');
        else if (code?.startsWith('FST_ERR_CTP') || (err as { validation?: unknown }).validation) ing.stats.reject('malformed');
      },
    }, async (req) => {
      const device = devices.get(req)!;
      const parsed = checkReadings(req.body.readings, MAX_BATCH_READINGS, p.clock().getTime(), oldestAccepted(p));
      if ('error' in parsed) {
        ing.stats.reject('too_large');
        throw new AppError(413, 'batch_too_large', `一次最多提交 ${MAX_BATCH_READINGS} 条读数（本次 ${req.body.readings.length} 条），请分批提交`, 'Too many readings in one batch');
      }
      try {
        return await acceptReadings(ing, device, parsed.readings, parsed.rejected);
      } catch {
        throw new AppError(503, 'write_failed', `${REJECT_MESSAGES.write_failed}（本批读数均未保存）`, 'Readings not stored; retry');
      }
    });
  };
}
