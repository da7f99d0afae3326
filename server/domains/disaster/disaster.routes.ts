// /api/disaster: 防灾减灾救灾 — officers (informants/) and disaster reports (reports/).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { informantsRoutes } from './informants/informants.routes.js';

export const disasterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(informantsRoutes);
};
