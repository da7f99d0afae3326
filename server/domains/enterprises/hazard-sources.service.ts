// 重大危险源: the chemicals held in a unit resolve to the catalogue's 临界量 Q and β, the platform identifies
// and grades the unit (GB 18218, with the working) under the rule version in force, and stores the result
// with the Q and β it used. Enterprise accounts keep their own; every change is audited against the enterprise.
import type { Static } from '@sinclair/typebox';
import type { HazardEvaluateInput, HazardEvaluation, HazardSource, HazardSourceInput, HazardSourceUpdate } from '../../../contracts/enterprises.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { ruleValue } from '../../platform/settings/rules.js';
import { loadEnterprise, requireEditor, tellRegulator } from './enterprises.service.js';
import { GB18218_BANDS } from './enterprises.rules.js';
import { evaluateHazard, GRADE_LABELS, type HazardTermInput } from './gb18218.js';
import {
  chemicalsOf, deleteSource, findChemicals, findSource, insertSource, listSources, replaceChemicals, type SourceChemicalRow, type SourceRow,
  type SourceWrite, updateSource,
} from './hazard-sources.store.js';

type Chemicals = Static<typeof HazardEvaluateInput>['chemicals'];

/** Resolve each held chemical to its catalogue Q and β; a category needs the substance's own name. */
async function resolve(db: Queryable, chemicals: Chemicals): Promise<HazardTermInput[]> {
  const found = new Map((await findChemicals(db, [...new Set(chemicals.map((c) => c.chemicalCode.trim()))])).map((c) => [c.code, c]));
  return chemicals.map((c, i) => {
    const row = found.get(c.chemicalCode.trim());
    if (!row) throw badRequest(`第 ${i + 1} 种物质：危险化学品目录中没有代码「${c.chemicalCode}」，请从目录中选择物质或危险性类别`, `Unknown chemical code ${c.chemicalCode}`);
    const name = c.name?.trim() || (row.kind === 'listed' ? row.name : '');
    if (!name) throw badRequest(`第 ${i + 1} 种物质按类别「${row.name}」填写，须写明物质名称`, 'A substance given by category needs its name');
    return { chemicalCode: row.code, name, quantity: c.quantity, criticalQuantity: row.critical_quantity_t, beta: row.beta };
  });
}

/** Identify and grade without saving (the form's live preview). */
export async function evaluate(ctx: Ctx, input: Static<typeof HazardEvaluateInput>): Promise<HazardEvaluation> {
  const rule = await ruleValue(ctx.db, GB18218_BANDS, ctx.clock());
  const r = evaluateHazard(await resolve(ctx.db, input.chemicals), input.peopleExposed, rule.value);
  return { ...r, ruleVersion: rule.version };
}

function present(s: SourceRow, chems: SourceChemicalRow[]): HazardSource {
  const terms = chems.map((c) => ({ chemicalCode: c.chemical_code, name: c.name, quantity: c.quantity_t, criticalQuantity: c.critical_quantity_t,
    beta: c.beta, ratio: c.quantity_t / c.critical_quantity_t, weighted: (c.beta * c.quantity_t) / c.critical_quantity_t }));
  return {
    id: s.id, enterpriseId: s.enterprise_id, name: s.name, unitKind: s.unit_kind, peopleExposed: s.people_exposed, recordNo: s.record_no, note: s.note,
    evaluation: { terms, s: s.s_value, identified: s.identified, alpha: s.alpha, r: s.r_value, grade: s.grade, gradeLabel: s.grade ? GRADE_LABELS[s.grade] : null,
      working: s.working, ruleVersion: s.rule_version },
    createdAt: new Date(s.created_at).toISOString(), updatedAt: new Date(s.updated_at).toISOString(),
  };
}

async function presentAll(db: Queryable, rows: SourceRow[]) {
  const chems = rows.length ? await chemicalsOf(db, rows.map((r) => r.id)) : [];
  return rows.map((r) => present(r, chems.filter((c) => c.source_id === r.id)));
}

/** The hazard sources of an enterprise the caller may see, identified ones first. */
export async function sourcesOf(ctx: Ctx, enterpriseId: string) {
  await loadEnterprise(ctx, ctx.db, enterpriseId);
  return presentAll(ctx.db, await listSources(ctx.db, enterpriseId));
}

