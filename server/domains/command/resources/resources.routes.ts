// /api/command/resources/…: the registers (teams, experts, warehouses, shelters, equipment) with Excel export and
// import, team members, supplies (catalogue, stock lines, movements, ledger), the nearest-resource search, the map
// and the readiness overview (战备概览). Reads need command:read, changes command:write; scope is in the stores.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page, Uuid } from '../../../../contracts/common.js';
import {
  AdjustInput, Equipment, EquipmentCreate, EquipmentQuery, EquipmentUpdate, Expert, ExpertCreate, ExpertQuery, ExpertUpdate, ImportResult, InboundInput, Item, ItemCreate,
  ItemQuery, LedgerEntry, LedgerQuery, MapPoint, MapQuery, Member, MemberInput, Movement, NearbyQuery, NearbyResource, OutboundInput, Readiness, Shelter, ShelterCreate,
  ShelterQuery, ShelterUpdate, StockLine, StockLineDetail, StockLineUpdate, StockQuery, Team, TeamCreate, TeamDetail, TeamQuery, TeamUpdate, TransferInput, Warehouse,
  WarehouseCreate, WarehouseQuery, WarehouseUpdate,
} from '../../../../contracts/command-resources.js';
import type { Platform } from '../../../platform/context.js';
import { audit } from '../../../platform/context.js';
import { readUpload, sendXlsx } from '../../../platform/excel/http.js';
import { exportXlsx, templateXlsx, type XlsxColumn } from '../../../platform/excel/xlsx.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { exportMask, type PersonalKind } from '../../../platform/personal/personal.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import type { ResourceKind } from '../ports.js';
import { EXPORTS, STOCK_COLUMNS, STOCK_NOTES, TEMPLATE_NOTES, EQUIPMENT_COLUMNS, EXPERT_COLUMNS, SHELTER_COLUMNS, TEAM_COLUMNS } from './excel.columns.js';
import { importResources, MAX_IMPORT_ROWS, type ImportKind } from './excel.import.js';
import { addMember, editMember, membersOf, removeMember } from './members.js';
import { ALL_KINDS, mapPoints, nearestResources } from './nearby.store.js';
import { maskPhoneField, maskRecord, phoneFields } from './personal.js';
import { present, presentAll } from './present.js';
import { readiness } from './readiness.js';
import { createRecord, editRecord } from './registry.service.js';
import { findInRegister, listRegister, REGISTERS, type RegisterKind } from './registry.store.js';
import { requireWritable } from './scope.js';
import { adjust, inbound, move, outbound, transfer } from './stock.service.js';
import { batchesOf, findStock, insertItem, listItems, listLedger, listStock, setMinLevel, type LedgerFilter, type StockFilter } from './stock.store.js';

const tags = ['应急资源 command-resources'];
const read = { permission: 'command:read' } as const;
const write = { permission: 'command:write' } as const;
const BASE = '/api/command/resources';
export const MAX_EXPORT_ROWS = 50_000;
const Xlsx = Type.String({ description: '.xlsx 文件' });
const ImportQuery = Type.Object({ mode: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid-only')], { description: 'all：有错误时整份不导入（默认）；valid-only：只导入无误的行' })) });
const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });

interface RegisterRoute { kind: RegisterKind; path: string; item: TSchema; create: TSchema; update: TSchema; query: TSchema; file: string; importKind?: ImportKind; importColumns?: typeof TEAM_COLUMNS }
const ROUTES: RegisterRoute[] = [
  { kind: 'team', path: 'teams', item: Team, create: TeamCreate, update: TeamUpdate, query: TeamQuery, file: '救援队伍', importKind: 'teams', importColumns: TEAM_COLUMNS },
  { kind: 'expert', path: 'experts', item: Expert, create: ExpertCreate, update: ExpertUpdate, query: ExpertQuery, file: '应急专家', importKind: 'experts', importColumns: EXPERT_COLUMNS },
  { kind: 'warehouse', path: 'warehouses', item: Warehouse, create: WarehouseCreate, update: WarehouseUpdate, query: WarehouseQuery, file: '储备库' },
  { kind: 'shelter', path: 'shelters', item: Shelter, create: ShelterCreate, update: ShelterUpdate, query: ShelterQuery, file: '避难场所', importKind: 'shelters', importColumns: SHELTER_COLUMNS },
  { kind: 'equipment', path: 'equipment', item: Equipment, create: EquipmentCreate, update: EquipmentUpdate, query: EquipmentQuery, file: '装备车辆', importKind: 'equipment', importColumns: EQUIPMENT_COLUMNS },
];

