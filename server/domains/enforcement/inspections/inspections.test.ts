import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, makeOfficer, upload } from '../common/testing.js';

let t: TestApp; let officer: string; let staff: string; let me: string; let mate: { id: string; certNo: string }; let enterpriseId: string;
const HAZCHEM_LIST = '0190f100-0000-7000-8000-000000000002';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-04-08T02:00:00Z');
  [officer, staff] = await Promise.all([t.login('officer'), t.login('staff')]);
  me = (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id;
  mate = await makeOfficer(t);
  enterpriseId = (await t.p.db.one<{ id: string }>(sql`select scope_enterprise_id as id from accounts where username = 'ent_demo'`)).id;
});
afterAll(async () => { await t.close(); });

const open = (extra: object = {}) => api(t).post(officer, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId, officerIds: [me, mate.id], checklistId: HAZCHEM_LIST, ...extra });

describe('inspections', () => {
  it('needs two officers with 执法证号', async () => {
    const one = await open({ officerIds: [me] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toMatch(/至少 2 名/);
    const noCert = await makeOfficer(t, { certNo: null });
    const r = await open({ officerIds: [me, noCert.id] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/没有登记执法证号/);
    const notOfficer = (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'staff'`)).id;
    expect((await open({ officerIds: [me, notOfficer] })).json().error.message).toMatch(/不是执法人员/);
  });

  it('turns a finding into a hazard in one step and completes with the unit\'s signature', async () => {
    const i = (await open()).json();
    expect(i).toMatchObject({ status: 'on_site', unitName: '汨水市恒达化工有限公司', officers: [{ id: me }, { id: mate.id, certNo: mate.certNo }] });
    expect(i.number).toMatch(/^JC-2026-\d{6}$/);
    const photo = await upload(t, officer);
    const rec = await api(t).post(officer, `/api/enforcement/inspections/${i.id}/record`, {
      results: [{ code: 'WH-1', ok: true }, { code: 'WH-3', ok: false, note: '罐区两台探头失效', photos: [photo], toHazard: true }],
      findings: [{ title: '重大危险源罐区未设置紧急切断装置', level: 'major', majorBasis: '化工和危险化学品重大隐患判定标准 第5项' }],
      summary: '检查了罐区、装卸区和中控室' });
    expect(rec.statusCode, rec.body).toBe(200);
    const d = rec.json();
    expect(d.findings).toHaveLength(2);
    const fromList = d.findings.find((f: { itemCode: string | null }) => f.itemCode === 'WH-3');
    const hazard = (await api(t).get(staff, `/api/hazards/${fromList.hazardId}`)).json();
    expect(hazard).toMatchObject({ source: 'inspection', enterpriseId, status: 'pending', title: '检查项不符合：可燃有毒气体检测报警装置正常投用' });
    expect(hazard.events[0].photos).toEqual([photo]);
    // The failed item's legal basis goes with the hazard (issue #14).
    expect(hazard.cites.map((c: { source: string }) => c.source)).toEqual(['化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）']);
    expect(d.findings.find((f: { itemCode: string | null }) => !f.itemCode)).toMatchObject({ level: 'major', hazardNumber: expect.stringMatching(/^YH-2026-/) });
    const noSign = await api(t).post(officer, `/api/enforcement/inspections/${i.id}/complete`, {});
    expect(noSign.statusCode).toBe(400);
    expect(noSign.json().error.message).toMatch(/签名/);
    const done = await api(t).post(officer, `/api/enforcement/inspections/${i.id}/complete`, { signatureFileId: await upload(t, officer), signerName: '周建国' });
    expect(done.json()).toMatchObject({ status: 'completed', allowedMoves: [] });
    expect(done.json().documents.map((x: { kind: string }) => x.kind)).toEqual(['inspection_record']);
    expect((await api(t).post(officer, `/api/enforcement/inspections/${i.id}/record`, { summary: '补记' })).statusCode).toBe(409);
  });

  it('accepts a refusal note instead of a signature, and refuses unknown checklist items', async () => {
    const i = (await open()).json();
    expect((await api(t).post(officer, `/api/enforcement/inspections/${i.id}/record`, { results: [{ code: 'NO-1', ok: true }] })).json().error.message).toMatch(/NO-1/);
    const r = await api(t).post(officer, `/api/enforcement/inspections/${i.id}/complete`, { refusalNote: '负责人拒绝签字，由两名执法人员注明' });
    expect(r.json().refusalNote).toMatch(/拒绝签字/);
  });

  it('inspects a draw\'s unit only with the drawn officers', async () => {
    const others = [await makeOfficer(t), await makeOfficer(t)];
    const d = (await api(t).post(officer, '/api/enforcement/draws', { title: '危化品抽查', matter: '安全生产条件', sectors: ['hazchem'], mode: 'count', count: 1,
      officerIds: [me, mate.id, ...others.map((o) => o.id)], seed: 'inspection-draw-seed' })).json();
    const unit = d.units[0];
    const wrong = await api(t).post(officer, '/api/enforcement/inspections', { origin: 'draw', drawId: d.id, enterpriseId: unit.enterpriseId,
      officerIds: [me, mate.id, ...others.map((o) => o.id)].filter((x) => !unit.officerIds.includes(x)).slice(0, 2) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/随机抽取的执法人员/);
    const ok = await api(t).post(officer, '/api/enforcement/inspections', { origin: 'draw', drawId: d.id, enterpriseId: unit.enterpriseId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().officers.map((o: { id: string }) => o.id).sort()).toEqual([...unit.officerIds].sort());
    expect((await api(t).get(officer, `/api/enforcement/draws/${d.id}`)).json().result[0].outcome).toBe('检查中');
  });

  it('keeps inspections inside the caller\'s scope', async () => {
    const i = (await open()).json();
    const far = await makeOfficer(t, { region: '430699102000' });
    const cookie = await t.login(far.username);
    expect((await api(t).get(cookie, `/api/enforcement/inspections/${i.id}`)).statusCode).toBe(404);
    expect((await api(t).post(cookie, `/api/enforcement/inspections/${i.id}/cancel`, { reason: '测试' })).statusCode).toBe(404);
    expect((await api(t).get(cookie, '/api/enforcement/inspections?pageSize=200')).json().items.some((x: { id: string }) => x.id === i.id)).toBe(false);
    expect((await api(t).post(cookie, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId, officerIds: [me, mate.id] })).statusCode).toBe(400);
    expect((await api(t).post(officer, `/api/enforcement/inspections/${i.id}/cancel`, { reason: '企业停产，改期检查' })).json().status).toBe('cancelled');
  });
});
