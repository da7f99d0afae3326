// /api/files: upload (type sniffed, size limited), list, metadata and download, all within the caller's scope.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import { FileMeta, FileQuery } from '../../../contracts/platform.js';
import { inScope } from '../auth/scope.js';
import type { Ctx } from '../context.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.js';
import { paging } from '../http/types.js';
import { findFile, type FileRow, insertFile, listFiles } from './files.store.js';

const tags = ['附件 files'];

const present = (f: FileRow) => ({
  id: f.id, name: f.name, mime: f.mime, size: Number(f.size), sha256: f.sha256, regionCode: f.region_code, enterpriseId: f.enterprise_id,
  uploadedBy: f.uploaded_by, createdAt: new Date(f.created_at).toISOString(),
});

/** Where an upload belongs: the actor's own scope fills what the form leaves out; nothing outside it is accepted. */
async function placeOf(ctx: Ctx, fields: { regionCode?: string; enterpriseId?: string }) {
  const s = ctx.actor.scope;
  let regionCode = fields.regionCode ?? (s.kind === 'region' ? s.regionCode : undefined);
  let enterpriseId = fields.enterpriseId ?? (s.kind === 'enterprise' ? s.enterpriseId : undefined);
  if (regionCode && !/^\d{12}$/.test(regionCode)) throw badRequest('regionCode 应为 12 位区划代码', 'regionCode must be 12 digits');
  if (enterpriseId) {
    const e = await ctx.db.maybeOne<{ region_code: string }>(sql`select region_code from enterprises where id::text = ${enterpriseId}`);
    if (!e) throw badRequest('所属企业不存在', 'Enterprise not found');
    regionCode = e.region_code;
  }
  const orgId = s.kind === 'org' ? s.orgId : (ctx.actor.orgId ?? undefined);
  if (!inScope(ctx.actor, { regionCode, orgId, enterpriseId })) throw forbidden('不能上传到自己数据范围以外的区域或企业', 'Outside your data scope');
  return { regionCode: regionCode ?? null, enterpriseId: enterpriseId ?? null, orgId: orgId ?? null };
}

export const filesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/files', {
    config: { permission: 'files:write' },
    schema: { tags, summary: '上传附件（multipart/form-data：file，可选 regionCode、enterpriseId 字段在文件之前）', consumes: ['multipart/form-data'], response: { 200: FileMeta, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody } },
  }, async (req) => {
    if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件', 'Expected multipart/form-data');
    const part = await req.file();
    if (!part) throw badRequest('没有收到文件，请选择要上传的文件', 'No file received');
    const field = (n: string) => { const f = part.fields[n] as { value?: unknown } | undefined; return typeof f?.value === 'string' && f.value ? f.value : undefined; };
    const place = await placeOf(req.ctx, { regionCode: field('regionCode'), enterpriseId: field('enterpriseId') });
    const blob = await req.ctx.files.put(part.file);
    // A file name is a label only: path separators and control characters are dropped.
    const name = (part.filename || `附件.${blob.type.ext}`).replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
    const row = { id: uuidv7(), sha256: blob.sha256, size: blob.size, mime: blob.type.mime, name, region_code: place.regionCode,
      org_id: place.orgId, enterprise_id: place.enterpriseId, uploaded_by: req.ctx.actor.id };
    await req.ctx.db.tx(async (tx) => {
      await insertFile(tx, row);
      await req.ctx.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'file.upload', entityType: 'file', entityId: row.id,
        regionCode: row.region_code, after: { name, size: blob.size, mime: blob.type.mime, sha256: blob.sha256 } });
    });
    return present({ ...row, created_at: req.ctx.clock() });
  });

  app.get('/api/files', { config: { permission: 'files:read' }, schema: { tags, summary: '附件列表', querystring: FileQuery, response: { 200: Page(FileMeta) } } },
    async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listFiles(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
      return { items: items.map(present), total, page, pageSize };
    });

  app.get('/api/files/:id', { config: { permission: 'files:read' }, schema: { tags, summary: '附件信息', params: IdParams, response: { 200: FileMeta, 404: ErrorBody } } },
    async (req) => {
      const f = await findFile(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!f) throw notFound('附件', 'File');
      return present(f);
    });

  app.get('/api/files/:id/content', { config: { permission: 'files:read' }, schema: { tags, summary: '下载附件', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } },
    async (req, reply) => {
      const f = await findFile(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!f || !req.ctx.files.has(f.sha256)) throw notFound('附件', 'File');
      reply.header('content-type', f.mime);
      reply.header('content-length', String(f.size));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      return reply.send(req.ctx.files.open(f.sha256));
    });
};
