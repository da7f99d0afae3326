// 突发事件 through the API against the demo county: intake and grading, the response level and its approval,
// tasks from the plan, feedback, dispatch with stock out, closing with lessons, and scope on every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { DEMO_PASSWORD, buildTestApp, type TestApp } from '../../../testing/app.js';
import { plansDirectory } from '../plans/directory.js';

let t: TestApp; let staff: string; let leader: string;
const B = '/api/command/incidents';
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const ok = async <T = any>(r: Promise<{ statusCode: number; body: string; json(): any }>): Promise<T> => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };

let hengda: { id: string; name: string; region_code: string; lng: number; lat: number };
const BAITANG = '430699101000';

async function account(roles: string[], scope: { kind: 'all' } | { kind: 'region'; region: string } | { kind: 'org'; org: string } = { kind: 'all' }, orgId?: string) {
  const id = uuidv7();
  const username = `inc_${roles.join('_')}_${id.slice(-8)}`;
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, roles, org_id, scope_kind, scope_region_code, scope_org_id, password_hash, must_change_password)
    values (${id}, ${username}, ${'测试' + roles.join('')}, ${roles}::text[], ${orgId ?? (scope.kind === 'org' ? scope.org : null)}, ${scope.kind},
    ${scope.kind === 'region' ? scope.region : null}, ${scope.kind === 'org' ? scope.org : null}, ${await t.p.hasher.hash(DEMO_PASSWORD)}, false)`);
  return { id, cookie: await t.login(username) };
}

const leak = (extra: object = {}) => ({
  source: 'phone', reporterName: '张值班', reporterPhone: '13900001234', occurredAt: new Date(t.now.value.getTime() - 20 * 60_000).toISOString(),
  address: '循环园恒达化工罐区', kind: 'hazchem', enterpriseId: hengda.id, description: '储罐阀门泄漏，现场有刺激性气味', injured: 2, ...extra,
});

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-06-01T02:00:00Z');
  [staff, leader] = await Promise.all([t.login('staff'), t.login('leader')]);
  hengda = await t.p.db.one(sql`select id, name, region_code, lng, lat from enterprises where name = '汨水市恒达化工有限公司'`);
});
afterAll(async () => { await t.close(); });

describe('grading (事件分级)', () => {
  const grade = async (kind: string, f: object) => (await ok(post(staff, `${B}/grade`, { kind, ...f }))).grade;

  it('grades production-safety accidents at each 493号令 boundary (以上含本数)', async () => {
    for (const kind of ['hazchem', 'mine', 'fireworks', 'industrial', 'fire', 'traffic']) {
      expect(await grade(kind, { dead: 2 })).toBe('ordinary');
      expect(await grade(kind, { dead: 3 })).toBe('larger');
      expect(await grade(kind, { dead: 2, missing: 1 })).toBe('larger'); // 死亡含失踪
      expect(await grade(kind, { dead: 9 })).toBe('larger');
      expect(await grade(kind, { dead: 10 })).toBe('major');
      expect(await grade(kind, { dead: 29 })).toBe('major');
      expect(await grade(kind, { dead: 30 })).toBe('especially_major');
      expect(await grade(kind, { injured: 9 })).toBe('ordinary');
      expect(await grade(kind, { injured: 10 })).toBe('larger');
      expect(await grade(kind, { injured: 49 })).toBe('larger');
      expect(await grade(kind, { injured: 50 })).toBe('major');
      expect(await grade(kind, { injured: 99 })).toBe('major');
      expect(await grade(kind, { injured: 100 })).toBe('especially_major');
      expect(await grade(kind, { lossWan: 999.99 })).toBe('ordinary');
      expect(await grade(kind, { lossWan: 1000 })).toBe('larger');
      expect(await grade(kind, { lossWan: 4999.99 })).toBe('larger');
      expect(await grade(kind, { lossWan: 5000 })).toBe('major');
      expect(await grade(kind, { lossWan: 9999.99 })).toBe('major');
      expect(await grade(kind, { lossWan: 10000 })).toBe('especially_major');
    }
  });

  it('grades natural disasters and other kinds by their configurable tables, with the rule that gave the grade', async () => {
    const cases: [string, object, string][] = [
      ['geological', { dead: 2, lossWan: 99 }, 'ordinary'], ['geological', { lossWan: 100 }, 'larger'], ['geological', { dead: 10 }, 'major'],
      ['geological', { lossWan: 999 }, 'major'], ['geological', { lossWan: 1000 }, 'especially_major'],
      ['forest_fire', { injured: 9 }, 'ordinary'], ['forest_fire', { injured: 10 }, 'larger'], ['forest_fire', { dead: 10 }, 'major'], ['forest_fire', { injured: 100 }, 'especially_major'],
      ['forest_fire', { lossWan: 50000 }, 'ordinary'], // area and loss are not criteria of the forest-fire table
      ['flood', { relocated: 999 }, 'ordinary'], ['flood', { relocated: 1000 }, 'larger'], ['flood', { relocated: 10000 }, 'major'], ['flood', { relocated: 100000 }, 'especially_major'],
      ['weather', { dead: 3 }, 'larger'], ['earthquake', { lossWan: 5000 }, 'major'],
      ['other', { dead: 2 }, 'ordinary'], ['other', { injured: 50 }, 'major'],
    ];
    for (const [kind, f, want] of cases) expect(await grade(kind, f), `${kind} ${JSON.stringify(f)}`).toBe(want);
    const r = await ok(post(staff, `${B}/grade`, { kind: 'flood', relocated: 1200 }));
    expect(r).toMatchObject({ gradeLabel: '较大', version: 'command.grading.natural@default', suggestedLevel: 3 });
    expect(r.rule).toMatch(/转移安置 1200 人，达 1000 人以上.*未经核实/);
    const hz = await ok(post(staff, `${B}/grade`, { kind: 'hazchem', dead: 1 }));
    expect(hz.rule).toMatch(/^一般：未达到较大.*国务院令第493号/);
  });

  it('follows a table the bureau changed in settings', async () => {
    const admin = await t.login('admin');
    const r = await t.as(admin, { method: 'PUT', url: '/api/settings/rules/command.grading.other', payload: { effectiveFrom: '2026-01-01', source: '县局 2026 年规定',
      value: { thresholds: [{ grade: 'larger', dead: 1, injured: null, lossWan: null, relocated: null }] } } });
    expect(r.statusCode, r.body).toBe(200);
    expect(await grade('other', { dead: 1 })).toBe('larger');
    expect(await grade('other', { dead: 30 })).toBe('larger');
  });
});

describe('intake, response and command', () => {
  let id: string;

  it('takes a report: numbered per year, graded with its rule, on the timeline, notified, audited', async () => {
    const before = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications`);
    const i = await ok(post(staff, B, leak()));
    id = i.id;
    expect(i.number).toMatch(/^SJ-2026-\d{4}$/);
    expect(i).toMatchObject({ grade: 'ordinary', status: 'reported', regionCode: hengda.region_code, enterpriseName: hengda.name, responseLevel: null, lng: hengda.lng });
    expect(i.gradeRule).toMatch(/一般/);
    const next = await ok(post(staff, B, leak({ title: '第二起' })));
    expect(Number(next.number.slice(-4))).toBe(Number(i.number.slice(-4)) + 1);
    const tl = await ok<any[]>(get(staff, `${B}/${id}/timeline`));
    expect(tl.map((x) => x.kind)).toEqual(['report', 'grade']);
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications`)).n).toBeGreaterThan(before.n);
    expect(await t.p.db.maybeOne(sql`select 1 from audit_log where action = 'command.incident.intake' and entity_id = ${id}`)).toBeTruthy();
  });

  it('refuses a report with a clear message: future time, no place, unknown enterprise', async () => {
    const future = await post(staff, B, leak({ occurredAt: new Date(t.now.value.getTime() + 3600_000).toISOString() }));
    expect(future.statusCode).toBe(400); expect(future.json().error.message).toMatch(/事发时间不能晚于现在/);
    const noPlace = await post(staff, B, leak({ enterpriseId: undefined }));
    expect(noPlace.json().error.message).toMatch(/请选择事发地所在乡镇/);
    expect((await post(staff, B, leak({ enterpriseId: uuidv7() }))).json().error.message).toMatch(/企业不存在/);
  });

  it('links a report to the monitoring alarm or the tip-off it came from, when the caller may see it', async () => {
    const alarm = await t.p.db.one<{ id: string }>(sql`select id from monitoring_alarms order by raised_at desc, id limit 1`);
    const tip = await t.p.db.one<{ id: string }>(sql`select id from enforcement_tipoffs order by received_at desc, id limit 1`);
    expect((await ok(post(staff, B, leak({ source: 'alarm', sourceRefId: alarm.id, title: '报警转接报' })))).sourceRefId).toBe(alarm.id);
    expect((await ok(post(staff, B, leak({ source: 'tipoff', sourceRefId: tip.id, title: '举报转接报' })))).sourceRefId).toBe(tip.id);
    expect((await post(staff, B, leak({ source: 'tipoff', sourceRefId: uuidv7() }))).json().error.message).toMatch(/关联的举报不存在/);
    expect((await post(staff, B, leak({ source: 'alarm', sourceRefId: uuidv7() }))).json().error.message).toMatch(/关联的监测报警不存在/);
    expect((await post(staff, B, leak({ source: 'phone', sourceRefId: tip.id }))).json().error.message).toMatch(/只有监测报警和举报来源/);
  });

  it('regrades when the casualties change and records it on the timeline', async () => {
    const r = await ok(post(staff, `${B}/${id}/facts`, { dead: 0, injured: 12, missing: 0, trapped: 1, lossWan: 80, relocated: 300, note: '医院核报' }));
    expect(r.grade).toBe('larger');
    const tl = await ok<any[]>(get(staff, `${B}/${id}/timeline`));
    expect(tl.at(-1)).toMatchObject({ kind: 'grade' });
    expect(tl.at(-1).text).toMatch(/由一般调整为较大/);
    await ok(post(staff, `${B}/${id}/facts`, { dead: 0, injured: 2, missing: 0, trapped: 0, lossWan: 20, relocated: 0, note: '核减' }));
  });

  it('ranks the matching plans with reasons and proposes a level', async () => {
    const m = await ok(get(staff, `${B}/${id}/plans`));
    expect(m.available).toBe(true);
    expect(m.matches.length).toBeGreaterThan(0);
    expect(m.matches.map((x: any) => x.rank)).toEqual(m.matches.map((_: unknown, k: number) => k + 1));
    expect(m.matches.some((x: any) => /危险化学品/.test(x.title))).toBe(true);
    expect(m.matches[0].reasons.length).toBeGreaterThan(0);
    expect([1, 2, 3, 4]).toContain(m.proposedLevel);
    // The enterprise's own plan ranks first and its 公司级 is met by the injured, but the county's level is not the enterprise's.
    expect(m.matches[0]).toMatchObject({ planKind: 'enterprise', proposedLevel: expect.any(Number) });
    expect(m.proposedLevel).toBe(4);
    expect(m.proposedReason).not.toMatch(/恒达化工/);
  });

  it('lets only a leader start the response; the post and the plan\'s tasks at that level follow', async () => {
    const m = await ok(get(staff, `${B}/${id}/plans`));
    const plan = m.matches.find((x: any) => /危险化学品事故应急预案/.test(x.title));
    expect((await post(staff, `${B}/${id}/start`, { level: 4, planId: plan.planId, reason: '启动' })).statusCode).toBe(403);
    expect((await post(leader, `${B}/${id}/start`, { level: 4, planId: uuidv7(), reason: '启动' })).json().error.message).toMatch(/预案不适用/);
    const i = await ok(post(leader, `${B}/${id}/start`, { level: 4, planId: plan.planId, versionId: plan.versionId, reason: '危化品泄漏，启动Ⅳ级响应' }));
    expect(i).toMatchObject({ status: 'responding', responseLevel: 4, planId: plan.planId });
    const actions = await plansDirectory.planActions(t.p.db, plan.versionId, 4);
    const groups = await plansDirectory.planGroups(t.p.db, plan.versionId);
    expect(actions.length).toBeGreaterThan(0);
    expect(i.tasks.map((x: any) => x.title).sort()).toEqual(actions.map((a) => a.action).sort());
    expect(i.tasks.every((x: any) => x.level === 4 && x.status === 'assigned')).toBe(true);
    expect(i.post.map((p: any) => p.groupName)).toEqual(['总指挥', ...groups.map((g) => g.name)]);
    expect(i.levelChanges).toMatchObject([{ kind: 'start', toLevel: 4, status: 'approved' }]);
    expect((await post(leader, `${B}/${id}/start`, { level: 3, reason: '再次启动' })).statusCode).toBe(409);
  });

  it('changes the level only with the approval of someone other than the proposer, and records each step', async () => {
    const both = await account(['staff', 'leader']);
    const p = await ok(post(both.cookie, `${B}/${id}/level-changes`, { toLevel: 3, reason: '泄漏扩大，需提升' }));
    expect(p.responseLevel).toBe(4);
    const change = p.levelChanges.find((c: any) => c.status === 'proposed');
    expect(change).toMatchObject({ kind: 'raise', fromLevel: 4, toLevel: 3 });
    expect((await post(staff, `${B}/${id}/level-changes`, { toLevel: 2, reason: '再提' })).statusCode).toBe(409); // one pending at a time
    expect((await post(staff, `${B}/level-changes/${change.id}/decide`, { approve: true })).statusCode).toBe(403);
    const self = await post(both.cookie, `${B}/level-changes/${change.id}/decide`, { approve: true });
    expect(self.statusCode).toBe(403); expect(self.json().error.message).toMatch(/提请人不能审批/);
    await ok(post(leader, `${B}/level-changes/${change.id}/decide`, { approve: true, note: '同意' }));
    const i = await ok(get(staff, `${B}/${id}`));
    expect(i.responseLevel).toBe(3);
    expect(i.levelChanges.at(-1)).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    // The raise adds the Ⅲ级 actions, but not again the Ⅳ级 ones the plan repeats at Ⅲ级.
    const three = await plansDirectory.planActions(t.p.db, i.planVersionId, 3);
    const keys = i.tasks.map((x: any) => `${x.groupName}|${x.title}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(three.every((a) => keys.includes(`${a.role}|${a.action}`))).toBe(true);
    expect(i.tasks.some((x: any) => x.level === 3)).toBe(true);
    const lowered = await ok(post(staff, `${B}/${id}/level-changes`, { toLevel: 4, reason: '险情控制' }));
    const c2 = lowered.levelChanges.at(-1);
    expect((await post(leader, `${B}/level-changes/${c2.id}/decide`, { approve: false })).json().error.message).toMatch(/驳回请填写理由/);
    await ok(post(leader, `${B}/level-changes/${c2.id}/decide`, { approve: false, note: '仍需观察' }));
    expect((await ok(get(staff, `${B}/${id}`))).responseLevel).toBe(3);
    const tl = await ok<any[]>(get(staff, `${B}/${id}/timeline`));
    expect(tl.filter((x) => x.kind === 'level').map((x) => x.text).join('\n')).toMatch(/提请.*提升为Ⅲ级[\s\S]*批准[\s\S]*驳回/);
    expect(await t.p.db.maybeOne(sql`select 1 from audit_log where action = 'command.incident.level_approve' and entity_id = ${id}`)).toBeTruthy();
  });

  it('lets the assignee read and answer a task; the commander accepts or sends it back', async () => {
    const rescuerOrg = (await t.p.db.one<{ org_id: string }>(sql`select scope_org_id as org_id from accounts where username = 'rescuer_demo'`)).org_id;
    const rescuer = await t.login('rescuer_demo');
    const town = await t.login('town_luojiang');
    const i = await ok(post(staff, `${B}/${id}/tasks`, { title: '搜救被困人员并设置警戒', assigneeOrgId: rescuerOrg, dueAt: new Date(t.now.value.getTime() + 3600_000).toISOString() }));
    const task = i.tasks.at(-1);
    const mine = await ok(get(rescuer, `${B}/tasks?open=true`));
    expect(mine.items.map((x: any) => x.id)).toContain(task.id);
    expect(mine.items.every((x: any) => x.mine && x.incidentStatus === 'responding' && x.status !== 'accepted')).toBe(true);
    expect(mine.items[0]).toMatchObject({ id: task.id, status: 'assigned' }); // open tasks to sign for come first
    expect((await ok(get(rescuer, `${B}/tasks?q=${encodeURIComponent('搜救被困')}`))).items.map((x: any) => x.id)).toEqual([task.id]);
    expect((await ok(get(rescuer, `${B}/tasks?status=accepted&q=${encodeURIComponent('搜救被困')}`))).total).toBe(0);
    expect((await ok(get(town, `${B}/tasks?q=${encodeURIComponent('搜救被困')}`))).total).toBe(0);
    expect((await get(rescuer, `${B}/${id}`)).statusCode).toBe(200); // sees the incident through its task
    expect((await post(town, `${B}/tasks/${task.id}/read`)).statusCode).toBe(404);
    await ok(post(rescuer, `${B}/tasks/${task.id}/read`));
    expect((await ok(get(staff, `${B}/${id}`))).tasks.at(-1)).toMatchObject({ status: 'read', readAt: expect.any(String) });
    await ok(post(rescuer, `${B}/tasks/${task.id}/feedback`, { text: '已到达现场，设置警戒区 200 米', lng: hengda.lng, lat: hengda.lat }));
    let fb = (await ok(get(staff, `${B}/${id}`))).tasks.at(-1).feedback;
    expect((await post(staff, `${B}/feedback/${fb[0].id}/review`, { approve: false })).json().error.message).toMatch(/退回请说明/);
    await ok(post(staff, `${B}/feedback/${fb[0].id}/review`, { approve: false, note: '请补充现场照片' }));
    expect((await ok(get(rescuer, `${B}/tasks`))).items.find((x: any) => x.id === task.id).status).toBe('returned');
    expect((await post(rescuer, `${B}/tasks/${task.id}/feedback`, { text: '补充照片', fileIds: [uuidv7()] })).json().error.message).toMatch(/附件不存在/);
    await ok(post(rescuer, `${B}/tasks/${task.id}/feedback`, { text: '警戒完成，无人员被困' }));
    fb = (await ok(get(staff, `${B}/${id}`))).tasks.at(-1).feedback;
    await ok(post(staff, `${B}/feedback/${fb[1].id}/review`, { approve: true }));
    const done = (await ok(get(staff, `${B}/${id}`))).tasks.at(-1);
    expect(done).toMatchObject({ status: 'accepted' });
    expect(done.feedback.map((f: any) => f.status)).toEqual(['returned', 'accepted']);
  });
});

