// SQL of penalty proposals, scoped like the case they belong to (region, department, enterprise).
import type { DataScope } from '../../platform/auth/actor.js';
import { scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import type { Static } from '@sinclair/typebox';
import type { Band, Circumstances, ProposalArticle } from '../../../contracts/law.js';

export interface ProposalRow {
  id: string; case_id: string; item_id: string; code: string; name: string; region_code: string; org_id: string | null; enterprise_id: string | null; on_date: string;
  circumstances: Circumstances; grade: string; band: Static<typeof Band>; articles: Static<typeof ProposalArticle>[]; kinds: string[]; fine: number | null;
  within_range: boolean; reason: string | null; status: string; proposed_by: string | null; proposed_by_name: string; decided_by: string | null; decided_by_name: string | null;
  decided_at: Date | null; decision_note: string | null; created_at: Date;
}

const scope = (v: DataScope) => scopeWhere(v, { region: 'p.region_code', org: 'p.org_id', enterprise: 'p.enterprise_id' });
const select = sql`select p.*, p.on_date::text as on_date, p.fine::float8 as fine, i.code, i.name from law_penalty_proposals p join law_violation_items i on i.id = p.item_id`;

export const proposalsOfCase = (db: Queryable, viewer: DataScope, caseId: string) =>
  db.query<ProposalRow>(sql`${select} where p.case_id = ${caseId} and ${scope(viewer)} order by p.created_at desc, p.id desc`);
export const findProposal = (db: Queryable, viewer: DataScope, id: string, lock = false) =>
  db.maybeOne<ProposalRow>(sql`${select} where p.id = ${id} and ${scope(viewer)}${lock ? sql` for update of p` : sql``}`);

export async function insertProposal(db: Queryable, r: Omit<ProposalRow, 'code' | 'name' | 'decided_by' | 'decided_by_name' | 'decided_at' | 'decision_note' | 'created_at'> & { created_at: string }) {
  await db.execute(sql`insert into law_penalty_proposals (id, case_id, item_id, region_code, org_id, enterprise_id, on_date, circumstances, grade, band, articles, kinds, fine,
    within_range, reason, status, proposed_by, proposed_by_name, created_at) values (${r.id}, ${r.case_id}, ${r.item_id}, ${r.region_code}, ${r.org_id}, ${r.enterprise_id}, ${r.on_date},
    ${JSON.stringify(r.circumstances)}::jsonb, ${r.grade}, ${JSON.stringify(r.band)}::jsonb, ${JSON.stringify(r.articles)}::jsonb, ${r.kinds}::text[], ${r.fine}, ${r.within_range},
    ${r.reason}, ${r.status}, ${r.proposed_by}, ${r.proposed_by_name}, ${r.created_at})`);
}

export const decideProposal = (db: Queryable, id: string, d: { status: string; by: string | null; byName: string; at: string; note: string }) =>
  db.execute(sql`update law_penalty_proposals set status = ${d.status}, decided_by = ${d.by}, decided_by_name = ${d.byName}, decided_at = ${d.at}, decision_note = ${d.note} where id = ${id}`);
