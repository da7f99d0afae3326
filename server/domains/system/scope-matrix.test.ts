// The scope matrix (issue #11): every GET route of the app's route table is classified once in ROUTES below, and a
// route missing from the table fails (so a route added without an entry fails the build, like access-allow.test.ts).
// Then, over the demo county, as two towns (town_baitang / town_luojiang), a department (dept_zhujian) and an
// enterprise (ent_demo):
// - scoped lists (and maps): no item of one account's answer is a record only the other may see, and every item's
//   regionCode / orgId / enterpriseId lies in the account's data scope (a town may see records of an ancestor region);
// - details: the other account's records answer 403 or 404;
// - exports: 200/403/404, and the other account's record names are not in the sheet;
// - summaries (stats, dashboards, figures): every regionCode anywhere in the answer lies in a town's scope.
// Counts are printed at the end for the note.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

type Entry =
  /** A list, map or search answering items (a page, an array or GeoJSON features) that each account sees only within its scope. */
  | { kind: 'scoped-list'; query?: string; shared?: (r: Rec) => boolean; sharedWhy?: string }
  /** One record (or a file, document or sub-list of it) by id: another account's record is 403/404. `list` defaults to the URL before `/:id`. */
  | { kind: 'detail'; list?: string; query?: string }
  /** A file of a list's records (xlsx/docx): 200/403/404 and none of another account's record names inside. */
  | { kind: 'export'; mirrors: string; query?: string }
  /** Figures over records in scope (stats, dashboards, reports): every regionCode in the answer lies in a town's scope. */
  | { kind: 'summary'; query?: string; url?: string }
  | { kind: 'shared-by-design'; why: string }
  | { kind: 'own-only'; why: string }
  | { kind: 'skipped-with-reason'; why: string }
  | { kind: 'known-leak'; why: string };

const L = (query?: string): Entry => ({ kind: 'scoped-list', query });
/** A scoped list some of whose records every account of the county sees by design (`why` says which and why). */
const LS = (shared: (r: Rec) => boolean, sharedWhy: string): Entry => ({ kind: 'scoped-list', shared, sharedWhy });
const D = (list?: string, query?: string): Entry => ({ kind: 'detail', list, query });
const X = (mirrors: string, query?: string): Entry => ({ kind: 'export', mirrors, query });
const S = (query?: string, url?: string): Entry => ({ kind: 'summary', query, url });
const SHARED = (why: string): Entry => ({ kind: 'shared-by-design', why });
const OWN = (why: string): Entry => ({ kind: 'own-only', why });
const SKIP = (why: string): Entry => ({ kind: 'skipped-with-reason', why });

const YEAR = 'from=2022-01-01&to=2022-12-31';
const ADMIN_ONLY = SKIP('只有系统管理员（全市范围）可用；其他角色一律 403（access.test.ts）');
const TEMPLATE = SHARED('空白导入模板，不含任何记录');
const REFERENCE = SHARED('全市共用的参考数据（法规、目录、区划、编码、检查表）');

