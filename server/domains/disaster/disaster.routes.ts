// /api/disaster: 防灾减灾救灾 — officers (informants/), disaster reports (reports/), relief funds and their audit (relief/).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Platform } from '../../platform/context.js';
import { informantsRoutes } from './informants/informants.routes.js';
import { reliefRoutes } from './relief/relief.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';

export const disasterRoutes = (p: Platform): FastifyPluginAsyncTypebox => async (app) => {
  await app.register(informantsRoutes);
  await app.register(reportsRoutes(p));
  await app.register(reliefRoutes);
};
