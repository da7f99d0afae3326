// 行政执法: every route of the domain and its deadline scan, registered by one line in server/app.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Platform } from '../../platform/context.js';
import { casesRoutes } from './cases/cases.routes.js';
import { measuresRoutes } from './cases/measures.routes.js';
import { scheduleEnforcementScan } from './common/deadlines.scan.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { drawsRoutes } from './draws/draws.routes.js';
import { publicDrawsRoutes } from './draws/public.routes.js';
import { checklistsRoutes } from './inspections/checklists.js';
import { inspectionsRoutes } from './inspections/inspections.routes.js';
import { inspectionViolationsRoutes } from './inspections/violations.routes.js';
import { plansRoutes } from './plans/plans.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { tipoffsRoutes } from './tipoffs/tipoffs.routes.js';

/** The enforcement domain as one plugin. */
export function enforcementRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(plansRoutes);
    await app.register(checklistsRoutes);
    await app.register(drawsRoutes);
    await app.register(publicDrawsRoutes);
    await app.register(inspectionsRoutes);
    await app.register(inspectionViolationsRoutes);
    await app.register(documentsRoutes);
    await app.register(casesRoutes);
    await app.register(measuresRoutes);
    await app.register(tipoffsRoutes(p));
    await app.register(statsRoutes);
    scheduleEnforcementScan(p);
  };
}