/** Every GET route under /api, classified once. `:form` / `:key` in a summary's url are filled from the first form / report. */
const ROUTES: Record<string, Entry> = {
  '/api/health': SHARED('公开的健康检查'), '/api/openapi.json': SHARED('公开的接口文档'), '/api/docs': SHARED('公开的接口文档'),
  '/api/auth/me': OWN('本人账号'), '/api/auth/password-policy': SHARED('公开的密码策略'), '/api/auth/sessions': OWN('本人会话'),
  '/api/roles': REFERENCE, '/api/accounts': ADMIN_ONLY, '/api/accounts/:id': ADMIN_ONLY, '/api/accounts/:id/sessions': ADMIN_ONLY,
  '/api/regions': REFERENCE, '/api/regions/tree': REFERENCE, '/api/regions/boundaries': REFERENCE, '/api/public/regions': REFERENCE,
  '/api/orgs': SHARED('组织机构通讯录，全市共用（选择交办、抄送单位）'), '/api/orgs/:id': SHARED('同上'),
  '/api/audit': SKIP('audit:read 只授予管理员和局领导（全市范围）；其他角色 403（access.test.ts）'), '/api/audit/verify': SKIP('同上'),
  '/api/files': L(), '/api/files/:id': D(), '/api/files/:id/content': D('/api/files'),
  '/api/inbox': OWN('本人收件箱'), '/api/inbox/unread-count': OWN('本人收件箱'),
  '/api/settings/map': REFERENCE, '/api/settings/rules': REFERENCE,
  '/api/enterprises': L(), '/api/enterprises/export': X('/api/enterprises'), '/api/enterprises/import-template': TEMPLATE, '/api/enterprises/map': L(),
  '/api/enterprises/:id': D(), '/api/enterprises/:id/status-history': D(), '/api/enterprises/:id/changes': D(), '/api/enterprises/:id/licences': D(),
  '/api/enterprises/:id/major-hazard-sources': D(),
  '/api/chemicals': REFERENCE, '/api/hazard-categories': REFERENCE,
  '/api/hazards': L(), '/api/hazards/export': X('/api/hazards'), '/api/hazards/stats': S(), '/api/hazards/:id': D(), '/api/hazards/:id/notice': D(), '/api/hazards/:id/notice.docx': D(),
  '/api/risk-points': L(), '/api/risk-points/map': S(), '/api/risk-points/:id': D(),
  '/api/campaigns': L(), '/api/campaigns/:id': D(),
  '/api/check-templates': REFERENCE, '/api/check-templates/:id': REFERENCE, '/api/check-records': L(),
  '/api/enforcement/plans': L(), '/api/enforcement/plans/:id': D(), '/api/enforcement/checklists': REFERENCE,
  '/api/enforcement/officers': SHARED('执法人员名录（姓名、执法证号）是公开信息'), '/api/enforcement/avoidances': L(),
  '/api/enforcement/draws/pool': S(), '/api/enforcement/draws': L(), '/api/enforcement/draws/:id': D(),
  '/api/public/draws': SHARED('“双随机”抽查结果依法公示'), '/api/public/draws/algorithm': SHARED('同上'), '/api/public/draws/:id': SHARED('同上'), '/api/public/draws/:id/verify': SHARED('同上'),
  '/api/enforcement/inspections': L(), '/api/enforcement/inspections/:id': D(), '/api/enforcement/inspections/:id/violations': D(),
  '/api/enforcement/document-kinds': REFERENCE, '/api/enforcement/documents': L(), '/api/enforcement/documents/:id': D(),
  '/api/enforcement/documents/:id/docx': D(), '/api/enforcement/documents/:id/html': D(),
  '/api/enforcement/cases': L(), '/api/enforcement/cases/:id': D(), '/api/law/proposals': D('/api/enforcement/cases', 'caseId=:id'),
  '/api/enforcement/measures': L(), '/api/enforcement/measures/:id': D(), '/api/enforcement/transfers': L(), '/api/enforcement/transfers/:id': D(),
  '/api/public/tipoffs/challenge': SHARED('公开举报的工作量证明'), '/api/enforcement/tipoffs': L(), '/api/enforcement/tipoffs/:id': D(),
  '/api/enforcement/stats': S(YEAR), '/api/enforcement/tallies': L(), '/api/enforcement/deadlines': L(), '/api/enforcement/enterprises/:id': D('/api/enterprises'),
  '/api/calendar': REFERENCE, '/api/calendar/working-days': REFERENCE,
  '/api/monitoring/facilities': L(), '/api/monitoring/facilities/:id': D(), '/api/monitoring/devices': L(), '/api/monitoring/devices/:id': D(),
  '/api/monitoring/sensors': L(), '/api/monitoring/sensors/:id': D(), '/api/monitoring/sensors/:id/series': D(undefined, 'from=2022-06-01T00:00:00Z&to=2022-07-01T00:00:00Z'),
  '/api/monitoring/alarms': L(), '/api/monitoring/alarms/:id': D(), '/api/monitoring/overview': S(), '/api/monitoring/ingest/stats': S(),
  '/api/monitoring/warnings': L(), '/api/monitoring/warnings/:id': D(), '/api/monitoring/warnings/:id/cap': D(),
  '/api/system/backups': ADMIN_ONLY,
  '/api/command/plans': LS((r) => r.kind === 'overall' || r.kind === 'special', '部门可见全市总体预案和专项预案（planScope）'), '/api/command/plans/export': X('/api/command/plans'), '/api/command/plans/:id': D(),
  '/api/command/plans/diff': SKIP('按版本号比较；版本只经 /api/command/plans/:id（已按范围检查）给出'),
  '/api/command/plans/versions/:id': SKIP('同上'), '/api/command/plans/versions/:id/preview': SKIP('同上'),
  '/api/command/resources/teams': L(), '/api/command/resources/teams/export': X('/api/command/resources/teams'), '/api/command/resources/teams/:id': D(), '/api/command/resources/teams/import-template': TEMPLATE,
  '/api/command/resources/experts': L(), '/api/command/resources/experts/export': X('/api/command/resources/experts'), '/api/command/resources/experts/:id': D(), '/api/command/resources/experts/import-template': TEMPLATE,
  '/api/command/resources/warehouses': L(), '/api/command/resources/warehouses/export': X('/api/command/resources/warehouses'), '/api/command/resources/warehouses/:id': D(),
  '/api/command/resources/shelters': L(), '/api/command/resources/shelters/export': X('/api/command/resources/shelters'), '/api/command/resources/shelters/:id': D(), '/api/command/resources/shelters/import-template': TEMPLATE,
  '/api/command/resources/equipment': L(), '/api/command/resources/equipment/export': X('/api/command/resources/equipment'), '/api/command/resources/equipment/:id': D(), '/api/command/resources/equipment/import-template': TEMPLATE,
  '/api/command/resources/items': SHARED('物资品目目录，全市共用'), '/api/command/resources/stock/import-template': TEMPLATE,
  '/api/command/resources/stock': L(), '/api/command/resources/stock/export': X('/api/command/resources/stock'), '/api/command/resources/stock/:id': D(),
  '/api/command/resources/ledger': L(), '/api/command/resources/ledger/export': X('/api/command/resources/ledger'),
  '/api/command/resources/nearby': L('lng=113.0&lat=28.9&radius=100000'), '/api/command/resources/map': L(), '/api/command/resources/readiness': S(),
  '/api/command/incidents': L(), '/api/command/incidents/export': X('/api/command/incidents'), '/api/command/incidents/tasks': L(),
  '/api/command/incidents/:id': D(), '/api/command/incidents/:id/timeline': D(), '/api/command/incidents/:id/plans': D(), '/api/command/incidents/:id/nearest': D(),
  '/api/command/incidents/:id/nearby': D(), '/api/command/incidents/:id/reports': D(), '/api/command/incidents/:id/reports/:reportId': D(),
  '/api/command/incidents/:id/reports/:reportId/docx': D(), '/api/command/incidents/:id/reports/:reportId/sitrep.xml': D(), '/api/command/reports': L(),
  '/api/law/sources': REFERENCE, '/api/law/sources/:id': REFERENCE, '/api/law/sources/:id/citing': REFERENCE, '/api/law/articles': REFERENCE,
  '/api/law/articles/:id': REFERENCE, '/api/law/cite': REFERENCE, '/api/law/violations': REFERENCE, '/api/law/violations/match': REFERENCE, '/api/law/violations/:id': REFERENCE,
  '/api/command/duty/roster': S('month=2022-06'), '/api/command/duty/roster.xlsx': S('month=2022-06'), '/api/command/duty/people': L(),
  '/api/command/duty/current': S(), '/api/command/duty/handovers': L(), '/api/command/duty/logs': L(), '/api/command/duty/logs.xlsx': X('/api/command/duty/logs'),
  '/api/command/duty/desk': S(), '/api/command/mode': S(),
  '/api/reports/work': S(YEAR), '/api/reports/work.docx': S(YEAR),
  '/api/situation/layers': SHARED('图层目录（名称、图例）'), '/api/situation/layers/:layer': S(undefined, 'LAYERS'),
  '/api/returns/forms': SHARED('报表式样，全市共用'), '/api/returns/forms/:id': SHARED('同上'), '/api/returns/forms/:id/template': SHARED('同上'),
  '/api/returns/forms/:id/periods': SHARED('同上'), '/api/returns/forms/:id/progress': S('period=2022-07', '/api/returns/forms/:form/progress'),
  '/api/returns/aggregate': S('formId=:form&from=2022-01&to=2022-12'), '/api/returns/aggregate/export': S('formId=:form&from=2022-01&to=2022-12'),
  '/api/returns': L(), '/api/returns/export': X('/api/returns'), '/api/returns/:id': D(), '/api/returns/:id/template': D(),
  '/api/summons': L(), '/api/summons/export': X('/api/summons'), '/api/summons/stats': S(), '/api/summons/:id': D(),
  '/api/outreach/activities': L(), '/api/outreach/activities/export': X('/api/outreach/activities'), '/api/outreach/activities/:id': D(),
  '/api/outreach/trainings': L(), '/api/outreach/certificates': L(), '/api/outreach/certificates/export': X('/api/outreach/certificates'),
  '/api/outreach/drills': L(), '/api/outreach/drills/:id': D(), '/api/outreach/stats': S(YEAR),
  '/api/disaster/informants': L(), '/api/disaster/informants/export': X('/api/disaster/informants'), '/api/disaster/informants/coverage': L('all=true'),
  '/api/disaster/informants/coverage/summary': S(), '/api/disaster/informants/:id': D(),
  '/api/disaster/events': L(), '/api/disaster/events/:id': D(), '/api/disaster/events/:id/summary': D(), '/api/disaster/events/:id/summary.docx': D(),
  '/api/disaster/reports': L(), '/api/disaster/reports/:id': D(),
  '/api/disaster/relief/allocations': L(), '/api/disaster/relief/allocations/:id': D(),
  '/api/disaster/relief/distributions': L(), '/api/disaster/relief/distributions/export': X('/api/disaster/relief/distributions'),
  '/api/disaster/relief/distributions/:id/id-number': D(), '/api/disaster/relief/audits': L(), '/api/disaster/relief/audits/:id': D(), '/api/disaster/relief/audits/:id/report.docx': D(),
  '/api/flood/facilities': L(), '/api/flood/facilities/roster.xlsx': X('/api/flood/facilities'), '/api/flood/facilities/:id': D(), '/api/flood/facilities/import-template': TEMPLATE,
  '/api/flood/live': L(), '/api/flood/facilities/:id/live': D(), '/api/flood/coverage': S('season=2022'), '/api/flood/teams': L(), '/api/flood/team-list': L(),
  '/api/flood/batches': L(), '/api/flood/batches/:id': D(), '/api/flood/batches/:id/notice.docx': D(), '/api/flood/plans': L(),
  '/api/flood/responses': L(), '/api/flood/responses/:id/tasks': D(), '/api/flood/responses/:id/transfers': D(),
  '/api/responsibility/committees': L(), '/api/responsibility/committees/:id': D(),
  '/api/responsibility/meetings/:id': SKIP('会议只经 /api/responsibility/committees/:id（已按范围检查）给出，没有会议列表'),
  '/api/responsibility/tasks': L(), '/api/responsibility/tasks/:id': D(), '/api/responsibility/pledges': L(), '/api/responsibility/pledges/status': S(),
  '/api/responsibility/duties': L(), '/api/responsibility/campaigns': L(), '/api/responsibility/campaigns/:id': D(), '/api/responsibility/campaigns/:id/report.docx': D(),
  '/api/responsibility/figures': S(YEAR),
  '/api/statistics/reports': SHARED('报表目录（名称、分组方式）'), '/api/statistics/reports/:key': S(YEAR, 'REPORTS'), '/api/statistics/reports/:key.xlsx': S(YEAR, 'REPORTS_XLSX'),
  '/api/dashboard': S(),
  '/api/events': SKIP('SSE 长连接，inject 不会结束；事件只投递给范围覆盖它的账号，由 server/platform/events/events.routes.test.ts 检查'),
};

