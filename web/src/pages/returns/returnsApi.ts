// The returns API as the pages use it: paths (also query keys), code tables, types, and the shared judge.
import type { Static } from '@sinclair/typebox';
import type { Aggregate as AggregateSchema, Form as FormSchema, Return as ReturnSchema, ReturnDetail as DetailSchema } from '../../../../contracts/returns';

export { FIELD_TYPES, PERIOD_KINDS, RETURN_STATUSES, UNIT_TYPES, judgeValues, checkFormDefinition, periodOf } from '../../../../contracts/returns';
export type { FieldDef, CheckDef, FormInput } from '../../../../contracts/returns';

export const FORMS = '/api/returns/forms';
export const RETURNS = '/api/returns';
export const AGGREGATE = '/api/returns/aggregate';

export type Form = Static<typeof FormSchema>;
export type Return = Static<typeof ReturnSchema>;
export type ReturnDetail = Static<typeof DetailSchema>;
export type Aggregate = Static<typeof AggregateSchema>;

/** Label of a code in a code table. */
export const labelOf = (table: readonly { code: string; label: string }[], code: string) => table.find((t) => t.code === code)?.label ?? code;
/** Select options of a code table. */
export const options = (table: readonly { code: string; label: string }[]) => table.map((t) => ({ value: t.code, label: t.label }));

export const STATUS_COLOURS: Record<string, string> = { not_started: 'default', draft: 'processing', pending_approval: 'warning', submitted: 'blue', returned: 'error', accepted: 'success' };
export const ACTION_LABELS: Record<string, string> = { save: '保存', submit: '提交审核', approve: '审核通过并报送', reject: '负责人退回', accept: '受理', send_back: '退回', correct: '更正' };