describe('dispatch (资源调度)', () => {
  let id: string; let teamId: string; let warehouseId: string; let itemId: string;

  beforeAll(async () => {
    const i = await ok(post(staff, B, leak({ title: '调度测试泄漏' })));
    id = i.id;
    const m = await ok(get(staff, `${B}/${id}/plans`));
    await ok(post(leader, `${B}/${id}/start`, { level: 4, planId: m.matches[0].planId, reason: '启动Ⅳ级响应' }));
    const near = { regionCode: hengda.region_code, lng: hengda.lng + 0.001, lat: hengda.lat + 0.001 };
    teamId = (await ok(post(staff, '/api/command/resources/teams', { name: `测试危化救援队${id.slice(-4)}`, kind: 'hazchem', ...near, plannedStrength: 20 }))).id;
    warehouseId = (await ok(post(staff, '/api/command/resources/warehouses', { name: `测试储备库${id.slice(-4)}`, level: 'county', ...near }))).id;
    itemId = (await ok(post(staff, '/api/command/resources/items', { name: `吸附棉${id.slice(-4)}`, unit: '包', category: 'hazchem' }))).id;
    await ok(post(staff, '/api/command/resources/stock/inbound', { warehouseId, itemId, quantity: 50, reason: '测试入库' }));
  });

  it('lists the nearest resources with what they hold, nearest first', async () => {
    const r = await ok(get(staff, `${B}/${id}/nearest?kinds=team,warehouse&radiusKm=20`));
    expect(r.available).toBe(true);
    const teams = r.items.filter((x: any) => x.kind === 'team');
    expect(teams[0].id).toBe(teamId);
    expect(teams.map((x: any) => x.distanceM)).toEqual([...teams.map((x: any) => x.distanceM)].sort((a, b) => a - b));
    expect(r.items.find((x: any) => x.id === warehouseId).summary).toMatch(/吸附棉/);
    expect((await get(staff, `${B}/${id}/nearest?kinds=rocket`)).json().error.message).toMatch(/未知资源类别/);
  });

  it('moves a dispatch dispatched → en route → on scene → released with times, and refuses a busy team', async () => {
    let i = await ok(post(staff, `${B}/${id}/dispatches`, { resourceKind: 'team', resourceId: teamId }));
    const d = i.dispatches.at(-1);
    expect(d).toMatchObject({ status: 'dispatched', resourceName: expect.stringMatching(/测试危化救援队/) });
    expect(d.distanceM).toBeLessThan(500);
    expect((await post(staff, `${B}/${id}/dispatches`, { resourceKind: 'team', resourceId: teamId })).json().error.message).toMatch(/正在执行其他调度任务/);
    t.now.value = new Date(t.now.value.getTime() + 60_000);
    await ok(post(staff, `${B}/dispatches/${d.id}/move`, { to: 'en_route' }));
    t.now.value = new Date(t.now.value.getTime() + 600_000);
    await ok(post(staff, `${B}/dispatches/${d.id}/move`, { to: 'on_scene', note: '到达罐区' }));
    expect((await post(staff, `${B}/dispatches/${d.id}/move`, { to: 'en_route' })).statusCode).toBe(409);
    await ok(post(staff, `${B}/dispatches/${d.id}/move`, { to: 'released' }));
    i = await ok(get(staff, `${B}/${id}`));
    const done = i.dispatches.find((x: any) => x.id === d.id);
    expect(done.status).toBe('released');
    expect(new Date(done.onSceneAt).getTime() - new Date(done.enRouteAt).getTime()).toBe(600_000);
    const tl = await ok<any[]>(get(staff, `${B}/${id}/timeline`));
    expect(tl.filter((x) => x.kind === 'dispatch').length).toBe(4);
  });

  it('takes supplies out of the warehouse ledger in the same transaction, and writes nothing when short', async () => {
    const ledger = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from resource_stock_ledger where ref_type = 'incident' and ref_id = ${id}`)).n;
    const short = await post(staff, `${B}/${id}/dispatches`, { resourceKind: 'warehouse', resourceId: warehouseId, itemId, quantity: 51 });
    expect(short.statusCode).toBe(409);
    expect(await ledger()).toBe(0);
    expect((await ok(get(staff, `${B}/${id}`))).dispatches.filter((x: any) => x.resourceKind === 'warehouse')).toHaveLength(0);
    const i = await ok(post(staff, `${B}/${id}/dispatches`, { resourceKind: 'warehouse', resourceId: warehouseId, itemId, quantity: 30 }));
    expect(i.dispatches.at(-1)).toMatchObject({ resourceKind: 'warehouse', itemName: expect.stringMatching(/吸附棉/), quantity: 30 });
    expect(await ledger()).toBe(1);
    const bal = await t.p.db.one<{ q: number }>(sql`select quantity::float8 as q from resource_stock where warehouse_id = ${warehouseId} and item_id = ${itemId}`);
    expect(bal.q).toBe(20);
    expect((await post(staff, `${B}/${id}/dispatches`, { resourceKind: 'warehouse', resourceId: warehouseId })).json().error.message).toMatch(/请选择物资品种/);
  });
});

describe('closing (善后与总结)', () => {
  it('closes only after termination, the assessment and every lesson done; a lesson becomes a hazard', async () => {
    const i = await ok(post(staff, B, leak({ title: '结案测试泄漏' })));
    const id = i.id;
    expect((await post(staff, `${B}/${id}/close`)).statusCode).toBe(409);
    await ok(post(leader, `${B}/${id}/start`, { level: 4, reason: '启动' }));
    expect((await post(staff, `${B}/${id}/terminate`, { dead: 0, injured: 1, missing: 0, trapped: 0, lossWan: 12.5, relocated: 0, note: '泄漏已封堵' })).statusCode).toBe(403);
    const term = await ok(post(leader, `${B}/${id}/terminate`, { dead: 0, injured: 1, missing: 0, trapped: 0, lossWan: 12.5, relocated: 0, note: '泄漏已封堵，险情消除' }));
    expect(term).toMatchObject({ status: 'terminated', injured: 1, lossWan: 12.5 });
    let r = await ok(post(staff, `${B}/${id}/lessons`, { text: '储罐根部阀长期未检修', action: 'hazard' }));
    await ok(post(staff, `${B}/${id}/lessons`, { text: '预案未明确夜间联络方式', action: 'plan_revision', planId: uuidv7() }));
    await ok(post(staff, `${B}/${id}/review`, { investigation: '阀门密封老化', assessment: '处置及时，无次生事故' }));
    const refused = await post(staff, `${B}/${id}/close`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/还有 2 条经验教训未落实/);
    r = await ok(get(staff, `${B}/${id}`));
    const [hz, rev] = r.lessons;
    expect((await post(staff, `${B}/lessons/${hz.id}/complete`, {})).json().error.message).toMatch(/填写隐患名称/);
    await ok(post(staff, `${B}/lessons/${hz.id}/complete`, { hazard: { title: '储罐根部阀密封老化', level: 'general' } }));
    await ok(post(staff, `${B}/lessons/${rev.id}/complete`, { revisionNote: '补充夜间值班联络表' }));
    r = await ok(get(staff, `${B}/${id}`));
    expect(r.lessons.every((l: any) => l.status === 'done')).toBe(true);
    const h = await t.p.db.one<{ enterprise_id: string; title: string; status: string }>(sql`select enterprise_id, title, status from hazards where id = ${r.lessons[0].hazardId}`);
    expect(h).toMatchObject({ enterprise_id: hengda.id, title: '储罐根部阀密封老化', status: 'pending' });
    expect(r.lessons[0].hazardNumber).toMatch(/^YH-/);
    const closed = await ok(post(staff, `${B}/${id}/close`));
    expect(closed).toMatchObject({ status: 'closed', actions: [] });
    expect((await post(staff, `${B}/${id}/messages`, { text: '结案后留言' })).statusCode).toBe(409);
  });
});

describe('scope (数据范围)', () => {
  it('keeps every route inside the caller\'s scope', async () => {
    const baitangLng = 113.1;
    const i = await ok(post(staff, B, { source: 'phone', occurredAt: new Date(t.now.value.getTime() - 60_000).toISOString(), address: '白塘镇某村山塘', regionCode: BAITANG,
      kind: 'flood', description: '山洪冲毁道路', relocated: 40, lng: baitangLng, lat: 28.8 }));
    const [near, far, ent] = await Promise.all([t.login('town_baitang'), t.login('town_luojiang'), t.login('ent_demo')]);
    expect((await get(near, `${B}/${i.id}`)).statusCode).toBe(200);
    for (const url of [`${B}/${i.id}`, `${B}/${i.id}/timeline`, `${B}/${i.id}/plans`, `${B}/${i.id}/nearest`]) {
      expect((await get(far, url)).statusCode, url).toBe(404);
    }
    expect((await ok(get(far, `${B}?pageSize=200&q=白塘镇某村山塘`))).total).toBe(0);
    expect((await ok(get(near, `${B}?pageSize=200&q=白塘镇某村山塘`))).total).toBeGreaterThan(0);
    expect((await get(ent, `${B}/${i.id}`)).statusCode).toBe(403); // enterprises have no command:read
    for (const [method, url] of [['POST', `${B}/${i.id}/facts`], ['POST', `${B}/${i.id}/start`], ['POST', `${B}/${i.id}/dispatches`], ['POST', `${B}/${i.id}/close`]] as const) {
      expect((await t.as(far, { method, url, payload: {} })).statusCode, url).toBe(403);
    }
    const regional = await account(['staff'], { kind: 'region', region: '430699102000' });
    expect((await post(regional.cookie, `${B}/${i.id}/messages`, { text: '越权' })).statusCode).toBe(404);
    expect((await post(regional.cookie, B, { source: 'phone', occurredAt: new Date(t.now.value.getTime() - 60_000).toISOString(), address: '白塘镇', regionCode: BAITANG,
      kind: 'flood', description: '越权登记' })).statusCode).toBe(403);
    const list = await ok(get(regional.cookie, `${B}?pageSize=200`));
    expect(list.items.every((x: any) => x.regionCode.startsWith('430699102'))).toBe(true);
  });

  it('exports the filtered ledger as a real .xlsx', async () => {
    const r = await get(staff, `${B}/export?kind=hazchem`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/spreadsheetml/);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
