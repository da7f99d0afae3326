// /api/disaster/informants: the officer roster, training, post coverage and the roster export.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page } from '../../../../contracts/common.js';
import { CoverageGap, CoverageQuery, CoverageSummary, Informant, InformantDetail, InformantInput, InformantQuery, INFORMANT_LEVELS, INFORMANT_ROLES, TrainingInput } from '../../../../contracts/disaster.js';
import { int, oneOf, text } from '../../../platform/excel/columns.js';
import { sendXlsx } from '../../../platform/excel/http.js';
import { exportXlsx, type XlsxColumn } from '../../../platform/excel/xlsx.js';
import { paging } from '../../../platform/http/types.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { exportPersonal, revealable } from '../../../platform/personal/personal.js';
import { addTraining, coverageGaps, coverageSummary, createInformant, editInformant, informantDetail, maskInformant, presentInformant, retireInformant } from './informants.service.js';
import { findInformant, listInformants, trainingsOf } from './informants.store.js';

const tags = ['灾害信息员 disaster officers'];
const read = { permission: 'disaster:read' } as const;
const write = { permission: 'disaster:write' } as const;
const P = '/api/disaster/informants';

// The roster in the layout the 全国灾害信息员管理系统 import asks for: one row per person.
const ROSTER: XlsxColumn[] = [
  { key: 'seq', header: '序号', type: int(), width: 6 }, { key: 'name', header: '姓名', type: text() }, { key: 'level', header: '层级', type: oneOf(INFORMANT_LEVELS) },
  { key: 'townName', header: '乡镇（街道）', type: text() }, { key: 'regionName', header: '村（社区）/单位所在区划', type: text(), width: 22 },
  { key: 'regionCode', header: '区划代码', type: text(), width: 14 }, { key: 'role', header: 'AB角', type: oneOf(INFORMANT_ROLES) },
  { key: 'unit', header: '工作单位', type: text(), width: 22 }, { key: 'position', header: '职务', type: text() }, { key: 'phone', header: '手机号码', type: text(), width: 14 },
  { key: 'trainings', header: '参训次数', type: int() }, { key: 'lastTrainedOn', header: '最近培训日期', type: text() }, { key: 'trainingTopics', header: '培训内容', type: text(), width: 40 },
];

revealable({
  entity: 'disaster_informant', label: '灾害信息员', read: ['disaster:read'], fields: { phone: 'phone' },
  async load(ctx, tx, id) {
    const i = await findInformant(tx, ctx.actor.scope, id);
    return i && { regionCode: i.region_code, name: i.name, values: { phone: i.phone } };
  },
});

export const informantsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(P, { config: read, schema: { tags, summary: '灾害信息员名册', querystring: InformantQuery, response: { 200: Page(Informant) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listInformants(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map((i) => maskInformant(presentInformant(i))), total, page, pageSize };
  });
  app.get(`${P}/export`, { config: read, schema: { tags, summary: '导出灾害信息员名册（Excel，上级要求格式）', querystring: Type.Omit(InformantQuery, ['page', 'pageSize']), response: { 200: Type.Any() } } },
    async (req, reply) => {
      const { items } = await listInformants(req.ctx.db, req.ctx.actor.scope, req.query, 1, 100_000);
      const rows = [];
      for (const [n, i] of items.entries()) {
        const topics = i.trainings ? (await trainingsOf(req.ctx.db, i.id)).map((t) => `${t.trained_on} ${t.topic}`).join('；') : '';
        rows.push({ ...presentInformant(i), seq: n + 1, trainingTopics: topics, lastTrainedOn: i.last_trained_on ?? '' });
      }
      const out = await exportPersonal(req.ctx, rows, { phone: 'phone' }, { entityType: 'disaster_informant', label: '灾害信息员名册' });
      return sendXlsx(reply, await exportXlsx(ROSTER, out, { sheet: '灾害信息员名册' }), `灾害信息员名册-${shanghaiDate(req.ctx.clock()).replaceAll('-', '')}.xlsx`);
    });
  app.get(`${P}/coverage`, { config: read, schema: { tags, summary: 'AB角缺岗：缺 A 角或 B 角的岗位', querystring: CoverageQuery, response: { 200: Page(CoverageGap) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const gaps = await coverageGaps(req.ctx, req.query);
    return { items: gaps.slice((page - 1) * pageSize, page * pageSize), total: gaps.length, page, pageSize };
  });
  app.get(`${P}/coverage/summary`, { config: read, schema: { tags, summary: '岗位、人数和缺岗数（按层级）', response: { 200: CoverageSummary } } }, async (req) => coverageSummary(req.ctx));
  app.get(`${P}/:id`, { config: read, schema: { tags, summary: '灾害信息员详情与培训记录', params: IdParams, response: { 200: InformantDetail, 404: ErrorBody } } },
    async (req) => informantDetail(req.ctx, req.params.id));
  app.post(P, { config: write, schema: { tags, summary: '登记灾害信息员', body: InformantInput, response: { 200: InformantDetail, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (req) => createInformant(req.ctx, req.body));
  app.put(`${P}/:id`, { config: write, schema: { tags, summary: '修改灾害信息员', params: IdParams, body: InformantInput, response: { 200: InformantDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => editInformant(req.ctx, req.params.id, req.body));
  app.delete(`${P}/:id`, { config: write, schema: { tags, summary: '注销灾害信息员（离岗）', params: IdParams, response: { 200: Ok, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => retireInformant(req.ctx, req.params.id));
  app.post(`${P}/:id/trainings`, { config: write, schema: { tags, summary: '登记培训记录', params: IdParams, body: TrainingInput, response: { 200: InformantDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => addTraining(req.ctx, req.params.id, req.body));
};
