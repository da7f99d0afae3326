// 应急预案 through the API against the demo county: the version workflow and its refusals, the diff, plan matching
// for an incident (ranking and reasons), filing with revision reminders over simulated time, and data scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../../contracts/command-plans.js';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { matchPlans, planActions, planGroups } from './directory.js';
import { sendRevisionReminders } from './filing.service.js';

let t: TestApp;
let staff: string;
const P = '/api/command/plans';
const T0 = '2026-06-10T02:00:00.000Z';
const BAITANG = '430699101000';

const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const put = (c: string, url: string, payload: object) => t.as(c, { method: 'PUT', url, payload });
const ok = async <T = any>(r: Promise<{ statusCode: number; body: string; json(): any }>): Promise<T> => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };
const one = <T>(q: ReturnType<typeof sql>) => t.p.db.one<T>(q);

const none = { thresholds: [], grades: [], beyondTownCapacity: false, beyondCountyCapacity: false, kinds: [], text: '' };
const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  summary: '适用于测试区域内的危险化学品事故。', command: { commander: '分管副市长', deputies: ['应急管理局局长'], office: '应急管理局' },
  groups: [{ id: 'g1', name: '抢险救援组', leadUnit: '消防救援大队', leadOrgId: null, members: ['综合应急救援大队'], duties: '搜救和险情控制' }],
  levels: [
    { level: 3, name: '较大', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 3 }] } },
    { level: 4, name: '一般', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 1 }, { metric: 'injured', min: 3 }] } },
  ],
  actions: [
    { id: 'a1', level: 4, role: '抢险救援组', action: '调派就近救援力量赶赴现场', dueMinutes: 30 },
    { id: 'a2', level: 3, role: '抢险救援组', action: '调集专业救援队伍和专家', dueMinutes: 90 },
  ],
  ...over,
});
const orgId = async (name: string) => (await one<{ id: string }>(sql`select id from organizations where name = ${name}`)).id;