type Rec = Record<string, unknown> & { id?: string };
interface Account { username: string; cookie: string; scope: DataScope }
let t: TestApp;
let acc: Record<string, Account>;
const get = (a: Account, url: string) => t.as(a.cookie, { method: 'GET', url });
const withQuery = (url: string, q?: string) => (q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url);
const counts = { routes: 0, accountChecks: 0, recordsCompared: 0, detailsRefused: 0, exportsChecked: 0, summariesChecked: 0, refused403: 0, summaryValues: 0 };

/** The records of an answer: a page's items, an array, or GeoJSON features' properties. */
function itemsOf(j: unknown): Rec[] {
  if (Array.isArray(j)) return j.filter((x) => x && typeof x === 'object') as Rec[];
  const o = j as { items?: unknown; features?: { id?: string; properties?: Rec }[] } | null;
  if (Array.isArray(o?.items)) return o.items as Rec[];
  if (Array.isArray(o?.features)) return o.features.map((f) => ({ id: f.id, ...(f.properties ?? {}) }));
  return [];
}
/** Every regionCode at any depth of an answer. */
function regionCodesIn(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => regionCodesIn(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'regionCode' && typeof v === 'string' && /^\d{12}$/.test(v)) out.push(v);
      else regionCodesIn(v, out);
    }
  }
  return out;
}
/** The string values of the given keys at any depth of an answer. */
function valuesIn(x: unknown, keys: string[], out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => valuesIn(v, keys, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { if (keys.includes(k) && typeof v === 'string') out.push(v); else valuesIn(v, keys, out); }
  return out;
}
/** A region code a town may see: inside the town, or an ancestor of it (a county-wide record shared with every town). */
const regionOk = (code: string, town: string) => code.startsWith(regionPrefix(town)) || regionPrefix(town).startsWith(regionPrefix(code));
/** The fields naming the department or enterprise a record belongs to (it is the account's own when any of them is). */
const ORG_FIELDS = ['orgId', 'ownerOrgId', 'supervisingOrgId', 'assigneeOrgId', 'assignedOrgId', 'targetOrgId', 'signerOrgId'];
const ENTERPRISE_FIELDS = ['enterpriseId', 'targetEnterpriseId', 'signerEnterpriseId'];
/** Why a record lies outside the scope, or null. */
function outside(scope: DataScope, r: Rec, e?: Entry): string | null {
  if (e?.kind === 'scoped-list' && e.shared?.(r)) return null;
  if (scope.kind === 'region' && typeof r.regionCode === 'string' && /^\d{12}$/.test(r.regionCode) && !regionOk(r.regionCode, scope.regionCode!)) return `regionCode ${r.regionCode}`;
  const own = scope.kind === 'org' ? scope.orgId : scope.kind === 'enterprise' ? scope.enterpriseId : undefined;
  const fields = scope.kind === 'org' ? ORG_FIELDS : scope.kind === 'enterprise' ? ENTERPRISE_FIELDS : [];
  const set = fields.filter((f) => typeof r[f] === 'string');
  if (set.length && !set.some((f) => r[f] === own)) return set.map((f) => `${f} ${r[f] as string}`).join(', ');
  return null;
}
/** A record's human label, as it would appear in an exported sheet. */
const labelOf = (r: Rec) => [r.number, r.name, r.title, r.creditCode].find((v) => typeof v === 'string' && v.length >= 4) as string | undefined;
async function sheetText(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => (row.values as unknown[]).forEach((v) => { if (v != null) parts.push(typeof v === 'object' ? JSON.stringify(v) : String(v)); })));
  return parts.join('\n');
}

