// Test factories of the enforcement domain: officers with 执法证号 (and a login), enterprises from the demo county.
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { DEMO_PASSWORD, type TestApp } from '../../../testing/app.js';

let n = 0;

/** A new officer account with a 执法证号 (scope: whole county unless a region is given); returns its id, cert and username. */
export async function makeOfficer(t: TestApp, opts: { region?: string; roles?: string[]; certNo?: string | null } = {}) {
  n++;
  const id = uuidv7();
  const username = `off_${process.pid}_${n}_${id.slice(-6)}`;
  const certNo = opts.certNo === undefined ? `湘应执${String(process.pid).slice(-3)}${String(n).padStart(5, '0')}${id.slice(-4)}` : opts.certNo;
  const hash = await t.p.hasher.hash(DEMO_PASSWORD);
  const org = await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '政策法规股(执法大队)'`);
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, roles, org_id, scope_kind, scope_region_code, enforcement_cert_no, password_hash, must_change_password)
    values (${id}, ${username}, ${`执法员${n}`}, ${opts.roles ?? ['officer']}::text[], ${org.id}, ${opts.region ? 'region' : 'all'}, ${opts.region ?? null}, ${certNo}, ${hash}, false)`);
  return { id, username, certNo: certNo ?? '' };
}

/** Demo enterprises of a sector (optionally in a region subtree), operating ones first. */
export async function enterprisesOf(t: TestApp, sector: string, regionPrefix = '4306') {
  return t.p.db.query<{ id: string; name: string; region_code: string; credit_code: string }>(sql`select id, name, region_code, credit_code from enterprises
    where sector = ${sector} and region_code like ${regionPrefix + '%'} and status = 'operating' order by credit_code`);
}

/** JSON body helpers. */
export const api = (t: TestApp) => ({
  get: (cookie: string, url: string) => t.as(cookie, { method: 'GET', url }),
  post: (cookie: string, url: string, payload: object = {}) => t.as(cookie, { method: 'POST', url, payload }),
});

/** A tiny PNG uploaded as the caller (a photo or a signature). */
export async function upload(t: TestApp, cookie: string): Promise<string> {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, n++)]);
  const b = `----e${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${b}--\r\n`)]);
  const r = await t.as(cookie, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
  if (r.statusCode !== 200) throw new Error(`upload failed: ${r.body}`);
  return r.json().id;
}
