// Excel in and out of the registry: export of the filtered list (same filters and scope as the list), the
// import template, and the import itself (.xlsx upload; ?mode=valid-only imports the good rows of a file with errors).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { EnterpriseFilter, EnterpriseSort, ImportResult } from '../../../contracts/enterprises.js';
import { readUpload, sendXlsx } from '../../platform/excel/http.js';
import { exportXlsx, templateXlsx } from '../../platform/excel/xlsx.js';
import { badRequest } from '../../platform/http/errors.js';
import { EXPORT_COLUMNS, exportRow, IMPORT_COLUMNS, TEMPLATE_NOTES } from './enterprises.columns.js';
import { importEnterprises, MAX_IMPORT_ROWS } from './enterprises.import.js';
import { exportMask } from '../../platform/personal/personal.js';
import { ENTERPRISE_PHONES, presentEnterprise } from './enterprises.present.js';
import { today } from './enterprises.service.js';
import { exportEnterprises, orderBy } from './enterprises.store.js';

const tags = ['企业档案 enterprises'];
export const MAX_EXPORT_ROWS = 50_000;
const ExportQuery = Type.Composite([EnterpriseFilter, Type.Object({
  sort: Type.Optional(EnterpriseSort), order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
})]);
const ImportQuery = Type.Object({ mode: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid-only')], { description: 'all：有错误时整份不导入（默认）；valid-only：只导入无误的行' })) });
const Xlsx = Type.String({ description: '.xlsx 文件' });

export const transferRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enterprises/export', { config: { permission: 'enterprise:read' }, schema: { tags, summary: `导出企业列表为 Excel（与列表相同的筛选与数据范围，最多 ${MAX_EXPORT_ROWS} 行）`, querystring: ExportQuery, response: { 200: Xlsx, 400: ErrorBody } } },
    async (req, reply) => {
      const day = today(req.ctx);
      const { total, items } = await exportEnterprises(req.ctx.db, req.ctx.actor.scope, req.query, orderBy(req.query.sort, req.query.order), day, MAX_EXPORT_ROWS);
      if (total > MAX_EXPORT_ROWS) throw badRequest(`符合条件的企业有 ${total} 家，超过单次导出上限 ${MAX_EXPORT_ROWS} 家，请增加筛选条件后分批导出`, 'Too many rows to export');
      // Contacts' phones in full only for a role that may see them (personal:phone); the audit record says so.
      const { rows, full } = exportMask(req.ctx.actor, items.map(presentEnterprise), ENTERPRISE_PHONES);
      const buffer = await exportXlsx(EXPORT_COLUMNS, rows.map(exportRow), { sheet: '企业名录' });
      await req.ctx.audit.recordAlone(req.ctx.db, req.ctx.actor, req.ctx.meta, { action: 'enterprise.export', entityType: 'enterprise_export', after: { filter: req.query, rows: total, ...(full.length ? { fullPersonalData: full } : {}) } });
      return sendXlsx(reply, buffer, `企业名录-${day.replace(/-/g, '')}.xlsx`);
    });

  app.get('/api/enterprises/import-template', { config: { permission: 'enterprise:write' }, schema: { tags, summary: '下载企业导入模板（.xlsx）', response: { 200: Xlsx } } },
    async (_req, reply) => sendXlsx(reply, await templateXlsx(IMPORT_COLUMNS, { sheet: '企业名录', notes: TEMPLATE_NOTES }), '企业导入模板.xlsx'));

  app.post('/api/enterprises/import', {
    config: { permission: 'enterprise:write' },
    schema: { tags, summary: `导入企业（multipart/form-data：file 为 .xlsx，按统一社会信用代码新增或更新，最多 ${MAX_IMPORT_ROWS} 行）`, consumes: ['multipart/form-data'],
      querystring: ImportQuery, response: { 200: ImportResult, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody } },
  }, async (req) => {
    const { buffer, filename, fields } = await readUpload(req);
    const mode = req.query.mode ?? (fields.mode === 'valid-only' ? 'valid-only' : 'all');
    return importEnterprises(req.ctx, buffer, filename || '企业导入.xlsx', mode);
  });
};
