// Bureau-editable rules (thresholds, time limits, bands): each has a shipped default with its source, and
// dated values the bureau sets. A record keeps the version of the rule it was judged by.
import type { TSchema, Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';

export interface RuleDef<S extends TSchema = TSchema> {
  key: string;                 // e.g. risk.lec.bands
  label: string;               // Chinese name shown in settings
  schema: S;                   // shape of the value
  defaultValue: Static<S>;
  /** Where the default comes from: document and article. */
  source: string;
  /** [C] seen in the cited source, [M] widely stated but unconfirmed, [L] local rule. */
  mark: 'C' | 'M' | 'L';
  note?: string;
}

const registry = new Map<string, RuleDef>();

/** Declare a rule with its default; domains call this at module load. */
export function defineRule<S extends TSchema>(def: RuleDef<S>): RuleDef<S> {
  if (!Value.Check(def.schema, def.defaultValue)) throw new Error(`rule ${def.key}: default does not match its schema`);
  registry.set(def.key, def as unknown as RuleDef);
  return def;
}

export const allRules = () => [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));
export const findRule = (key: string) => registry.get(key);

/** A day in Asia/Shanghai as YYYY-MM-DD. */
export const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface RuleValue<T> { value: T; version: string; source: string }

/** The value in force on a day (Asia/Shanghai); `version` names it, e.g. risk.lec.bands@2026-01-01 or @default. */
export async function ruleValue<S extends TSchema>(db: Queryable, rule: RuleDef<S>, on: Date): Promise<RuleValue<Static<S>>> {
  const row = await db.maybeOne<{ value: Static<S>; effective_from: string; source: string | null }>(sql`select value, effective_from::text, source
    from settings where key = ${rule.key} and effective_from <= ${shanghaiDate(on)}::date order by effective_from desc limit 1`);
  if (row) return { value: row.value, version: `${rule.key}@${row.effective_from}`, source: row.source ?? '' };
  return { value: rule.defaultValue, version: `${rule.key}@default`, source: rule.source };
}
