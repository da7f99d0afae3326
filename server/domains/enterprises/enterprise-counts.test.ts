// The enterprise tallies kept by triggers (0106) against the registry itself, after every kind of write; and the
// dashboard's sector × risk figures from them against counting the registry, for each kind of viewer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from '../../platform/auth/actor.js';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { enterpriseTally } from '../dashboard/dashboard.store.js';
import { kept, recount, sectorRiskFromTallies } from './enterprise-counts.store.js';
import { filterWhere } from './enterprises.store.js';
import { makeEnterprise } from './test-helpers.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const db = () => t.p.db;
const TODAY = '2026-06-10';
async function expectTalliesHold() {
  expect(await kept(db())).toEqual(await recount(db()));
}
/** What the registry itself says: operating enterprises by sector × risk colour. */
const fromTable = (viewer: DataScope, regionCode?: string) => db().query(sql`select e.sector, coalesce(e.risk_level, 'none') as risk, count(*)::int as n
  from enterprises e where ${filterWhere(viewer, { status: ['operating'], regionCode }, TODAY)} group by 1, 2 order by 1, 2`);

describe('the tallies follow every write to enterprises', () => {
  it('hold for the demo county as loaded', async () => {
    expect((await kept(db())).length).toBeGreaterThan(10);
    await expectTalliesHold();
  });

  it('hold after a bulk insert, bulk moves of status, sector, risk and place, and deletes', async () => {
    // Copies of the demo's enterprises (without credit codes, which are unique), in one statement.
    await db().execute(sql`insert into enterprises (id, name, region_code, status, sector, risk_level)
      select gen_random_uuid(), '计数测试' || name, region_code, status, sector, risk_level from enterprises`);
    await expectTalliesHold();
    await db().execute(sql`update enterprises set status = 'suspended' where name like '计数测试%' and sector = 'fireworks'`);
    await expectTalliesHold();
    await db().execute(sql`update enterprises set sector = 'hazchem', risk_level = 'red' where name like '计数测试%' and status = 'operating' and risk_level is null`);
    await expectTalliesHold();
    await db().execute(sql`update enterprises set risk_level = null where name like '计数测试%' and risk_level = 'blue'`);
    await expectTalliesHold();
    await db().execute(sql`update enterprises set region_code = (select code from regions where code like '430699%' and length(rtrim(code, '0')) > 6 order by code desc limit 1)
      where name like '计数测试%' and sector = 'other'`);
    await expectTalliesHold();
    await db().execute(sql`update enterprises set address = '复核' where name like '计数测试%'`); // keys unchanged: nothing to write
    await expectTalliesHold();
    await db().execute(sql`delete from enterprises where name like '计数测试%' and status <> 'operating'`);
    await expectTalliesHold();
    await db().execute(sql`delete from enterprises where name like '计数测试%'`);
    await expectTalliesHold();
  });

  it('hold after enterprises registered and their status changed through the API', async () => {
    const staff = await t.login('staff');
    const before = await sectorRiskFromTallies(db(), { kind: 'all' }, { status: ['operating'] });
    const e = await makeEnterprise(t, staff, { sector: 'gas' });
    await expectTalliesHold();
    const n = (rows: typeof before) => rows!.find((r) => r.sector === 'gas' && r.risk === 'none')?.n ?? 0;
    expect(n(await sectorRiskFromTallies(db(), { kind: 'all' }, { status: ['operating'] }))).toBe(n(before) + 1);
    const s = await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'suspended', reason: '停产整顿' } });
    expect(s.statusCode, s.body).toBe(200);
    await expectTalliesHold();
    expect(n(await sectorRiskFromTallies(db(), { kind: 'all' }, { status: ['operating'] }))).toBe(n(before));
  });
});

describe('the dashboard\'s sector × risk figures equal counting the registry', () => {
  it('for the county, a county account, the province, a region filter; a town, a department and an enterprise from the registry', async () => {
    const viewers: [DataScope, string?][] = [
      [{ kind: 'all' }], [{ kind: 'region', regionCode: '430699000000' }], [{ kind: 'region', regionCode: '430000000000' }],
      [{ kind: 'all' }, '430699000000'], [{ kind: 'region', regionCode: '430600000000' }, '430699000000'],
    ];
    for (const [viewer, regionCode] of viewers) {
      const tallied = await sectorRiskFromTallies(db(), viewer, { regionCode, status: ['operating'] });
      expect(tallied, JSON.stringify(viewer)).not.toBeNull();
      expect(tallied, JSON.stringify(viewer)).toEqual(await fromTable(viewer, regionCode));
      expect(tallied!.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(100);
    }
    const town: DataScope = { kind: 'region', regionCode: '430699101000' };
    const org = await db().one<{ id: string }>(sql`select supervising_org_id as id from enterprises where supervising_org_id is not null limit 1`);
    const ent = await db().one<{ id: string }>(sql`select id from enterprises where name = '汨水市恒达化工有限公司'`);
    for (const [viewer, regionCode] of [[town], [{ kind: 'all' }, '430699101000'], [{ kind: 'org', orgId: org.id }], [{ kind: 'enterprise', enterpriseId: ent.id }]] as [DataScope, string?][]) {
      expect(await sectorRiskFromTallies(db(), viewer, { regionCode, status: ['operating'] }), JSON.stringify(viewer)).toBeNull();
      const rows = await enterpriseTally(db(), viewer, { regionCode }, TODAY);
      expect(rows, JSON.stringify(viewer)).toEqual(await fromTable(viewer, regionCode));
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
