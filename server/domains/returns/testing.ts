// Test factories of the returns domain: unit accounts (a filler's leader) and a monthly form of one's own.
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { DEMO_PASSWORD, type TestApp } from '../../testing/app.js';

let n = 0;

/** A new account of `role` in the organisation named `orgName`, scoped like the demo account `like`; returns its id and username (sign in with t.login). */
export async function makeUnitAccount(t: TestApp, like: string, name = '负责人') {
  n++;
  const src = await t.p.db.one<{ roles: string[]; org_id: string | null; scope_kind: string; scope_region_code: string | null; scope_org_id: string | null; scope_enterprise_id: string | null }>(
    sql`select roles, org_id, scope_kind, scope_region_code, scope_org_id, scope_enterprise_id from accounts where username = ${like}`);
  const id = uuidv7();
  const username = `rt_${process.pid}_${n}_${id.slice(-6)}`;
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, roles, org_id, scope_kind, scope_region_code, scope_org_id, scope_enterprise_id, password_hash, must_change_password)
    values (${id}, ${username}, ${`${name}${n}`}, ${src.roles}::text[], ${src.org_id}, ${src.scope_kind}, ${src.scope_region_code}, ${src.scope_org_id}, ${src.scope_enterprise_id},
      ${await t.p.hasher.hash(DEMO_PASSWORD)}, false)`);
  return { id, username, cookie: '' };
}

/** A form definition: 甲 + 乙 = 合计, non-negative integers, 50% jump warning, due the 5th day after the month. */
export const monthlyForm = (code: string, obliged: object = { orgKinds: ['town_station'] }) => ({
  code, name: `测试月报${code}`, periodKind: 'monthly', obliged, dueDays: 5, remindBefore: [3], remindAfter: [1, 3], jumpPercent: 50,
  fields: [
    { key: 'a', label: '甲项', type: 'integer', unit: '起', required: true, min: 0 },
    { key: 'b', label: '乙项', type: 'integer', unit: '起', required: true, min: 0 },
    { key: 'total', label: '合计', type: 'integer', unit: '起', required: true, min: 0 },
    { key: 'note', label: '说明', type: 'text' },
  ],
  checks: [{ kind: 'sum', target: 'total', parts: ['a', 'b'] }],
});