const apiGets = () => t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/')).map((r) => r.url);
const listOf = (url: string, e: { list?: string }) => e.list ?? url.slice(0, url.indexOf('/:'));

/** Per scoped list: each account's answer (null when refused) and whether it is complete (total within the page). */
/** `account list` pairs where the leader's answer held records the account must not see (so the comparison had something to hold). */
const proven = new Set<string>();
/** Detail routes whose address answered 200 to the account that owns the record. */
const ownerSaw = new Set<string>();
/** Exports whose leader's file held names the towns' files must not. */
const exportsProven = new Set<string>();
const answers = new Map<string, Record<string, { items: Rec[]; body: string; complete: boolean } | null>>();

/** The pairs compared: each account, and the accounts whose records it must not see. */
const PAIRS: [string, string][] = [['town_baitang', 'town_luojiang'], ['town_luojiang', 'town_baitang'], ['town_baitang', 'leader'], ['dept_zhujian', 'leader'], ['ent_demo', 'leader']];

/** Records of `other`'s answer that `who` must not see: outside who's scope by field, or (two complete answers of the same role) seen by other and not by who. */
function foreign(list: string, who: string, other: string): Rec[] {
  const a = answers.get(list)!; const mine = a[who]; const theirs = a[other];
  if (!theirs) return [];
  const mineIds = new Set((mine?.items ?? []).map((r) => r.id));
  const same = who.startsWith('town_');
  return theirs.items.filter((r) => r.id && (outside(acc[who].scope, r, ROUTES[list]) !== null || (same && mine?.complete && theirs.complete && !mineIds.has(r.id))));
}

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2022-06-30T08:00:00Z');
  acc = {};
  for (const u of ['leader', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo']) {
    const cookie = await t.login(u);
    acc[u] = { username: u, cookie, scope: (await t.as(cookie, { method: 'GET', url: '/api/auth/me' })).json().scope };
  }
  // The demo county has no attachments: each account uploads one, so the file routes have records to compare.
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
  for (const u of ['town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo']) {
    const boundary = `----scope${u}`;
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${u}-现场.png"\r\nContent-Type: image/png\r\n\r\n`),
      png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const r = await t.as(acc[u].cookie, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    if (r.statusCode !== 200) throw new Error(`upload as ${u}: ${r.statusCode} ${r.body}`);
  }
}, 600_000);
afterAll(async () => {
  console.log(`scope matrix: ${counts.routes} GET routes classified; ${counts.accountChecks} route × account checks (${counts.refused403} refused by permission); `
    + `${counts.recordsCompared} records compared; ${counts.detailsRefused} other-scope details refused; ${counts.exportsChecked} exports and ${counts.summariesChecked} summaries checked (${counts.summaryValues} region codes and owners in them); `
    + `proven by the leader's answer: ${proven.size} list × account comparisons, ${ownerSaw.size} detail routes, ${exportsProven.size} exports`);
  const idle = Object.entries(ROUTES).filter(([u, e]) => e.kind === 'detail' && !ownerSaw.has(u)).map(([u]) => u);
  console.log(`detail routes with no other-scope record its owner could open (the demo has none, or the owner lacks the permission): ${idle.join(' ')}`);
  await t.close();
});