async function compute(ctx: Ctx, db: Queryable, input: Static<typeof HazardSourceInput>) {
  const rule = await ruleValue(db, GB18218_BANDS, ctx.clock());
  const terms = await resolve(db, input.chemicals);
  const r = evaluateHazard(terms, input.peopleExposed, rule.value);
  const w: SourceWrite = { name: input.name.trim(), unit_kind: input.unitKind, people_exposed: input.peopleExposed, record_no: input.recordNo?.trim() || null,
    note: input.note ?? null, s_value: r.s, identified: r.identified, alpha: r.alpha, r_value: r.r, grade: r.grade, rule_version: rule.version,
    working: JSON.stringify(r.working) };
  const chems = terms.map((t) => ({ chemical_code: t.chemicalCode, name: t.name, quantity_t: t.quantity, critical_quantity_t: t.criticalQuantity, beta: t.beta }));
  return { w, chems };
}

const summary = (s: HazardSource) => ({ sourceId: s.id, name: s.name, unitKind: s.unitKind, peopleExposed: s.peopleExposed, recordNo: s.recordNo,
  chemicals: s.evaluation.terms.map((t) => ({ code: t.chemicalCode, name: t.name, quantity: t.quantity })), s: s.evaluation.s, r: s.evaluation.r,
  grade: s.evaluation.grade, ruleVersion: s.evaluation.ruleVersion });

export async function addSource(ctx: Ctx, enterpriseId: string, input: Static<typeof HazardSourceInput>) {
  requireEditor(ctx, '重大危险源');
  return ctx.db.tx(async (tx) => {
    const e = await loadEnterprise(ctx, tx, enterpriseId);
    const { w, chems } = await compute(ctx, tx, input);
    const id = uuidv7();
    await insertSource(tx, id, enterpriseId, w, ctx.clock().toISOString());
    await replaceChemicals(tx, id, chems, uuidv7);
    const [after] = await presentAll(tx, [(await findSource(tx, { kind: 'all' }, id))!]);
    await audit(ctx, tx, { action: 'enterprise.hazard_source.create', entityType: 'enterprise', entityId: e.id, regionCode: e.region_code, after: summary(after) });
    await tellRegulator(ctx, tx, e, '重大危险源');
    return after;
  });
}

async function loadSource(ctx: Ctx, db: Queryable, id: string) {
  const s = await findSource(db, ctx.actor.scope, id);
  if (!s) throw notFound('重大危险源', 'Major hazard source');
  return s;
}

export async function editSource(ctx: Ctx, id: string, input: Static<typeof HazardSourceUpdate>) {
  requireEditor(ctx, '重大危险源');
  return ctx.db.tx(async (tx) => {
    const row = await loadSource(ctx, tx, id);
    const e = await loadEnterprise(ctx, tx, row.enterprise_id);
    const [before] = await presentAll(tx, [row]);
    const merged = {
      name: input.name ?? before.name, unitKind: input.unitKind ?? (before.unitKind as 'production' | 'storage'), peopleExposed: input.peopleExposed ?? before.peopleExposed,
      recordNo: input.recordNo !== undefined ? input.recordNo : before.recordNo, note: input.note !== undefined ? input.note : before.note,
      chemicals: input.chemicals ?? before.evaluation.terms.map((t) => ({ chemicalCode: t.chemicalCode ?? '', name: t.name, quantity: t.quantity })),
    };
    const { w, chems } = await compute(ctx, tx, merged);
    await updateSource(tx, id, w, ctx.clock().toISOString());
    await replaceChemicals(tx, id, chems, uuidv7);
    const [after] = await presentAll(tx, [(await findSource(tx, { kind: 'all' }, id))!]);
    await audit(ctx, tx, { action: 'enterprise.hazard_source.update', entityType: 'enterprise', entityId: e.id, regionCode: e.region_code, before: summary(before), after: summary(after) });
    await tellRegulator(ctx, tx, e, '重大危险源');
    return after;
  });
}

export async function removeSource(ctx: Ctx, id: string) {
  requireEditor(ctx, '重大危险源');
  await ctx.db.tx(async (tx) => {
    const row = await loadSource(ctx, tx, id);
    const e = await loadEnterprise(ctx, tx, row.enterprise_id);
    const [before] = await presentAll(tx, [row]);
    await deleteSource(tx, id);
    await audit(ctx, tx, { action: 'enterprise.hazard_source.delete', entityType: 'enterprise', entityId: e.id, regionCode: e.region_code, before: summary(before) });
    await tellRegulator(ctx, tx, e, '重大危险源');
  });
  return { ok: true };
}
