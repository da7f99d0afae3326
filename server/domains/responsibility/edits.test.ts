// Editing after creation, everywhere in issue #9: each change audited with before/after, each delete guarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { upload } from '../enforcement/common/testing.js';

let t: TestApp; let staff: string; let baitang: string; let baitangGov: string; let zhujian: string;
const R = '/api/responsibility'; const A = '/api/outreach';
const call = (c: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, payload });
const audits = async (id: string) => (await t.p.db.query<{ action: string; before: unknown; after: unknown }>(sql`select action, before, after from audit_log
  where entity_id = ${id} order by seq`));

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-02T02:00:00Z');
  [staff, baitang] = await Promise.all(['staff', 'town_baitang'].map((u) => t.login(u)));
  const org = async (name: string) => (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = ${name}`)).id;
  [baitangGov, zhujian] = await Promise.all(['白塘镇人民政府', '汨水市住房和城乡建设局'].map(org));
}, 300_000);
afterAll(async () => { await t.close(); });

describe('responsibility records are corrected after creation', () => {
  it('a letter: targets and signing date changed, the signed file replaced, then deleted — each audited', async () => {
    const p = (await call(staff, 'POST', `${R}/pledges`, { year: 2026, signerKind: 'town', signerOrgId: baitangGov, issuerName: '市人民政府', targets: '全年不发生较大事故' })).json();
    const first = await upload(t, staff); const second = await upload(t, staff);
    await call(staff, 'POST', `${R}/pledges/${p.id}/sign`, { signedOn: '2026-02-01', fileId: first });
    const r = await call(staff, 'PUT', `${R}/pledges/${p.id}`, { issuerName: '市安委会', targets: '全年不发生较大及以上事故，隐患整改率100%', signedOn: '2026-02-03', fileId: second });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ issuerName: '市安委会', signedOn: '2026-02-03', fileId: second });
    const wrong = await call(staff, 'PUT', `${R}/pledges/${p.id}`, { signerKind: 'key_enterprise', issuerName: '市安委会', targets: '改成企业', signedOn: null, fileId: null });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('重点企业');
    const unsigned = await call(staff, 'PUT', `${R}/pledges/${p.id}`, { issuerName: '市安委会', targets: '撤销签订登记', signedOn: null, fileId: null });
    expect(unsigned.json()).toMatchObject({ signedOn: null, fileId: null });
    expect((await call(staff, 'DELETE', `${R}/pledges/${p.id}`)).statusCode).toBe(200);
    expect((await call(staff, 'GET', `${R}/pledges?year=2026&q=撤销签订登记`)).json().total).toBe(0);
    const trail = await audits(p.id);
    expect(trail.map((a) => a.action)).toEqual(['responsibility.pledge.create', 'responsibility.pledge.sign', 'responsibility.pledge.update', 'responsibility.pledge.update',
      'responsibility.pledge.delete']);
    expect(trail[2].before).toMatchObject({ fileId: first, signedOn: '2026-02-01' });
  });

  it('a meeting and its decisions: minutes corrected, a task re-assigned with a new deadline, an unanswered one withdrawn; answered ones keep the meeting', async () => {
    const c = (await call(staff, 'GET', `${R}/committees?kind=professional_committee&q=燃气`)).json().items[0];
    const m = (await call(staff, 'POST', `${R}/committees/${c.id}/meetings`, { heldOn: '2026-03-01', title: '燃气专委会会议', minutes: '初稿纪要',
      decisions: [{ title: '排查液化气站', assigneeOrgId: zhujian, dueOn: '2026-03-20' }, { title: '白塘镇瓶装气排查', assigneeOrgId: zhujian, dueOn: '2026-03-25' }] })).json();
    const e = await call(staff, 'PUT', `${R}/meetings/${m.id}`, { heldOn: '2026-03-01', title: '燃气专委会第一次会议', minutes: '修订后的纪要：部署瓶装液化气整治' });
    expect(e.json()).toMatchObject({ title: '燃气专委会第一次会议', minutes: '修订后的纪要：部署瓶装液化气整治', tasksTotal: 2 });
    const [a, b] = m.tasks;
    const moved = await call(staff, 'PUT', `${R}/tasks/${b.id}`, { title: '白塘镇瓶装气排查', assigneeOrgId: baitangGov, dueOn: '2026-04-10' });
    expect(moved.json()).toMatchObject({ assigneeName: '白塘镇人民政府', dueOn: '2026-04-10', regionCode: '430699101000' });
    expect((await call(baitang, 'GET', `${R}/tasks/${b.id}`)).statusCode).toBe(200);          // now the town's
    await call(baitang, 'POST', `${R}/tasks/${b.id}/feedback`, { feedback: '已排查 40 户' });
    expect((await call(staff, 'DELETE', `${R}/tasks/${b.id}`)).statusCode).toBe(409);          // answered: not withdrawn
    expect((await call(staff, 'DELETE', `${R}/meetings/${m.id}`)).statusCode).toBe(409);
    expect((await call(staff, 'DELETE', `${R}/tasks/${a.id}`)).statusCode).toBe(200);
    expect((await call(staff, 'GET', `${R}/meetings/${m.id}`)).json().tasksTotal).toBe(1);
    expect((await audits(b.id)).map((x) => x.action)).toEqual(['responsibility.task.update', 'responsibility.task.answer']);
    expect((await audits(m.id)).map((x) => x.action)).toEqual(['responsibility.meeting.create', 'responsibility.meeting.update']);
  });

  it('a committee member changes role and contact; a duty is reworded; a campaign is corrected and, without tasks, deleted', async () => {
    const c = (await call(staff, 'GET', `${R}/committees?kind=professional_committee&q=燃气`)).json().items[0];
    const d = (await call(staff, 'GET', `${R}/committees/${c.id}`)).json();
    const member = d.memberList.find((x: { role: string }) => x.role === 'member');
    const saved = await call(staff, 'POST', `${R}/committees/${c.id}/members`, { orgId: member.orgId, role: 'lead', contactName: '李联络', contactPhone: '0730-5200000' });
    expect(saved.json().memberList.filter((x: { role: string }) => x.role === 'lead').map((x: { orgId: string }) => x.orgId)).toEqual([member.orgId]);
    const duty = (await call(staff, 'GET', `${R}/duties?orgId=${zhujian}&pageSize=1`)).json().items[0];
    const edited = await call(staff, 'PUT', `${R}/duties/${duty.id}`, { post: '分管副局长', principle: 'business', duty: '督促燃气企业落实主体责任（修订）', legalBasis: '《城镇燃气管理条例》第五条' });
    expect(edited.json()).toMatchObject({ post: '分管副局长', principle: 'business', duty: '督促燃气企业落实主体责任（修订）' });
    const camp = (await call(staff, 'POST', `${R}/campaigns`, { kind: 'special', title: '误发起的督查', periodFrom: '2026-03-01', periodTo: '2026-03-10', scopeText: '全市', teams: '一组' })).json();
    const put = await call(staff, 'PUT', `${R}/campaigns/${camp.id}`, { kind: 'comprehensive', title: '春季安全生产综合督查', periodFrom: '2026-03-01', periodTo: '2026-03-31', scopeText: '全市', teams: '三个督查组', summary: '通报正文' });
    expect(put.json()).toMatchObject({ kind: 'comprehensive', title: '春季安全生产综合督查', periodTo: '2026-03-31', summary: '通报正文' });
    expect((await call(staff, 'PUT', `${R}/campaigns/${camp.id}`, { kind: 'special', title: '倒置', periodFrom: '2026-03-10', periodTo: '2026-03-01', scopeText: '全市', teams: '一组' })).statusCode).toBe(400);
    expect((await call(staff, 'DELETE', `${R}/campaigns/${camp.id}`)).statusCode).toBe(200);
    expect((await call(staff, 'GET', `${R}/campaigns/${camp.id}`)).statusCode).toBe(404);
    expect((await audits(camp.id)).map((x) => x.action)).toEqual(['responsibility.campaign.create', 'responsibility.campaign.update', 'responsibility.campaign.delete']);
    expect((await audits(duty.id)).at(-1)).toMatchObject({ action: 'responsibility.duty.update' });
  });
});

describe('outreach records are corrected after creation', () => {
  it('an activity: counts and photos changed by its town; a training, its trainees and a certificate corrected and deleted', async () => {
    const a = (await call(baitang, 'POST', `${A}/activities`, { kind: 'community', title: '防溺水进社区', organiser: '白塘镇应急管理站', regionCode: '430699101000',
      place: '沿河村', heldOn: '2026-02-20', participants: 50, brochures: 100 })).json();
    const pic = await upload(t, baitang);
    const e = await call(baitang, 'PUT', `${A}/activities/${a.id}`, { kind: 'community', title: '防溺水知识进社区', organiser: '白塘镇应急管理站', regionCode: '430699101000',
      place: '沿河村', heldOn: '2026-02-20', participants: 65, brochures: 150, vans: 1, photos: [pic] });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({ title: '防溺水知识进社区', participants: 65, brochures: 150, vans: 1, photos: [pic] });
    expect((await audits(a.id)).at(-1)).toMatchObject({ action: 'outreach.activity.update', before: { brochures: 100 } });
    const ent = (await call(staff, 'GET', '/api/enterprises?pageSize=1')).json().items[0];
    const tr = (await call(staff, 'POST', `${A}/trainings`, { title: '燃气企业负责人培训', organiser: '市应急管理局', regionCode: '430699000000', place: '多功能厅', heldOn: '2026-02-25',
      hours: 8, trainees: [] })).json();
    const put = await call(staff, 'PUT', `${A}/trainings/${tr.id}`, { title: '燃气企业主要负责人培训班', organiser: '市应急管理局', regionCode: '430699000000', place: '多功能厅', heldOn: '2026-02-26', hours: 16 });
    expect(put.json()).toMatchObject({ title: '燃气企业主要负责人培训班', hours: 16, heldOn: '2026-02-26' });
    const added = await call(staff, 'POST', `${A}/trainings/${tr.id}/trainees`, { trainees: [{ enterpriseId: ent.id, personName: '王测试', post: 'principal', certificateNo: 'EDIT-0001',
      issuedOn: '2026-02-26', expiresOn: '2029-02-25' }] });
    expect(added.json().total).toBe(1);
    const cert = added.json().items[0];
    const ce = await call(staff, 'PUT', `${A}/certificates/${cert.id}`, { personName: '王测', post: 'safety_manager', certificateNo: 'EDIT-0002', issuedOn: '2026-02-26', expiresOn: '2029-02-25' });
    expect(ce.json()).toMatchObject({ personName: '王测', post: 'safety_manager', certificateNo: 'EDIT-0002' });
    expect((await call(staff, 'PUT', `${A}/certificates/${cert.id}`, { personName: '王测', post: 'special_operator', certificateNo: 'EDIT-0002', issuedOn: '2026-02-26', expiresOn: '2029-02-25' })).statusCode).toBe(400);
    expect((await call(staff, 'DELETE', `${A}/trainings/${tr.id}`)).statusCode).toBe(200);
    expect((await call(staff, 'GET', `${A}/certificates?q=EDIT-0002`)).json().total).toBe(0);
    expect((await audits(tr.id)).map((x) => x.action)).toEqual(['outreach.training.create', 'outreach.training.update', 'outreach.training.trainees', 'outreach.training.delete']);
  });

  it('a drill becomes 综合 with a corrected date; a problem is reworded and a task problem deleted, a hazard one kept', async () => {
    const d = (await call(staff, 'GET', `${A}/drills?from=2022-01-01&to=2022-06-30&withProblems=true&pageSize=50`)).json().items[0];
    const detail = (await call(staff, 'GET', `${A}/drills/${d.id}`)).json();
    const r = await call(staff, 'PUT', `${A}/drills/${d.id}/detail`, { kind: 'combined', title: `${d.title}（综合）`, drilledOn: d.drilledOn, participants: d.participants + 5,
      scenario: detail.scenario ?? '情景描述', timeline: detail.timeline, score: 90, evaluation: '桌面推演与现场处置衔接顺畅' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ kind: 'combined', kindLabel: '综合演练', participants: d.participants + 5, score: 90 });
    expect((await call(staff, 'GET', `${A}/drills?kind=combined&q=${encodeURIComponent('（综合）')}`)).json().total).toBe(1);
    expect((await call(staff, 'PUT', `${A}/drills/${d.id}/detail`, { drilledOn: '2030-01-01', scenario: '未来的演练', timeline: [] })).statusCode).toBe(400);
    const added = (await call(staff, 'POST', `${A}/drills/${d.id}/problems`, { description: '通讯联络不畅', followUp: 'task', owner: '市应急管理局', dueOn: '2026-04-01' })).json();
    const p = added.items.find((x: { description: string }) => x.description === '通讯联络不畅');
    const e = await call(staff, 'PUT', `${A}/problems/${p.id}`, { description: '现场与指挥部通讯联络不畅', owner: '市应急管理局', dueOn: '2026-04-15' });
    expect(e.json().items.find((x: { id: string }) => x.id === p.id)).toMatchObject({ description: '现场与指挥部通讯联络不畅', dueOn: '2026-04-15' });
    expect((await call(staff, 'DELETE', `${A}/problems/${p.id}`)).statusCode).toBe(200);
    const hz = (await call(staff, 'POST', `${A}/drills/${d.id}/problems`, { description: '应急物资储备不足', followUp: 'hazard' })).json();
    const h = hz.items.find((x: { followUp: string; description: string }) => x.followUp === 'hazard' && x.description === '应急物资储备不足');
    expect(h.hazardNumber).toBeTruthy();
    expect((await call(staff, 'DELETE', `${A}/problems/${h.id}`)).statusCode).toBe(409);
    expect((await audits(p.id)).map((x) => x.action)).toEqual(['outreach.drill.problem', 'outreach.drill.problem.update', 'outreach.drill.problem.delete']);
  });
});
