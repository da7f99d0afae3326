// Certified officers (执法人员 with 执法证号): the pool for draws and the check that every inspection, case and
// transfer team has at least two of them (行政处罚法 Art. 42). Reads accounts through the platform's account store.
import type { OfficerRef } from '../../../../contracts/enforcement.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import { findAccountById, listAccounts } from '../../../platform/auth/accounts.store.js';
import { sql } from '../../../platform/db/sql.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest } from '../../../platform/http/errors.js';

export interface OfficerInfo extends OfficerRef { orgName: string | null }

/** Every active officer with a 执法证号 the viewer may see, ordered by 执法证号. */
export async function officerPool(db: Queryable, viewer: DataScope, now: Date): Promise<OfficerInfo[]> {
  const { items } = await listAccounts(db, viewer, { role: 'officer', status: 'active' }, 1, 200, now);
  return items.filter((a) => a.enforcement_cert_no?.trim())
    .map((a) => ({ id: a.id, name: a.display_name, certNo: a.enforcement_cert_no!.trim(), orgName: a.org_name }))
    .sort((a, b) => (a.certNo < b.certNo ? -1 : a.certNo > b.certNo ? 1 : 0));
}

/** The named officers, each an active officer with a 执法证号, at least `min` of them; else 400 naming who. */
export async function requireOfficers(db: Queryable, ids: string[], min = 2): Promise<OfficerRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length < min) throw badRequest(`执法须由至少 ${min} 名持有执法证的执法人员进行，请再选择 ${min - unique.length} 名`, `At least ${min} officers are needed`);
  const out: OfficerRef[] = [];
  for (const id of unique) {
    const a = await findAccountById(db, id);
    if (!a || a.disabled) throw badRequest('所选执法人员不存在或账号已停用，请重新选择', 'Officer not found');
    if (!a.roles.includes('officer')) throw badRequest(`「${a.display_name}」不是执法人员，不能参与执法`, 'Not an officer');
    if (!a.enforcement_cert_no?.trim()) throw badRequest(`执法人员「${a.display_name}」没有登记执法证号，请先在账号管理中登记`, 'Officer has no certificate number');
    out.push({ id: a.id, name: a.display_name, certNo: a.enforcement_cert_no.trim() });
  }
  return out;
}

/** Record the officers of an inspection or a case, in order (the first leads). */
export async function insertOfficers(db: Queryable, table: 'enforcement_inspection_officers' | 'enforcement_case_officers', key: string, id: string, officers: OfficerRef[]) {
  for (const [i, o] of officers.entries()) {
    await db.execute(sql`insert into ${sql.id(table)} (${sql.id(key)}, officer_id, officer_name, cert_no, position) values (${id}, ${o.id}, ${o.name}, ${o.certNo}, ${i + 1})`);
  }
}
