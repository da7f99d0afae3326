// Return forms (报表): the bureau defines fields, checks, period, obliged units and due rule; a change to the
// fields of a version already filed against makes a new version, so a filed return keeps its definition.
import { checkFormDefinition, type FormInput } from '../../../contracts/returns.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findForm, findFormByCode, type FormRow, type FormWrite, insertForm, putVersion, setFormStatus, updateForm, versionUsed } from './forms.store.js';
import { currentPeriod, obligedUnits, openPeriod, resolvePeriod } from './obligations.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Row → API shape. */
export const presentForm = (f: FormRow) => ({
  id: f.id, code: f.code, name: f.name, description: f.description, periodKind: f.period_kind, obliged: f.obliged, dueDays: f.due_days,
  remindBefore: f.remind_before, remindAfter: f.remind_after, jumpPercent: f.jump_percent === null ? null : Number(f.jump_percent),
  status: f.status, version: f.version, fields: f.fields, checks: f.checks, createdAt: iso(f.created_at), updatedAt: iso(f.updated_at),
  returnsCount: f.returns_count,
});

function toWrite(input: FormInput): FormWrite {
  const problems = checkFormDefinition(input.fields, input.checks ?? []);
  const o = input.obliged;
  if (!o.orgKinds?.length && !o.orgIds?.length && !o.enterpriseSectors?.length) problems.push('请选择填报单位（组织类型、指定组织或某行业的企业）');
  if (problems.length) throw badRequest(problems.join('；'), 'Invalid form definition', { problems });
  return {
    code: input.code, name: input.name, description: input.description ?? null, period_kind: input.periodKind, obliged: o, due_days: input.dueDays,
    remind_before: [...new Set(input.remindBefore ?? [3, 1])].sort((a, b) => b - a), remind_after: [...new Set(input.remindAfter ?? [1, 3, 7])].sort((a, b) => a - b),
    jump_percent: input.jumpPercent ?? null,
  };
}

async function mustFind(ctx: Ctx, id: string) {
  const f = await findForm(ctx.db, id);
  if (!f) throw notFound('报表', 'Form');
  return f;
}

/** Define a new form (draft until published). */
export async function createForm(ctx: Ctx, input: FormInput) {
  const w = toWrite(input);
  return ctx.db.tx(async (tx) => {
    if (await findFormByCode(tx, w.code)) throw new AppError(409, 'conflict', `报表代码「${w.code}」已被使用，请换一个`, 'Code in use');
    const id = uuidv7();
    await insertForm(tx, id, w, ctx.actor.id);
    await putVersion(tx, id, 1, input.fields, input.checks ?? [], ctx.actor.id);
    await audit(ctx, tx, { action: 'returns.form.create', entityType: 'return_form', entityId: id, after: input });
    return presentForm((await findForm(tx, id))!);
  });
}

/** Change a form; new fields go into a new version once the current one has been filed against. */
export async function editForm(ctx: Ctx, id: string, input: FormInput) {
  const w = toWrite(input);
  return ctx.db.tx(async (tx) => {
    const f = await findForm(tx, id);
    if (!f) throw notFound('报表', 'Form');
    if (f.status === 'archived') throw new AppError(409, 'archived', '报表已停用，不能修改', 'Form archived');
    if (w.code !== f.code && f.returns_count > 0) throw new AppError(409, 'conflict', '已有单位填报，报表代码不能再改', 'Code is in use by returns');
    const changed = JSON.stringify(f.fields) !== JSON.stringify(input.fields) || JSON.stringify(f.checks) !== JSON.stringify(input.checks ?? []);
    const version = changed && (await versionUsed(tx, id, f.version)) ? f.version + 1 : f.version;
    await updateForm(tx, id, w, version);
    if (changed) await putVersion(tx, id, version, input.fields, input.checks ?? [], ctx.actor.id);
    await audit(ctx, tx, { action: 'returns.form.edit', entityType: 'return_form', entityId: id, before: presentForm(f), after: { ...input, version } });
    return presentForm((await findForm(tx, id))!);
  });
}

/** Publish a draft form: it opens its current period for every obliged unit. */
export async function publishForm(ctx: Ctx, id: string) {
  return ctx.db.tx(async (tx) => {
    const f = await findForm(tx, id);
    if (!f) throw notFound('报表', 'Form');
    if (f.status !== 'draft') throw new AppError(409, 'illegal_move', f.status === 'active' ? '报表已发布' : '报表已停用', 'Form is not a draft');
    if (!(await obligedUnits(tx, f)).length) throw badRequest('没有符合条件的填报单位，请调整填报单位', 'No obliged units');
    await setFormStatus(tx, id, 'active');
    const p = currentPeriod(f, shanghaiDate(ctx.clock()));
    const opened = p ? await openPeriod(tx, { ...f, status: 'active' }, p) : 0;
    await audit(ctx, tx, { action: 'returns.form.publish', entityType: 'return_form', entityId: id, before: { status: 'draft' }, after: { status: 'active', period: p?.period, opened } });
    return presentForm((await findForm(tx, id))!);
  });
}

/** Stop a form: no new periods open; filed returns stay. */
export async function archiveForm(ctx: Ctx, id: string) {
  const f = await mustFind(ctx, id);
  if (f.status === 'archived') throw new AppError(409, 'illegal_move', '报表已停用', 'Already archived');
  return ctx.db.tx(async (tx) => {
    await setFormStatus(tx, id, 'archived');
    await audit(ctx, tx, { action: 'returns.form.archive', entityType: 'return_form', entityId: id, before: { status: f.status }, after: { status: 'archived' } });
    return presentForm((await findForm(tx, id))!);
  });
}

/** Open a period by hand: an ad-hoc campaign's period, or a past period to collect late. */
export async function issuePeriod(ctx: Ctx, id: string, input: { period?: string; label?: string; start?: string; end?: string }) {
  return ctx.db.tx(async (tx) => {
    const f = await findForm(tx, id);
    if (!f) throw notFound('报表', 'Form');
    if (f.status !== 'active') throw new AppError(409, 'illegal_move', '请先发布报表再下发填报任务', 'Publish the form first');
    const p = resolvePeriod(f, input, shanghaiDate(ctx.clock()));
    const opened = await openPeriod(tx, f, p);
    await audit(ctx, tx, { action: 'returns.form.issue', entityType: 'return_form', entityId: id, after: { ...p, opened } });
    return { period: p.period, label: p.label, opened };
  });
}