describe('scope matrix over the route table', () => {
  it('classifies every GET route, and lists none that no longer exists', () => {
    const gets = apiGets();
    counts.routes = gets.length;
    expect(gets.filter((u) => !ROUTES[u]), 'GET routes without an entry in ROUTES').toEqual([]);
    expect(Object.keys(ROUTES).filter((u) => !gets.includes(u)), 'stale entries').toEqual([]);
    for (const [u, e] of Object.entries(ROUTES)) {
      if (e.kind === 'detail') expect(ROUTES[listOf(u, e)]?.kind, `${u}: its list`).toBe('scoped-list');
      if (e.kind === 'export') expect(ROUTES[e.mirrors]?.kind, `${u}: the list it mirrors`).toBe('scoped-list');
    }
  });

  it('the checks flag a record of another town, department or enterprise, and pass the account\'s own and the county\'s', () => {
    const town: DataScope = { kind: 'region', regionCode: '430699101000' };
    expect(outside(town, { regionCode: '430699102203' })).toMatch(/regionCode/);
    expect([outside(town, { regionCode: '430699101201' }), outside(town, { regionCode: '430699000000' }), outside(town, {})]).toEqual([null, null, null]);
    const dept: DataScope = { kind: 'org', orgId: 'a' };
    expect(outside(dept, { ownerOrgId: 'b' })).toMatch(/ownerOrgId/);
    expect([outside(dept, { orgId: 'a', supervisingOrgId: 'b' }), outside(dept, { ownerOrgId: 'b', kind: 'overall' }, ROUTES['/api/command/plans'])]).toEqual([null, null]);
    const ent: DataScope = { kind: 'enterprise', enterpriseId: 'e' };
    expect(outside(ent, { enterpriseId: 'f' })).toMatch(/enterpriseId/);
    expect(regionCodesIn({ items: [{ regionCode: '430699102000', nested: { regionCode: '430699101000' } }] })).toEqual(['430699102000', '430699101000']);
    expect(valuesIn([{ x: { targetEnterpriseId: 'f' } }], ENTERPRISE_FIELDS)).toEqual(['f']);
  });

  it('scoped lists: no account sees another\'s records, and every record lies in its scope', async () => {
    const wrong: string[] = [];
    const lists = Object.entries(ROUTES).filter(([, e]) => e.kind === 'scoped-list') as [string, { query?: string }][];
    for (const [url, e] of lists) {
      const per: Record<string, { items: Rec[]; body: string; complete: boolean } | null> = {};
      for (const a of Object.values(acc)) {
        const r = await get(a, withQuery(url, `pageSize=200${e.query ? `&${e.query}` : ''}`));
        counts.accountChecks++;
        if (r.statusCode === 403) { per[a.username] = null; counts.refused403++; continue; }
        if (r.statusCode !== 200) { wrong.push(`${a.username} ${url} → ${r.statusCode} ${r.body.slice(0, 120)}`); per[a.username] = null; continue; }
        const j = r.json(); const items = itemsOf(j);
        per[a.username] = { items, body: r.body, complete: typeof j?.total === 'number' ? j.total <= items.length : !(j?.truncated) };
        if (a.scope.kind === 'region') {
          const bad = regionCodesIn(j).filter((c) => !regionOk(c, a.scope.regionCode!));
          if (bad.length) wrong.push(`${a.username} ${url}: regions outside ${a.scope.regionCode}: ${[...new Set(bad)].slice(0, 5).join(', ')}`);
        }
        for (const it of items) { const why = outside(a.scope, it, ROUTES[url]); if (why) { wrong.push(`${a.username} ${url}: ${it.id ?? JSON.stringify(it).slice(0, 80)} ${why}`); break; } }
      }
      answers.set(url, per);
      for (const [who, other] of PAIRS) {
        if (!per[who]) continue;
        const theirs = foreign(url, who, other); const ids = new Set(theirs.map((r) => r.id));
        counts.recordsCompared += per[who]!.items.length + theirs.length;
        const leaked = per[who]!.items.filter((r) => r.id && ids.has(r.id));
        if (leaked.length) wrong.push(`${who} ${url}: sees ${leaked.length} of ${other}'s records, e.g. ${leaked[0].id}`);
        // The check can fail: the county leader, who sees everything, does see the records compared.
        if (per.leader && theirs.length) {
          const leaderIds = new Set(per.leader.items.map((r) => r.id));
          if (theirs.some((r) => leaderIds.has(r.id))) proven.add(`${who} ${url}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The comparison had something to hold on most lists: the leader's answer held records the account must not see.
    expect(proven.size).toBeGreaterThan(60);
  }, 600_000);

  it('details: another account\'s records answer 403 or 404', async () => {
    const wrong: string[] = [];
    for (const [url, e] of Object.entries(ROUTES)) {
      if (e.kind !== 'detail') continue;
      const list = listOf(url, e);
      for (const [who, other] of PAIRS) {
        for (const rec of foreign(list, who, other).slice(0, 3)) {
          // An incident's report: one of that incident's own reports (from the leader's report list), so the address is real.
          const reportId = answers.get('/api/command/reports')?.leader?.items.find((x) => x.incidentId === rec.id)?.id;
          let u = url.replace(':id', rec.id!).replace(':reportId', reportId ?? ':reportId').replace(/:(\w+)/g, '01900000-0000-7000-8000-000000000000');
          if (e.query) u = withQuery(url.includes('/:id') ? u : url, e.query.replace(':id', rec.id!));
          const r = await get(acc[who], u);
          counts.accountChecks++;
          // The same address answers the record's own account, so a refusal above is the scope, not a wrong address.
          if (!ownerSaw.has(url) && (await get(acc[other], u)).statusCode === 200) ownerSaw.add(url);
          if (r.statusCode === 403 || r.statusCode === 404) counts.detailsRefused++;
          else wrong.push(`${who} ${u} (${other}'s ${rec.id}) → ${r.statusCode} ${r.body.slice(0, 100)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(ownerSaw.size).toBeGreaterThan(50);
  }, 600_000);

  it('exports: 200/403/404, and another account\'s record names are not in the file', async () => {
    const wrong: string[] = [];
    for (const [url, e] of Object.entries(ROUTES)) {
      if (e.kind !== 'export') continue;
      for (const [who, other] of PAIRS) {
        const r = await get(acc[who], withQuery(url, e.query));
        counts.accountChecks++; counts.exportsChecked++;
        if (r.statusCode === 403 || r.statusCode === 404) { counts.refused403++; continue; }
        if (r.statusCode !== 200) { wrong.push(`${who} ${url} → ${r.statusCode} ${r.body.slice(0, 120)}`); continue; }
        const own = answers.get(e.mirrors)?.[who]?.body ?? '';
        const names = foreign(e.mirrors, who, other).map(labelOf).filter((n): n is string => !!n && !own.includes(n));
        const text = String(r.headers['content-type']).includes('spreadsheetml') ? await sheetText(r.rawPayload) : r.body;
        const seen = names.filter((n) => text.includes(n));
        counts.recordsCompared += names.length;
        if (seen.length) wrong.push(`${who} ${url}: contains ${other}'s ${seen.slice(0, 3).join('、')}`);
        // The names are findable: the county leader's file of the same list holds them.
        if (who === 'town_baitang' && names.length) {
          const l = await get(acc.leader, withQuery(url, e.query));
          const lt = String(l.headers['content-type']).includes('spreadsheetml') ? await sheetText(l.rawPayload) : l.body;
          if (names.some((n) => lt.includes(n))) exportsProven.add(url);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(exportsProven.size).toBeGreaterThanOrEqual(10);
  }, 600_000);

  it('summaries: every region in a town\'s figures lies in the town', async () => {
    const wrong: string[] = [];
    const leader = acc.leader;
    const formId = itemsOf((await get(leader, '/api/returns/forms?pageSize=1')).json())[0]?.id ?? '';
    const reportKeys = ((await get(leader, '/api/statistics/reports')).json().reports as { key: string }[]).map((r) => r.key);
    const layerKeys = ((await get(leader, '/api/situation/layers')).json().layers as { key: string }[]).map((l) => l.key);
    expect(formId && reportKeys.length && layerKeys.length).toBeTruthy();
    for (const [url, e] of Object.entries(ROUTES)) {
      if (e.kind !== 'summary') continue;
      const urls = e.url === 'REPORTS' ? reportKeys.map((k) => `/api/statistics/reports/${k}`)
        : e.url === 'REPORTS_XLSX' ? reportKeys.map((k) => `/api/statistics/reports/${k}.xlsx`)
          : e.url === 'LAYERS' ? layerKeys.map((k) => `/api/situation/layers/${k}`) : [e.url ?? url];
      for (const u0 of urls) {
        const u = withQuery(u0.replace(':form', formId), e.query?.replace(':form', formId));
        for (const who of ['town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo']) {
          const a = acc[who];
          const r = await get(a, u);
          counts.accountChecks++; counts.summariesChecked++;
          if (r.statusCode === 403) { counts.refused403++; continue; }
          if (r.statusCode !== 200) { wrong.push(`${who} ${u} → ${r.statusCode} ${r.body.slice(0, 120)}`); continue; }
          const ct = String(r.headers['content-type']);
          if (a.scope.kind !== 'region') {
            // A department's or an enterprise's figures name no other department or enterprise as the owner of what they count.
            const own = a.scope.kind === 'org' ? a.scope.orgId : a.scope.enterpriseId;
            const fields = a.scope.kind === 'org' ? ORG_FIELDS : ENTERPRISE_FIELDS;
            const values = ct.includes('json') ? valuesIn(r.json(), fields) : [];
            counts.summaryValues += values.length;
            const others = values.filter((v) => v !== own);
            if (others.length) wrong.push(`${who} ${u}: names other owners ${[...new Set(others)].slice(0, 3).join(', ')}`);
            continue;
          }
          const codes = ct.includes('json') ? regionCodesIn(r.json())
            : ct.includes('spreadsheetml') ? [...(await sheetText(r.rawPayload)).matchAll(/\b(4306\d{8})\b/g)].map((m) => m[1]) : [];
          counts.summaryValues += codes.length;
          const bad = codes.filter((c) => !regionOk(c, a.scope.regionCode!));
          if (bad.length) wrong.push(`${who} ${u}: regions outside ${a.scope.regionCode}: ${[...new Set(bad)].slice(0, 5).join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
