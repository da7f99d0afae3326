// /api/enterprises/:id/licences and /api/enterprise-licences/:id: 证照. Enterprise accounts keep their own
// (the route needs enterprise:read; the service lets an enterprise account or an enterprise:write holder change them).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok } from '../../../contracts/common.js';
import { Licence, LicenceInput, LicenceUpdate } from '../../../contracts/enterprises.js';
import { addLicence, editLicence, licencesOf, removeLicence } from './licences.service.js';

const tags = ['企业档案 enterprises'];
const read = { permission: 'enterprise:read' } as const;
const who = '企业用户可维护本企业；其他账号需 enterprise:write';

export const licencesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enterprises/:id/licences', { config: read, schema: { tags, summary: '企业证照', params: IdParams, response: { 200: Type.Array(Licence), 404: ErrorBody } } },
    async (req) => licencesOf(req.ctx, req.params.id));

  app.post('/api/enterprises/:id/licences', { config: read, schema: { tags, summary: `新增证照（${who}）`, params: IdParams, body: LicenceInput, response: { 200: Licence, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => addLicence(req.ctx, req.params.id, req.body));

  app.patch('/api/enterprise-licences/:id', { config: read, schema: { tags, summary: `修改证照（${who}）`, params: IdParams, body: LicenceUpdate, response: { 200: Licence, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => editLicence(req.ctx, req.params.id, req.body));

  app.delete('/api/enterprise-licences/:id', { config: read, schema: { tags, summary: `删除证照（${who}）`, params: IdParams, response: { 200: Ok, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => removeLicence(req.ctx, req.params.id));
};
