// Bureau-editable rules: value in force, default with its source, dated history.
import { Type, type Static } from '@sinclair/typebox';

export const RuleInfo = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** C: seen in the cited source; M: widely stated, unconfirmed; L: a local rule. */
  mark: Type.Union([Type.Literal('C'), Type.Literal('M'), Type.Literal('L')]),
  note: Type.Union([Type.String(), Type.Null()]),
  defaultValue: Type.Unknown(),
  defaultSource: Type.String(),
  value: Type.Unknown(),
  version: Type.String(),
  schema: Type.Unknown(),
  history: Type.Array(Type.Object({
    effectiveFrom: Type.String(), value: Type.Unknown(), source: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]),
  })),
});
export type RuleInfo = Static<typeof RuleInfo>;

export const RuleUpdate = Type.Object({
  value: Type.Unknown(),
  effectiveFrom: Type.String({ format: 'date' }),
  source: Type.String({ minLength: 2, maxLength: 200, description: '依据文件及条款' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
