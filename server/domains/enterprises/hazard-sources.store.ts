// SQL of 重大危险源 (major hazard sources), their chemicals, and the chemicals catalogue.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { visibleEnterprises } from './enterprises.store.js';

export interface SourceRow {
  id: string; enterprise_id: string; name: string; unit_kind: string; people_exposed: number; record_no: string | null; note: string | null;
  s_value: number; identified: boolean; alpha: number; r_value: number | null; grade: number | null; rule_version: string; working: string[];
  created_at: Date; updated_at: Date;
}
export interface SourceChemicalRow {
  source_id: string; position: number; chemical_code: string | null; name: string; quantity_t: number; critical_quantity_t: number; beta: number;
}
export interface ChemicalRow { code: string; name: string; cas: string | null; kind: 'listed' | 'category'; critical_quantity_t: number; beta: number; category: string | null; source: string | null }

const COLS = sql`m.id, m.enterprise_id, m.name, m.unit_kind, m.people_exposed, m.record_no, m.note, m.s_value::float8 as s_value, m.identified,
  m.alpha::float8 as alpha, m.r_value::float8 as r_value, m.grade::int as grade, m.rule_version, m.working, m.created_at, m.updated_at`;

export const listSources = (db: Queryable, enterpriseId: string) =>
  db.query<SourceRow>(sql`select ${COLS} from major_hazard_sources m where m.enterprise_id = ${enterpriseId} order by m.identified desc, m.grade nulls last, m.created_at, m.id`);

/** One source whose enterprise the viewer may see. */
export const findSource = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<SourceRow>(sql`select ${COLS} from major_hazard_sources m join enterprises e on e.id = m.enterprise_id where m.id = ${id} and ${visibleEnterprises(viewer)}`);

export const chemicalsOf = (db: Queryable, sourceIds: string[]) =>
  db.query<SourceChemicalRow>(sql`select source_id, position, chemical_code, name, quantity_t::float8 as quantity_t,
      critical_quantity_t::float8 as critical_quantity_t, beta::float8 as beta
    from major_hazard_chemicals where source_id = any(${sourceIds}::uuid[]) order by source_id, position`);

export type SourceWrite = Omit<SourceRow, 'id' | 'enterprise_id' | 'created_at' | 'updated_at' | 'working'> & { working: string };

export async function insertSource(db: Queryable, id: string, enterpriseId: string, w: SourceWrite, at: string) {
  await db.execute(sql`insert into major_hazard_sources (id, enterprise_id, name, unit_kind, people_exposed, record_no, note, s_value, identified,
      alpha, r_value, grade, rule_version, working, created_at, updated_at)
    values (${id}, ${enterpriseId}, ${w.name}, ${w.unit_kind}, ${w.people_exposed}, ${w.record_no}, ${w.note}, ${w.s_value}, ${w.identified},
      ${w.alpha}, ${w.r_value}, ${w.grade}, ${w.rule_version}, ${w.working}::jsonb, ${at}, ${at})`);
}

export async function updateSource(db: Queryable, id: string, w: SourceWrite, at: string) {
  await db.execute(sql`update major_hazard_sources set name = ${w.name}, unit_kind = ${w.unit_kind}, people_exposed = ${w.people_exposed},
      record_no = ${w.record_no}, note = ${w.note}, s_value = ${w.s_value}, identified = ${w.identified}, alpha = ${w.alpha}, r_value = ${w.r_value},
      grade = ${w.grade}, rule_version = ${w.rule_version}, working = ${w.working}::jsonb, updated_at = ${at} where id = ${id}`);
}

/** Replace a source's chemicals with these (positions in order). */
export async function replaceChemicals(db: Queryable, sourceId: string, rows: Omit<SourceChemicalRow, 'source_id' | 'position'>[], newId: () => string) {
  await db.execute(sql`delete from major_hazard_chemicals where source_id = ${sourceId}`);
  if (!rows.length) return;
  await db.execute(sql`insert into major_hazard_chemicals (id, source_id, position, chemical_code, name, quantity_t, critical_quantity_t, beta) values
    ${sql.join(rows.map((r, i) => sql`(${newId()}, ${sourceId}, ${i + 1}, ${r.chemical_code}, ${r.name}, ${r.quantity_t}, ${r.critical_quantity_t}, ${r.beta})`))}`);
}

export const deleteSource = (db: Queryable, id: string) => db.execute(sql`delete from major_hazard_sources where id = ${id}`);

const CHEM_COLS = sql`code, name, cas, kind, critical_quantity_t::float8 as critical_quantity_t, beta::float8 as beta, category, source`;

/** The catalogue, optionally searched by name, code or CAS. */
export async function listChemicals(db: Queryable, f: { q?: string; kind?: string }) {
  const q = f.q?.trim();
  return db.query<ChemicalRow>(sql`select ${CHEM_COLS} from chemicals where ${sql.and([
    q ? sql`(name ilike ${'%' + q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'} or code = ${q} or cas = ${q})` : undefined,
    f.kind ? sql`kind = ${f.kind}` : undefined,
  ])} order by kind desc, code`);
}

export const findChemicals = (db: Queryable, codes: string[]) =>
  db.query<ChemicalRow>(sql`select ${CHEM_COLS} from chemicals where code = any(${codes}::text[])`);
