// /api/law: the library (sources, versions, articles, import, citation as of a day, replacement and review) and the
// benchmarks (violation items, try-out, case proposals). Reading needs enforcement:read or hazard:read; editing law:write.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page } from '../../../contracts/common.js';
import {
  Article, ArticleInput, ArticleQuery, CiteQuery, Citing, ImportPreview, ImportText, ReplaceInput, ReviewInput, Source, SourceDetail, SourceInput, SourcePatch, SourceQuery,
  VersionInput,
} from '../../../contracts/law.js';
import { readUpload } from '../../platform/excel/http.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { uploadedText } from './docx-text.js';
import { presentArticle, presentSource } from './law.present.js';
import { addVersion, createSource, editArticle, patchSource, replaceSource, reviewCitation } from './library.service.js';
import { citeArticle, citingSource, searchArticles, sourceDetail } from './library.query.js';
import { findArticle, listSources } from './library.store.js';
import { normalize } from './numerals.js';
import { splitLawText } from './split.js';
import { violationRoutes } from './violations.routes.js';
import { mayReadLibrary, tags, today, write } from './law.http.js';

const libraryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/law/sources', { schema: { tags, summary: '法规标准列表（按名称、文号搜索，按类别、状态筛选）', querystring: SourceQuery, response: { 200: Page(Source) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listSources(req.ctx.db, req.query.on ?? today(req.ctx), { q: req.query.q ? normalize(req.query.q) : undefined, kind: req.query.kind, status: req.query.status }, page, pageSize);
    return { items: items.map(presentSource), total, page, pageSize };
  });
  app.get('/api/law/sources/:id', { schema: { tags, summary: '法规标准详情：各版本及施行期间', params: IdParams, querystring: Type.Object({ on: Type.Optional(Type.String({ format: 'date' })) }),
    response: { 200: SourceDetail, 404: ErrorBody } } }, async (req) => sourceDetail(req.ctx.db, req.query.on ?? today(req.ctx), req.params.id));
  app.post('/api/law/sources', { config: write, schema: { tags, summary: '新增法规标准', body: SourceInput, response: { 200: SourceDetail, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => sourceDetail(req.ctx.db, today(req.ctx), await createSource(req.ctx, req.body)));
  app.patch('/api/law/sources/:id', { config: write, schema: { tags, summary: '修改法规标准信息', params: IdParams, body: SourcePatch, response: { 200: SourceDetail, 404: ErrorBody } } },
    async (req) => { await patchSource(req.ctx, req.params.id, req.body); return sourceDetail(req.ctx.db, today(req.ctx), req.params.id); });
  app.post('/api/law/sources/:id/versions', { config: write, schema: { tags, summary: '保存一个版本及其条文（导入预览并人工校正后）', params: IdParams, body: VersionInput,
    response: { 200: SourceDetail, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
  async (req) => { await addVersion(req.ctx, req.params.id, req.body); return sourceDetail(req.ctx.db, today(req.ctx), req.params.id); });
  app.post('/api/law/sources/:id/replace', { config: write, schema: { tags, summary: '被新法规标准取代（自某日起废止）', params: IdParams, body: ReplaceInput,
    response: { 200: SourceDetail, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
  async (req) => { await replaceSource(req.ctx, req.params.id, req.body); return sourceDetail(req.ctx.db, today(req.ctx), req.params.id); });
  app.get('/api/law/sources/:id/citing', { schema: { tags, summary: '引用该法规标准的违法行为、检查项、隐患类别等（修订、废止后待复核清单）', params: IdParams,
    response: { 200: Type.Object({ items: Type.Array(Citing) }), 404: ErrorBody } } }, async (req) => {
    await sourceDetail(req.ctx.db, today(req.ctx), req.params.id);
    return { items: await citingSource(req.ctx.db, req.params.id) };
  });
  app.post('/api/law/citations/:id/review', { config: write, schema: { tags, summary: '登记引用已复核', params: IdParams, body: ReviewInput, response: { 200: Ok, 404: ErrorBody } } },
    async (req) => { await reviewCitation(req.ctx, req.params.id, req.body.note); return { ok: true }; });

  app.get('/api/law/articles', { schema: { tags, summary: '条文检索：按词语，或按编号（“安全生产法第九十九条”“第99条”），默认只查指定日期施行的版本', querystring: ArticleQuery,
    response: { 200: Page(Article) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await searchArticles(req.ctx.db, today(req.ctx), req.query, page, pageSize);
    return { items: items.map(presentArticle), total, page, pageSize };
  });
  app.get('/api/law/articles/:id', { schema: { tags, summary: '一条条文', params: IdParams, response: { 200: Article, 404: ErrorBody } } }, async (req) => {
    const a = await findArticle(req.ctx.db, req.params.id);
    if (!a) throw notFound('条文', 'Article');
    return presentArticle(a);
  });
  app.patch('/api/law/articles/:id', { config: write, schema: { tags, summary: '人工校正条文（编号、章节、正文）', params: IdParams, body: ArticleInput,
    response: { 200: Article, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
    await editArticle(req.ctx, req.params.id, req.body);
    return presentArticle((await findArticle(req.ctx.db, req.params.id))!);
  });
  app.get('/api/law/cite', { schema: { tags, summary: '按日期引用条文：返回该日施行版本中的条文', querystring: CiteQuery, response: { 200: Article, 404: ErrorBody } } }, async (req) => {
    const day = req.query.on ?? today(req.ctx);
    const a = await citeArticle(req.ctx.db, req.query.source, req.query.article, day);
    if (!a) throw notFound(`${req.query.source}${req.query.article}（${day} 施行的版本）`, 'Article on that day');
    return presentArticle(a);
  });

  app.post('/api/law/import/preview', { config: write, schema: { tags, summary: '导入预览：把粘贴的文本拆分为条、款、项（不保存）', body: ImportText, response: { 200: ImportPreview } } },
    async (req) => splitLawText(req.body.text));
  app.post('/api/law/import/preview-file', { config: write, schema: { tags, summary: '导入预览：上传 .docx 或 .txt 文件拆分为条、款、项（不保存）',
    response: { 200: ImportPreview, 400: ErrorBody, 415: ErrorBody } } }, async (req) => splitLawText(uploadedText((await readUpload(req)).buffer)));
};

/** The law domain as one plugin, registered by one line in server/app.ts. */
export const lawRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Routes without a permission of their own are the reading ones: open to enforcement and hazard readers.
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.config.permission && !mayReadLibrary(req.ctx)) throw forbidden('无权查看法规标准库（需要执法或隐患查看权限）', 'No access to the law library');
  });
  await app.register(libraryRoutes);
  await app.register(violationRoutes);
};