beforeAll(async () => { t = await buildTestApp(); t.now.value = new Date(T0); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

describe('version workflow: drafting → 会签 → approval → published → superseded', () => {
  it('moves through 会签 and approval, refuses the moves that are not allowed, and supersedes the old version on publication', async () => {
    const plan = await ok(post(staff, P, { kind: 'special', title: `测试危化专项预案${Date.now()}`, scopeKinds: ['hazchem'], content: content(), label: '2026版' }));
    const v1 = plan.versions[0].id;
    expect(plan.versions[0]).toMatchObject({ status: 'drafting', versionNo: 1, label: '2026版' });
    // Approval straight from drafting is refused with the state named.
    const early = await post(staff, `${P}/versions/${v1}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态「起草中」不能执行「审批发布」');

    const zhujian = await orgId('汨水市住房和城乡建设局');
    const police = await orgId('汨水市公安局');
    let v = await ok(post(staff, `${P}/versions/${v1}/countersign`, { orgIds: [zhujian, police] }));
    expect(v.status).toBe('countersign');
    expect(v.countersigns.map((c: { orgName: string }) => c.orgName).sort()).toEqual(['汨水市住房和城乡建设局', '汨水市公安局'].sort());
    // Editing during 会签 is refused.
    expect((await put(staff, `${P}/versions/${v1}/content`, { content: content() })).statusCode).toBe(409);
    // The department answers for itself; it cannot answer for another unit.
    const dept = await t.login('dept_zhujian');
    expect((await post(dept, `${P}/versions/${v1}/opinion`, { orgId: police, opinion: 'agree' })).statusCode).toBe(403);
    await ok(post(dept, `${P}/versions/${v1}/opinion`, { opinion: 'agree', comment: '同意' }));
    const waiting = await post(staff, `${P}/versions/${v1}/submit`);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.message).toBe('还有 1 个单位未提出会签意见：汨水市公安局');
    expect((await post(staff, `${P}/versions/${v1}/opinion`, { orgId: police, opinion: 'disagree' })).json().error.message).toMatch(/写明意见/);
    await ok(post(staff, `${P}/versions/${v1}/opinion`, { orgId: police, opinion: 'disagree', comment: '请明确交通管制分工' }));
    expect((await post(staff, `${P}/versions/${v1}/submit`)).json().error.message).toBe('汨水市公安局不同意，请退回修改后重新会签');
    // Return needs a reason; then edit and run a second round.
    expect((await post(staff, `${P}/versions/${v1}/return`, {})).statusCode).toBe(400);
    v = await ok(post(staff, `${P}/versions/${v1}/return`, { comment: '按公安局意见修改' }));
    expect(v).toMatchObject({ status: 'drafting', decisionComment: '按公安局意见修改' });
    const edited = content();
    edited.groups.push({ id: 'g2', name: '治安警戒组', leadUnit: '汨水市公安局', leadOrgId: police, members: ['交通运输局'], duties: '现场警戒和交通管制' });
    edited.actions.push({ id: 'a3', level: 4, role: '治安警戒组', action: '设置警戒区域，实施交通管制', dueMinutes: 30 });
    await ok(put(staff, `${P}/versions/${v1}/content`, { content: edited }));
    v = await ok(post(staff, `${P}/versions/${v1}/countersign`, { orgIds: [police] }));
    expect(v.countersigns.filter((c: { round: number }) => c.round === 2)).toHaveLength(1);
    await ok(post(staff, `${P}/versions/${v1}/opinion`, { orgId: police, opinion: 'agree' }));
    expect((await ok(post(staff, `${P}/versions/${v1}/submit`))).status).toBe('approval');
    // A town account cannot approve a county plan (and cannot see it to write).
    const town = await t.login('town_baitang');
    expect((await post(town, `${P}/versions/${v1}/approve`)).statusCode).toBe(403);
    v = await ok(post(staff, `${P}/versions/${v1}/approve`, { comment: '同意发布' }));
    expect(v).toMatchObject({ status: 'published', decisionComment: '同意发布', publishedAt: T0 });
    expect(v.moves).toEqual([]);

    // A revision: copied from the published version; a second open revision is refused.
    const v2 = await ok(post(staff, `${P}/${plan.id}/versions`, { label: '2026修订版', changeNote: '提高Ⅲ级门槛' }));
    expect(v2.content.groups.map((g: { name: string }) => g.name)).toEqual(['抢险救援组', '治安警戒组']);
    expect((await post(staff, `${P}/${plan.id}/versions`, { label: 'x' })).statusCode).toBe(409);
    const revised = structuredClone(v2.content) as PlanContent;
    revised.levels[0].triggers.thresholds[0].min = 4;
    revised.actions = revised.actions.filter((a) => a.id !== 'a2');
    revised.summary = '适用于本市测试区域内的危险化学品事故。';
    await ok(put(staff, `${P}/versions/${v2.id}/content`, { content: revised }));
    await ok(post(staff, `${P}/versions/${v2.id}/submit`));
    await ok(post(staff, `${P}/versions/${v2.id}/approve`));
    const detail = await ok(get(staff, `${P}/${plan.id}`));
    expect(detail.versions.map((x: { status: string }) => x.status)).toEqual(['published', 'superseded']);
    expect(detail.publishedVersionId).toBe(v2.id);
    expect((await put(staff, `${P}/versions/${v1}/content`, { content: revised })).json().error.message).toMatch(/只有起草中的版本可以修改/);

    // The diff of the two versions, structured.
    const diff = await ok(get(staff, `${P}/diff?from=${v1}&to=${v2.id}`));
    expect(diff.counts).toEqual({ added: 0, removed: 1, changed: 2 });
    expect(diff.changes.find((c: { section: string }) => c.section === 'level')).toMatchObject({ change: 'changed', key: '3',
      fields: [{ field: 'thresholds', before: '死亡（含失踪）≥3 人', after: '死亡（含失踪）≥4 人' }] });
    expect(diff.changes.find((c: { section: string }) => c.section === 'action')).toMatchObject({ change: 'removed', key: 'a2' });
    expect(diff.changes.find((c: { section: string }) => c.section === 'summary').fields[0].parts).toContainEqual({ op: 'add', text: '本市' });

    // Every move is in the audit trail.
    const actions = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${v1} order by seq`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['command.plan.version.countersign', 'command.plan.version.opinion',
      'command.plan.version.return', 'command.plan.version.edit', 'command.plan.version.submit', 'command.plan.version.approve', 'command.plan.version.supersede']));
  });

  it('refuses content whose higher level starts below a lower one, actions at undefined levels, and unknown lead units', async () => {
    const bad = content();
    bad.levels[0].triggers.thresholds[0].min = 0; // Ⅲ级 ≥0 below Ⅳ级 ≥1
    const r = await post(staff, P, { kind: 'special', title: '错误预案', scopeKinds: ['hazchem'], content: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('Ⅲ级的「死亡（含失踪）≥0」低于Ⅳ级的「≥1」，级别越高条件应越严重，请检查');
    const orphan = content({ actions: [{ id: 'x', level: 1, role: '抢险救援组', action: '请求省级支援', dueMinutes: null }] });
    expect((await post(staff, P, { kind: 'special', title: '错误预案', scopeKinds: ['hazchem'], content: orphan })).json().error.message).toMatch(/没有定义该响应级别/);
    const ghost = content();
    ghost.groups[0].leadOrgId = '01900000-0000-7000-8000-0000000000ff';
    expect((await post(staff, P, { kind: 'special', title: '错误预案', scopeKinds: ['hazchem'], content: ghost })).json().error.message).toMatch(/牵头单位在组织机构中不存在/);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from command_plans where title = '错误预案'`)).toEqual({ n: 0 });
  });
});

describe('matching plans to an incident (PlansDirectory)', () => {
  it('ranks the enterprise plan, then the town plan, the 专项 and the 总体 plan, with reasons and each plan\'s level', async () => {
    const mine = await one<{ id: string; region_code: string }>(sql`select id, region_code from enterprises where name = '汨水市佳禾矿业有限公司'`);
    expect(mine.region_code.startsWith('430699101')).toBe(true);
    const facts = { kind: 'mine' as const, grade: 'larger' as const, regionCode: mine.region_code, enterpriseId: mine.id, dead: 3, injured: 0, missing: 0, trapped: 0, lossWan: 0, relocated: 0 };
    const matches = await matchPlans(t.p.db, facts);
    const kinds = matches.map((m) => m.planKind);
    expect(kinds.indexOf('enterprise')).toBe(0);
    expect(kinds.indexOf('town')).toBeLessThan(kinds.indexOf('special'));
    expect(kinds.indexOf('special')).toBeLessThan(kinds.indexOf('overall'));
    expect(matches.map((m) => m.rank)).toEqual(matches.map((_, i) => i + 1));
    const [own, townPlan] = matches;
    expect(own.title).toBe('汨水市佳禾矿业有限公司生产安全事故应急预案');
    expect(own.reasons).toEqual(['适用范围包含矿山事故', '事发单位汨水市佳禾矿业有限公司自身的应急预案', '企业应急预案，针对性排序 企业 > 乡镇 > 专项 > 部门 > 总体',
      expect.stringMatching(/^达到Ⅰ级响应启动条件：死亡（含失踪） 3 人/)]);
    expect(own.proposedLevel).toBe(1);
    expect(townPlan.title).toBe('白塘镇突发事件应急预案');
    expect(townPlan.reasons[1]).toBe('事发地属白塘镇，适用其乡镇（街道）应急预案');
    const special = matches.find((m) => m.title === '汨水市矿山事故应急预案')!;
    expect(special).toMatchObject({ proposedLevel: 3, levelReason: '死亡（含失踪） 3 人，达到“死亡（含失踪）≥3 人”，启动Ⅲ级响应（较大事故响应）' });
    // Other towns' plans and other enterprises' plans do not apply.
    expect(matches.some((m) => m.title.startsWith('罗江镇'))).toBe(false);
    expect(matches.filter((m) => m.planKind === 'enterprise')).toHaveLength(1);
    // No plan whose scope leaves the kind out.
    expect(matches.some((m) => m.title.includes('道路运输'))).toBe(false);
    // The route gives the same answer to the duty desk.
    const viaRoute = await ok(post(staff, `${P}/match`, facts));
    expect(viaRoute.map((m: { planId: string }) => m.planId)).toEqual(matches.map((m) => m.planId));
  });

  it('gives the actions of a level with their lead units, and the organisation', async () => {
    const matches = await matchPlans(t.p.db, { kind: 'hazchem', grade: 'ordinary', regionCode: '430699000000', enterpriseId: null, dead: 0, injured: 3, missing: 0, trapped: 0, lossWan: 0, relocated: 0 });
    const hc = matches.find((m) => m.title === '汨水市危险化学品事故应急预案')!;
    expect(hc.proposedLevel).toBe(4);
    const actions = await planActions(t.p.db, hc.versionId, 4);
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.every((a) => a.level === 4)).toBe(true);
    expect(actions.find((a) => a.role === '抢险救援组')).toMatchObject({ leadUnit: '汨水市消防救援大队', leadOrgId: await orgId('汨水市消防救援大队'), dueMinutes: 30 });
    const groups = await planGroups(t.p.db, hc.versionId);
    expect(groups.find((g) => g.name === '环境监测组')).toMatchObject({ leadUnit: '岳阳市生态环境局汨水分局', leadOrgId: null });
  });
});

describe('enterprise filing and revision reminders', () => {
  it('files a published enterprise plan, sets its revision date three years on, and reminds 90 and 30 days before, once each', async () => {
    const ent = await t.login('ent_demo');
    const plan = await ok(post(ent, P, { kind: 'enterprise', title: '恒达化工现场处置方案（测试）', scopeKinds: ['hazchem'], content: content() }));
    expect((await post(ent, `${P}/${plan.id}/filing`)).json().error.message).toMatch(/请先完成审批发布/);
    const vid = plan.versions[0].id;
    await ok(post(ent, `${P}/versions/${vid}/submit`));
    await ok(post(ent, `${P}/versions/${vid}/approve`)); // 企业预案 signed off by the enterprise itself
    expect((await ok(post(ent, `${P}/${plan.id}/filing`))).filingStatus).toBe('submitted');
    expect((await post(ent, `${P}/${plan.id}/filing/review`, { result: 'filed' })).statusCode).toBe(403);
    expect((await post(staff, `${P}/${plan.id}/filing/review`, { result: 'returned' })).json().error.message).toBe('退回备案请写明原因');
    const filed = await ok(post(staff, `${P}/${plan.id}/filing/review`, { result: 'filed', comment: '形式审查合格' }));
    expect(filed).toMatchObject({ filingStatus: 'filed', filedOn: '2026-06-10', revisionDue: '2029-06-10', filingNumber: expect.stringMatching(/^汨应急预备〔2026〕\d+号$/) });

    const sent = async (iso: string) => { t.now.value = new Date(iso); await sendRevisionReminders(t.p);
      return (await t.p.db.query<{ days_before: number }>(sql`select days_before from command_plan_revision_reminders where plan_id = ${plan.id} order by days_before desc`)).map((r) => r.days_before); };
    try {
      expect(await sent('2029-03-11T15:59:59.000Z')).toEqual([]); // 2029-03-11 23:59 in Shanghai: 91 days left
      expect(await sent('2029-03-11T16:00:00.000Z')).toEqual([90]); // 2029-03-12 00:00: 90 days left
      expect(await sent('2029-03-12T16:00:00.000Z')).toEqual([90]); // nothing new the next day
      expect(await sent('2029-05-10T15:59:59.000Z')).toEqual([90]); // 31 days left
      expect(await sent('2029-05-10T16:00:00.000Z')).toEqual([90, 30]); // 2029-05-11: 30 days left
    } finally {
      t.now.value = new Date(T0);
    }
    const entAccount = await one<{ id: string }>(sql`select id from accounts where username = 'ent_demo'`);
    const inbox = await t.p.db.query<{ body: string }>(sql`select body from notifications where account_id = ${entAccount.id} and link = ${`/command/plans/${plan.id}`} and channel = 'inapp' and title = '应急预案修订即将到期'`);
    expect(inbox.map((n) => n.body).sort()).toEqual([expect.stringContaining('将于 2029-06-10 到期（还有 30 天）'), expect.stringContaining('将于 2029-06-10 到期（还有 90 天）')]);
  });

  it('records drills and flags a plan whose drill is overdue', async () => {
    const ent = await t.login('ent_demo');
    const { items } = await ok(get(ent, `${P}?kind=enterprise&pageSize=50`));
    const own = items.find((p: { title: string }) => p.title === '汨水市恒达化工有限公司生产安全事故应急预案');
    expect(own.drillIntervalMonths).toBe(6);
    expect(own.drillOverdue).toBe(true); // its last drill was in 2022
    expect((await post(ent, `${P}/${own.id}/drills`, { drilledOn: '2026-07-01', kind: 'live', title: '泄漏处置演练', participants: 30 })).json().error.message).toMatch(/不能晚于今天/);
    const after = await ok(post(ent, `${P}/${own.id}/drills`, { drilledOn: '2026-06-09', kind: 'live', title: '泄漏处置演练', participants: 30, problems: '警戒区偏小' }));
    expect(after).toMatchObject({ drillOverdue: false, drillDue: '2026-12-09', lastDrill: { drilledOn: '2026-06-09', title: '泄漏处置演练' } });
  });
});

describe('data scope', () => {
  it('shows an enterprise only its own plans, and refuses it other kinds of plan', async () => {
    const ent = await t.login('ent_demo');
    const me = await one<{ scope_enterprise_id: string }>(sql`select scope_enterprise_id from accounts where username = 'ent_demo'`);
    const { items, total } = await ok(get(ent, `${P}?pageSize=200`));
    expect(total).toBeGreaterThan(0);
    expect(items.every((p: { enterpriseId: string }) => p.enterpriseId === me.scope_enterprise_id)).toBe(true);
    const county = await one<{ id: string }>(sql`select id from command_plans where kind = 'overall' limit 1`);
    expect((await get(ent, `${P}/${county.id}`)).statusCode).toBe(404);
    expect((await post(ent, P, { kind: 'special', title: '企业想建专项预案', scopeKinds: ['hazchem'] })).statusCode).toBe(403);
  });

  it('shows a town its own plans and the county\'s, not another town\'s; it edits only its own', async () => {
    const town = await t.login('town_baitang');
    const { items } = await ok(get(town, `${P}?pageSize=200`));
    expect(items.length).toBeGreaterThan(8);
    for (const p of items) expect(p.regionCode.startsWith('430699101') || p.regionCode === '430699000000').toBe(true);
    expect(items.some((p: { title: string }) => p.title === '白塘镇突发事件应急预案')).toBe(true);
    expect(items.some((p: { title: string }) => p.title === '汨水市突发事件总体应急预案')).toBe(true);
    const luojiang = await one<{ id: string }>(sql`select id from command_plans where title = '罗江镇突发事件应急预案'`);
    expect((await get(town, `${P}/${luojiang.id}`)).statusCode).toBe(404);
    const overall = items.find((p: { kind: string }) => p.kind === 'overall');
    expect((await t.as(town, { method: 'PATCH', url: `${P}/${overall.id}`, payload: { title: '改名' } })).statusCode).toBe(403);
    const own = items.find((p: { title: string }) => p.title === '白塘镇突发事件应急预案');
    expect((await ok(t.as(town, { method: 'PATCH', url: `${P}/${own.id}`, payload: { scopeKinds: ['flood', 'geological'] } }))).scopeKinds).toEqual(['flood', 'geological']);
    // A town plan must be placed in a town.
    expect((await post(town, P, { kind: 'town', title: '白塘镇防汛预案', scopeKinds: ['flood'], regionCode: BAITANG })).statusCode).toBe(200);
    expect((await post(town, P, { kind: 'town', title: '罗江镇防汛预案', scopeKinds: ['flood'], regionCode: '430699102000' })).statusCode).toBe(403);
  });
});

describe('list, export and the original document', () => {
  it('filters by kind, scope, status and search, and exports the filtered list to Excel', async () => {
    const special = await ok(get(staff, `${P}?kind=special&scopeKind=flood&pageSize=50`));
    expect(special.items.map((p: { title: string }) => p.title)).toEqual(expect.arrayContaining(['汨水市防汛抗旱应急预案', '汨水市自然灾害救助应急预案']));
    expect(special.items.every((p: { kind: string; scopeKinds: string[] }) => p.kind === 'special' && p.scopeKinds.includes('flood'))).toBe(true);
    const progress = await ok(get(staff, `${P}?status=in_progress&q=森林火灾`));
    expect(progress.items[0]).toMatchObject({ title: '汨水市森林火灾应急预案', openVersionStatus: 'countersign' });
    const pending = await ok(get(staff, `${P}?filing=submitted`));
    expect(pending.total).toBeGreaterThan(0);
    const x = await t.as(staff, { method: 'GET', url: `${P}/export?kind=town` });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('attaches a PDF original and previews it inline', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const b = '----plansboundary';
    const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="预案原件.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${b}--\r\n`)]);
    const file = await ok(t.as(staff, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } }));
    const { items } = await ok(get(staff, `${P}?kind=overall`));
    const v = await ok(put(staff, `${P}/versions/${items[0].publishedVersionId}/attachment`, { fileId: file.id }));
    expect(v.attachment).toMatchObject({ name: '预案原件.pdf', mime: 'application/pdf', previewable: true });
    const r = await get(staff, `${P}/versions/${items[0].publishedVersionId}/preview`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^inline/);
    expect(r.rawPayload.equals(pdf)).toBe(true);
  });
});
