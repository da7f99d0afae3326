import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
  // A few business changes to chain.
  for (const name of ['甲', '乙', '丙']) {
    await t.as(admin, { method: 'POST', url: '/api/orgs', payload: { name: `测试单位${name}`, kind: 'other', regionCode: '430699000000' } });
  }
});
afterAll(async () => { await t.close(); });

const verify = async () => (await t.as(admin, { method: 'GET', url: '/api/audit/verify' })).json();

/** Tampering needs the database owner: the application's own statements are refused by a trigger. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.p.db.tx(async (tx) => {
    await tx.exec('alter table audit_log disable trigger audit_log_no_update');
    await tx.execute(statement);
    await tx.exec('alter table audit_log enable trigger audit_log_no_update');
  });
}

describe('audit chain', () => {
  it('records each change with who, what, before and after', async () => {
    const page = (await t.as(admin, { method: 'GET', url: '/api/audit?action=org.create&pageSize=5' })).json();
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({ action: 'org.create', entityType: 'organization', actorName: expect.any(String), requestId: expect.any(String) });
    expect(page.items[0].after.name).toMatch(/测试单位/);
  });

  it('verifies an untouched chain', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(3);
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(t.p.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.p.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('detects an edited record', async () => {
    const row = await t.p.db.one<{ seq: number }>(sql`select seq from audit_log where action = 'org.create' order by seq limit 1`);
    await tamper(sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where seq = ${row.seq}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.brokenAtSeq).toBe(Number(row.seq));
    expect(r.reason).toMatch(/篡改/);
    await tamper(sql`update audit_log set after = jsonb_set(after, '{name}', '"测试单位甲"') where seq = ${row.seq}`);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted record', async () => {
    const copy = await t.buildIsolated();
    try {
      const c = await copy.login('admin');
      await copy.as(c, { method: 'POST', url: '/api/orgs', payload: { name: '临时单位', kind: 'other', regionCode: '430699000000' } });
      await copy.as(c, { method: 'POST', url: '/api/orgs', payload: { name: '临时单位二', kind: 'other', regionCode: '430699000000' } });
      const { seq } = await copy.p.db.one<{ seq: number }>(sql`select seq from audit_log where action = 'org.create' order by seq limit 1`);
      await copy.p.db.tx(async (tx) => {
        await tx.exec('alter table audit_log disable trigger audit_log_no_update');
        await tx.execute(sql`delete from audit_log where seq = ${seq}`);
        await tx.exec('alter table audit_log enable trigger audit_log_no_update');
      });
      const r = await copy.p.audit.verify(copy.p.db);
      expect(r.ok).toBe(false);
      expect(r.brokenAtSeq).toBe(Number(seq));
    } finally { await copy.close(); }
  });

  it('detects reordered records', async () => {
    const rows = await t.p.db.query<{ seq: number }>(sql`select seq from audit_log where action = 'org.create' order by seq limit 2`);
    const [a, b] = rows.map((r) => Number(r.seq));
    await tamper(sql`update audit_log set seq = -1 where seq = ${a}`);
    await tamper(sql`update audit_log set seq = ${a} where seq = ${b}`);
    await tamper(sql`update audit_log set seq = ${b} where seq = -1`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.brokenAtSeq).toBe(a);
  });
});
