// Personal data (issue #11): phone and identity numbers leave the server masked in every list and detail; a caller
// whose role holds 'personal:phone' / 'personal:id' (contracts/roles.ts, the one table) reveals one value at a time
// through POST /api/personal/reveal, and receives them in full in exports; each reveal and each export carrying full
// values writes an audit record. Domains declare what may be revealed with `revealable(...)`.
import type { Permission } from '../../../contracts/roles.js';
import { can, type Actor } from '../auth/actor.js';
import { audit, type Ctx } from '../context.js';
import type { Queryable } from '../db/db.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';

export type PersonalKind = 'phone' | 'idNumber';

export const KIND_PERMISSION: Record<PersonalKind, Permission> = { phone: 'personal:phone', idNumber: 'personal:id' };
export const KIND_LABEL: Record<PersonalKind, string> = { phone: '电话号码', idNumber: '身份证号' };

export const isMasked = (v: unknown): boolean => typeof v === 'string' && v.includes('*');

/** 13812341234 → 138****1234; 0730-5212345 → 073*-***2345: all digits but the first three and the last four hidden. */
export function maskPhone<T extends string | null | undefined>(phone: T): T {
  if (!phone || isMasked(phone)) return phone;
  const digits = phone.replace(/\D/g, '').length;
  const keepHead = digits >= 8 ? 3 : 0;
  const keepTail = Math.min(4, Math.max(0, digits - 3));
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= keepHead || seen > digits - keepTail ? d : '*';
  }) as T;
}

/** 430699198001011234 → 430699********1234 (region kept, birth date and sequence hidden); anything short → all stars. */
export function maskIdNumber<T extends string | null | undefined>(id: T): T {
  if (!id || isMasked(id)) return id;
  if (id.length < 10) return '*'.repeat(id.length) as T;
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` as T;
}

export const mask = (kind: PersonalKind, v: string | null | undefined) => (kind === 'phone' ? maskPhone(v) : maskIdNumber(v));

/** May the caller see values of this kind in full (by reveal or export)? */
export const maySee = (actor: Actor, kind: PersonalKind) => can(actor, KIND_PERMISSION[kind]);

/** The presented row with the named fields masked (lists and details: everyone sees them masked). */
export function maskFields<T extends object>(row: T, fields: Partial<Record<keyof T & string, PersonalKind>>): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [f, kind] of Object.entries(fields) as [string, PersonalKind][]) {
    const v = out[f];
    if (typeof v === 'string') out[f] = mask(kind, v);
  }
  return out as T;
}

/**
 * A form sends back the masked value it was shown when the user left the field alone: keep the stored value then.
 * A masked value that is not the stored one's mask (typed by hand) is refused, so nothing masked is ever stored.
 */
export function keepIfMasked(input: string | null | undefined, stored: string | null | undefined, kind: PersonalKind, label: string): string | null | undefined {
  if (!input || !isMasked(input)) return input;
  if (stored && mask(kind, stored) === input) return stored;
  throw badRequest(`${label}不完整：请填写完整的${KIND_LABEL[kind]}，或保持显示的脱敏值不变`, `${label} is masked`);
}

/**
 * Rows for an export (Excel/Word): fields in full when the caller may see their kind, masked otherwise; `full` names
 * the fields that left in full (non-empty in some row), for the export's audit record.
 */
export function exportMask<T extends object>(actor: Actor, rows: T[], fields: Partial<Record<keyof T & string, PersonalKind>>): { rows: T[]; full: string[] } {
  const entries = Object.entries(fields) as [string, PersonalKind][];
  const plain = entries.filter(([, kind]) => maySee(actor, kind)).map(([f]) => f);
  const masked = Object.fromEntries(entries.filter(([f]) => !plain.includes(f))) as Partial<Record<keyof T & string, PersonalKind>>;
  const full = plain.filter((f) => rows.some((r) => { const v = (r as Record<string, unknown>)[f]; return typeof v === 'string' && v !== ''; }));
  return { rows: rows.map((r) => maskFields(r, masked)), full };
}

/** exportMask, and one audit record (personal.export) when any full value leaves: who exported what, how many records. */
export async function exportPersonal<T extends object>(ctx: Ctx, rows: T[], fields: Partial<Record<keyof T & string, PersonalKind>>,
  what: { entityType: string; label: string }): Promise<T[]> {
  const out = exportMask(ctx.actor, rows, fields);
  if (out.full.length) {
    const kinds = [...new Set(out.full.map((f) => KIND_LABEL[fields[f as keyof T & string]!]))].join('、');
    await ctx.audit.recordAlone(ctx.db, ctx.actor, ctx.meta, { action: 'personal.export', entityType: what.entityType,
      after: { what: `导出${what.label}（含完整${kinds}）`, fields: out.full, records: rows.length } });
  }
  return out.rows;
}

/** What a domain lets callers reveal: the record kind, its fields, and a loader that honours the caller's scope. */
export interface RevealSource {
  entity: string;
  label: string;
  /** The caller must hold one of these to read the record at all. */
  read: Permission[];
  fields: Record<string, PersonalKind>;
  /** The record as the caller may see it (scoped), or null when it does not exist or is out of the caller's scope. */
  load(ctx: Ctx, tx: Queryable, id: string): Promise<{ values: Record<string, string | null | undefined>; regionCode?: string | null; name?: string | null } | null | undefined>;
}

const sources = new Map<string, RevealSource>();

/** Declare a revealable record kind (called once per kind when the domain's routes module loads). */
export function revealable(source: RevealSource): void {
  sources.set(source.entity, source);
}

/** One full value for a caller allowed to read the record and to see its kind; audited as 查看敏感信息 every time. */
export async function reveal(ctx: Ctx, input: { entity: string; id: string; field: string }) {
  const source = sources.get(input.entity);
  const kind = source?.fields[input.field];
  if (!source || !kind) throw badRequest(`不支持查看该字段：${input.entity}.${input.field}`, 'Unknown entity or field');
  if (!source.read.some((p) => can(ctx.actor, p))) throw forbidden(`您没有查看${source.label}的权限`, 'No read permission for this record');
  if (!maySee(ctx.actor, kind)) throw forbidden(`您的角色不能查看完整${KIND_LABEL[kind]}（需要“${KIND_LABEL[kind]}查看”权限）`, `${KIND_PERMISSION[kind]} required`);
  return ctx.db.tx(async (tx) => {
    const rec = await source.load(ctx, tx, input.id);
    if (!rec) throw notFound(source.label, source.entity);
    const value = rec.values[input.field] ?? null;
    await audit(ctx, tx, { action: 'personal.reveal', entityType: source.entity, entityId: input.id, regionCode: rec.regionCode ?? null,
      after: { what: `查看敏感信息：${source.label}${rec.name ? `「${rec.name}」` : ''}的${KIND_LABEL[kind]}`, field: input.field, masked: mask(kind, value) } });
    return { value, kind };
  });
}