const exportQuery = (q: TSchema) => Type.Omit(q as never, ['page', 'pageSize']);

/** Everything the resources part adds to the app (one line in app.ts). */
export function resourcesRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const r of ROUTES) {
      const reg = REGISTERS[r.kind];
      app.get(`${BASE}/${r.path}`, { config: read, schema: { tags, summary: `${reg.label}列表`, querystring: r.query, response: { 200: Page(r.item) } } }, async (req) => {
        const { page, pageSize } = paging(req.query as { page?: number; pageSize?: number });
        const { items, total } = await listRegister(req.ctx.db, reg, req.ctx.actor, req.query as object as Record<string, unknown>, page, pageSize);
        return { items: presentAll<object>(items).map((o) => maskRecord(r.kind, o)) as never[], total, page, pageSize };
      });
      app.get(`${BASE}/${r.path}/export`, { config: read, schema: { tags, summary: `导出${reg.label}为 Excel（与列表相同的筛选，最多 ${MAX_EXPORT_ROWS} 行）`, querystring: exportQuery(r.query), response: { 200: Xlsx, 400: ErrorBody } } },
        async (req, reply) => sendExport(req, reply, await listRegister(req.ctx.db, reg, req.ctx.actor, req.query as Record<string, unknown>, 1, null),
          { what: reg.label, columns: EXPORTS[r.path as keyof typeof EXPORTS], sheet: r.file, action: `command.resources.${r.kind}.export`, phones: phoneFields(r.kind) }));
      app.get(`${BASE}/${r.path}/:id`, { config: read, schema: { tags, summary: `${reg.label}详情`, params: IdParams, response: { 200: r.kind === 'team' ? TeamDetail : r.item, 404: ErrorBody } } }, async (req) => {
        const row = await findInRegister(req.ctx.db, reg, req.ctx.actor, req.params.id);
        if (!row) throw notFound(reg.label, r.kind);
        const record = maskRecord(r.kind, present<object>(row));
        return r.kind === 'team' ? { ...record, members: presentAll<{ phone: string | null }>(await membersOf(req.ctx.db, req.params.id)).map(maskPhoneField) } : record;
      });
      app.post(`${BASE}/${r.path}`, { config: write, schema: { tags, summary: `登记${reg.label}`, body: r.create, response: { 200: r.item, 400: ErrorBody, 403: ErrorBody } } },
        async (req) => maskRecord(r.kind, present<object>(await createRecord(req.ctx, reg, req.body as object))));
      app.patch(`${BASE}/${r.path}/:id`, { config: write, schema: { tags, summary: `修改${reg.label}`, params: IdParams, body: r.update, response: { 200: r.item, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
        async (req) => maskRecord(r.kind, present<object>(await editRecord(req.ctx, reg, req.params.id, req.body as object))));
      if (r.importKind) importRoutes(app, r.path, r.importKind, r.file, r.importColumns!, TEMPLATE_NOTES);
    }
    importRoutes(app, 'stock', 'stock', '期初库存', STOCK_COLUMNS, STOCK_NOTES);

    app.post(`${BASE}/teams/:id/members`, { config: write, schema: { tags, summary: '添加队员', params: IdParams, body: MemberInput, response: { 200: Member, 403: ErrorBody, 404: ErrorBody } } },
      async (req) => maskPhoneField(present<Static<typeof Member>>(await addMember(req.ctx, req.params.id, req.body))));
    app.patch(`${BASE}/teams/:id/members/:memberId`, { config: write, schema: { tags, summary: '修改队员及其证书', params: MemberParams, body: MemberInput, response: { 200: Member, 403: ErrorBody, 404: ErrorBody } } },
      async (req) => maskPhoneField(present<Static<typeof Member>>(await editMember(req.ctx, req.params.id, req.params.memberId, req.body))));
    app.delete(`${BASE}/teams/:id/members/:memberId`, { config: write, schema: { tags, summary: '移除队员', params: MemberParams, response: { 200: Ok, 403: ErrorBody, 404: ErrorBody } } },
      async (req) => removeMember(req.ctx, req.params.id, req.params.memberId));

    app.get(`${BASE}/items`, { config: read, schema: { tags, summary: '物资目录', querystring: ItemQuery, response: { 200: Page(Item) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listItems(req.ctx.db, req.query, page, pageSize);
      return { items: items as never[], total, page, pageSize };
    });
    app.post(`${BASE}/items`, { config: write, schema: { tags, summary: '新增物资目录条目', body: ItemCreate, response: { 200: Item, 409: ErrorBody } } }, async (req) =>
      req.ctx.db.tx(async (tx) => {
        const item = await insertItem(tx, { ...req.body, spec: req.body.spec ?? '' });
        await audit(req.ctx, tx, { action: 'command.resources.item.create', entityType: 'resource_items', entityId: item.id, after: item });
        return item as never;
      }));

    app.get(`${BASE}/stock`, { config: read, schema: { tags, summary: '库存（每个储备库每种物资一行）', querystring: StockQuery, response: { 200: Page(StockLine) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listStock(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      return { items: presentAll<never>(items), total, page, pageSize };
    });
    app.get(`${BASE}/stock/export`, { config: read, schema: { tags, summary: '导出库存为 Excel', querystring: exportQuery(StockQuery), response: { 200: Xlsx, 400: ErrorBody } } },
      async (req, reply) => sendExport(req, reply, await listStock(req.ctx.db, req.ctx.actor, req.query as StockFilter, 1, null),
        { what: '库存', columns: EXPORTS.stock, sheet: '物资库存', action: 'command.resources.stock.export' }));
    app.get(`${BASE}/stock/:id`, { config: read, schema: { tags, summary: '库存行及其批次', params: IdParams, response: { 200: StockLineDetail, 404: ErrorBody } } }, async (req) => {
      const line = await findStock(req.ctx.db, req.ctx.actor, req.params.id);
      if (!line) throw notFound('库存', 'Stock line');
      return { ...present<object>(line), batches: presentAll(await batchesOf(req.ctx.db, line.id)) } as never;
    });
    app.patch(`${BASE}/stock/:id`, { config: write, schema: { tags, summary: '设置最低储备量', params: IdParams, body: StockLineUpdate, response: { 200: StockLine, 403: ErrorBody, 404: ErrorBody } } },
      async (req) => req.ctx.db.tx(async (tx) => {
        const line = await findStock(tx, req.ctx.actor, req.params.id);
        if (!line) throw notFound('库存', 'Stock line');
        requireWritable(req.ctx.actor, { regionCode: line.region_code, orgId: line.owner_org_id }, `储备库「${line.warehouse_name}」`);
        await setMinLevel(tx, line.id, req.body.minLevel);
        await audit(req.ctx, tx, { action: 'command.resources.stock.min_level', entityType: 'resource_stock', entityId: line.id, regionCode: line.region_code,
          before: { minLevel: line.min_level }, after: { minLevel: req.body.minLevel } });
        return present((await findStock(tx, { kind: 'all' }, line.id))!);
      }));
    const movement = (path: string, summary: string, body: TSchema, run: Parameters<typeof move>[2] extends infer F ? (body: never) => F : never, kind: Parameters<typeof move>[1]) =>
      app.post(`${BASE}/stock/${path}`, { config: write, schema: { tags, summary, body, response: { 200: Movement, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
        async (req) => ({ entries: presentAll<never>(await move(req.ctx, kind, run(req.body as never))) }));
    movement('inbound', '入库（新增一个批次，可填有效期）', InboundInput, (b: typeof InboundInput.static) => (tx, m) => inbound(tx, m, b), 'inbound');
    movement('outbound', '出库（先到期先出；库存不足时拒绝）', OutboundInput, (b: typeof OutboundInput.static) => (tx, m) => outbound(tx, m, b), 'outbound');
    movement('transfer', '调拨（调出、调入两笔台账在同一事务中）', TransferInput, (b: typeof TransferInput.static) => (tx, m) => transfer(tx, m, b), 'transfer');
    movement('adjust', '盘点调整（按实有数量调整）', AdjustInput, (b: typeof AdjustInput.static) => (tx, m) => adjust(tx, m, b), 'adjust');

    app.get(`${BASE}/ledger`, { config: read, schema: { tags, summary: '出入库台账', querystring: LedgerQuery, response: { 200: Page(LedgerEntry) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listLedger(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      return { items: presentAll<never>(items), total, page, pageSize };
    });
    app.get(`${BASE}/ledger/export`, { config: read, schema: { tags, summary: '导出出入库台账为 Excel', querystring: exportQuery(LedgerQuery), response: { 200: Xlsx, 400: ErrorBody } } },
      async (req, reply) => sendExport(req, reply, await listLedger(req.ctx.db, req.ctx.actor, req.query as LedgerFilter, 1, null),
        { what: '台账', columns: EXPORTS.ledger, sheet: '出入库台账', action: 'command.resources.ledger.export', row: (e) => ({ ...e, at: shanghaiMinute(String(e.at)) }) }));

    app.get(`${BASE}/nearby`, { config: read, schema: { tags, summary: '附近的应急资源（按直线距离由近及远，每类分别排序）', querystring: NearbyQuery, response: { 200: Type.Array(NearbyResource) } } },
      async (req) => (await nearestResources(req.ctx.db, req.ctx.actor, { ...req.query, kinds: kindsOf(req.query.kinds), radiusM: req.query.radius })).map(maskPhoneField));
    app.get(`${BASE}/map`, { config: read, schema: { tags, summary: '应急资源分布（地图）', querystring: MapQuery, response: { 200: Type.Array(MapPoint) } } },
      async (req) => (await mapPoints(req.ctx.db, req.ctx.actor, kindsOf(req.query.kinds) ?? ALL_KINDS, req.query.regionCode)).map(maskPhoneField));
    app.get(`${BASE}/readiness`, { config: read, schema: { tags, summary: '战备概览：低于最低储备、临期物资、证书到期、队伍缺员、避难场所满员', response: { 200: Readiness } } },
      async (req) => readiness(req.ctx.db, req.ctx.actor, req.ctx.clock()));
  };
}

const kindsOf = (s: string | undefined) => (s ? (s.split(',') as ResourceKind[]) : undefined);

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
const shanghaiMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Send a list as an .xlsx download (refused past MAX_EXPORT_ROWS), audited as an export with its filter. */
async function sendExport(req: FastifyRequest, reply: FastifyReply, list: { items: object[]; total: number },
  o: { what: string; columns: XlsxColumn[]; sheet: string; action: string; row?: (r: Record<string, unknown>) => object; phones?: Record<string, PersonalKind> }) {
  if (list.total > MAX_EXPORT_ROWS) throw badRequest(`符合条件的${o.what}有 ${list.total} 条，超过单次导出上限 ${MAX_EXPORT_ROWS} 条，请增加筛选条件后分批导出`, 'Too many rows to export');
  // Contact phones in full only for a role holding personal:phone; the export's audit record names them.
  const { rows, full } = exportMask(req.ctx.actor, presentAll<Record<string, unknown>>(list.items).map(o.row ?? ((r) => r)), o.phones ?? {});
  const buffer = await exportXlsx(o.columns, rows, { sheet: o.sheet });
  await req.ctx.audit.recordAlone(req.ctx.db, req.ctx.actor, req.ctx.meta, { action: o.action, entityType: 'resource_export',
    after: { filter: req.query, rows: list.total, ...(full.length ? { fullPersonalData: full } : {}) } });
  return sendXlsx(reply, buffer, `${o.sheet}-${shanghaiDate(req.ctx.clock()).replace(/-/g, '')}.xlsx`);
}

function importRoutes(app: Parameters<FastifyPluginAsyncTypebox>[0], path: string, kind: ImportKind, file: string, columns: typeof TEAM_COLUMNS, notes: string[]) {
  app.get(`${BASE}/${path}/import-template`, { config: write, schema: { tags, summary: `下载${file}导入模板（.xlsx）`, response: { 200: Xlsx } } },
    async (_req, reply) => sendXlsx(reply, await templateXlsx(columns, { sheet: file, notes }), `${file}导入模板.xlsx`));
  app.post(`${BASE}/${path}/import`, {
    config: write,
    schema: { tags, summary: `导入${file}（multipart/form-data：file 为 .xlsx，最多 ${MAX_IMPORT_ROWS} 行）`, consumes: ['multipart/form-data'], querystring: ImportQuery,
      response: { 200: ImportResult, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody } },
  }, async (req) => {
    const { buffer, filename, fields } = await readUpload(req);
    const mode = req.query.mode ?? (fields.mode === 'valid-only' ? 'valid-only' : 'all');
    return importResources(req.ctx, kind, buffer, filename || `${file}导入.xlsx`, mode);
  });
}
