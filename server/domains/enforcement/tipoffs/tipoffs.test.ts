import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../common/testing.js';
import { solvePow } from './pow.js';

let t: TestApp; let officer: string;
const pub = (method: 'GET' | 'POST', url: string, payload?: object, ip = '10.0.0.1') => t.app.inject({ method, url, payload, remoteAddress: ip });

async function report(extra: object = {}, ip?: string) {
  const c = (await pub('GET', '/api/public/tipoffs/challenge', undefined, ip)).json();
  return pub('POST', '/api/public/tipoffs', { challengeId: c.id, nonce: solvePow(c.salt, c.bits), anonymous: true, category: 'violation', subjectName: '白塘镇某烟花店',
    subjectAddress: '白塘镇新街 12 号', regionCode: '430699101000', content: '店内后屋储存大量烟花爆竹，晚上有人往外搬运', ...extra }, ip);
}

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-06-01T02:00:00Z');
  officer = await t.login('officer');
});
afterAll(async () => { await t.close(); });

describe('举报', () => {
  it('takes an anonymous report without login and gives a tracking code that shows the outcome and nothing else', async () => {
    const r = await report();
    expect(r.statusCode, r.body).toBe(200);
    const { number, trackingCode, replyDue } = r.json();
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(replyDue).toBe('2026-07-31');
    const tracked = await pub('POST', '/api/public/tipoffs/track', { code: trackingCode.toLowerCase() });
    expect(Object.keys(tracked.json()).sort()).toEqual(['number', 'receivedAt', 'repliedAt', 'reply', 'replyDue', 'status', 'statusLabel']);
    expect(tracked.json()).toMatchObject({ number, status: 'received', reply: null });
    expect(tracked.body).not.toContain('烟花店');
    expect((await pub('POST', '/api/public/tipoffs/track', { code: 'AAAA-BBBB-CCCC-DDDD' })).statusCode).toBe(404);

    const id = (await t.p.db.one<{ id: string }>(sql`select id from enforcement_tipoffs where number = ${number}`)).id;
    const me = (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id;
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reply`, { reply: '已核查完毕' })).statusCode).toBe(409); // verify first
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/assign`, { assigneeId: me })).json().status).toBe('assigned');
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/verify`, { result: 'substantiated', note: '现场查获非法储存烟花爆竹' })).json().status).toBe('verified');
    await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reply`, { reply: '经核查举报属实，已依法查处，感谢您的监督。' });
    const after = (await pub('POST', '/api/public/tipoffs/track', { code: trackingCode })).json();
    expect(after).toMatchObject({ status: 'replied', statusLabel: '已答复', reply: '经核查举报属实，已依法查处，感谢您的监督。' });
    expect(JSON.stringify(after)).not.toMatch(/现场查获|officer|执法员/);
  });

  it('refuses a report without a solved challenge, and a challenge used twice', async () => {
    const c = (await pub('GET', '/api/public/tipoffs/challenge')).json();
    const body = { anonymous: true, category: 'hazard', subjectName: '某厂', regionCode: '430699101000', content: '消防通道被堵塞很久了' };
    const bad = await pub('POST', '/api/public/tipoffs', { ...body, challengeId: c.id, nonce: 'x' });
    expect(bad.statusCode).toBe(400);
    const c2 = (await pub('GET', '/api/public/tipoffs/challenge')).json();
    const nonce = solvePow(c2.salt, c2.bits);
    expect((await pub('POST', '/api/public/tipoffs', { ...body, challengeId: c2.id, nonce })).statusCode).toBe(200);
    expect((await pub('POST', '/api/public/tipoffs', { ...body, challengeId: c2.id, nonce })).json().error.message).toMatch(/验证已失效/);
    expect((await report({ anonymous: false })).json().error.message).toMatch(/实名举报请填写姓名/);
  });

  it('limits how often one address may report, without blocking another', async () => {
    for (let i = 0; i < 10; i++) expect((await report({}, '10.9.9.9')).statusCode).toBe(200);
    const blocked = await report({}, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/请求过于频繁/);
    expect((await report({}, '10.9.9.10')).statusCode).toBe(200);
  });

  it('rewards a substantiated report with 15% of the fine, at least 3000 and at most 30万', async () => {
    const firm = (await enterprisesOf(t, 'hazchem'))[0];
    const team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
    const reward = async (fine: number) => {
      const r = (await api(t).post(officer, '/api/enforcement/tipoffs', { channel: 'phone', anonymous: false, reporterName: '王女士', reporterPhone: '13800001111',
        category: 'violation', subjectName: firm.name, enterpriseId: firm.id, regionCode: firm.region_code, content: '企业夜间违规动火作业，无人监护' })).json();
      expect(r.trackingCode).toBeTruthy();
      const c = (await api(t).post(officer, '/api/enforcement/cases', { source: 'tipoff', tipoffId: r.id, enterpriseId: firm.id, cause: '违规动火作业', officerIds: team })).json();
      await api(t).post(officer, `/api/enforcement/cases/${c.id}/approve`, { opinion: '同意' });
      await api(t).post(officer, `/api/enforcement/cases/${c.id}/notify`, { kinds: ['fine'], fine, basis: '安全生产法第一百零一条' });
      const d = await api(t).post(officer, `/api/enforcement/cases/${c.id}/decide`, { kinds: ['fine'], fine, basis: '安全生产法第一百零一条', waived: true });
      expect(d.statusCode, d.body).toBe(200);
      await api(t).post(officer, `/api/enforcement/tipoffs/${r.id}/assign`, { orgId: (await t.p.db.one<{ id: string }>(sql`select org_id as id from accounts where username = 'officer'`)).id });
      await api(t).post(officer, `/api/enforcement/tipoffs/${r.id}/verify`, { result: 'substantiated', note: '属实', caseId: c.id });
      const g = await api(t).post(officer, `/api/enforcement/tipoffs/${r.id}/reward`, {});
      expect(g.statusCode, g.body).toBe(200);
      return g.json().reward.amount;
    };
    expect(await reward(10000)).toBe(3000);
    expect(await reward(100000)).toBe(15000);
    expect(await reward(3000000)).toBe(300000);
  });

  it('keeps tip-offs inside the caller\'s scope', async () => {
    const { number } = (await report()).json();
    const id = (await t.p.db.one<{ id: string }>(sql`select id from enforcement_tipoffs where number = ${number}`)).id;
    const far = await t.login((await makeOfficer(t, { region: '430699102000' })).username);
    expect((await api(t).get(far, `/api/enforcement/tipoffs/${id}`)).statusCode).toBe(404);
    expect((await api(t).post(far, `/api/enforcement/tipoffs/${id}/assign`, { orgId: id })).statusCode).toBe(404);
    const near = await t.login((await makeOfficer(t, { region: '430699101000' })).username);
    expect((await api(t).get(near, `/api/enforcement/tipoffs/${id}`)).json().number).toBe(number);
  });

  it('masks a named reporter\'s phone in the ledger and the detail, reveals it (audited) only with personal:phone in scope, and never to the tracking page', async () => {
    const r = await report({ anonymous: false, reporterName: '李先生', reporterPhone: '13700008888' });
    expect(r.statusCode, r.body).toBe(200);
    const { number, trackingCode } = r.json();
    const tracked = await pub('POST', '/api/public/tipoffs/track', { code: trackingCode });
    expect(tracked.body).not.toMatch(/8888|李先生/);
    const id = (await t.p.db.one<{ id: string }>(sql`select id from enforcement_tipoffs where number = ${number}`)).id;
    const staff = await t.login('staff');
    expect((await api(t).get(staff, `/api/enforcement/tipoffs/${id}`)).json()).toMatchObject({ reporterName: '李先生', reporterPhone: '137****8888' });
    expect((await api(t).get(officer, `/api/enforcement/tipoffs/${id}`)).json().reporterPhone).toBe('137****8888');
    const listed = (await api(t).get(staff, `/api/enforcement/tipoffs?q=${encodeURIComponent(number)}`)).json().items;
    expect(listed.find((x: { id: string }) => x.id === id).reporterPhone).toBe('137****8888');

    const reveals = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${id}`)).n;
    const reveal = (cookie: string) => api(t).post(cookie, '/api/personal/reveal', { entity: 'enforcement_tipoff', id, field: 'reporterPhone' });
    const full = await reveal(staff);
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json().value).toBe('13700008888');
    const [rec] = await t.p.db.query<{ after: { what: string; masked: string } }>(sql`select after from audit_log
      where action = 'personal.reveal' and entity_id = ${id} order by seq desc limit 1`);
    expect(rec.after).toMatchObject({ what: `查看敏感信息：举报「${number}」的电话号码`, masked: '137****8888' });
    expect((await reveal(officer)).statusCode).toBe(403); // 执法人员: no personal:phone
    const farStaff = await t.login((await makeOfficer(t, { region: '430699102000', roles: ['staff'] })).username);
    expect((await reveal(farStaff)).statusCode).toBe(404); // another town's tip-off
    expect(await reveals()).toBe(1);
  });
});
