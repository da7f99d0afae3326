// Personal data (issue #11): masked phone and identity numbers, and revealing one value at a time (audited).
import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common.js';

export const RevealInput = Type.Object({
  entity: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$', description: '记录类型，如 enterprise、team_member' }),
  id: Uuid,
  field: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9]*$', description: '字段，如 principalPhone、responsiblePhone0（列表中第几位责任人）' }),
}, { additionalProperties: false });
export type RevealInput = Static<typeof RevealInput>;

export const RevealResult = Type.Object({
  value: Type.Union([Type.String(), Type.Null()], { description: '完整值（无则为空）' }),
  kind: Type.Union([Type.Literal('phone'), Type.Literal('idNumber')]),
});
export type RevealResult = Static<typeof RevealResult>;

/**
 * A masked value as lists and details show it (138****1234, 073*-***2345, 430699********1234). Input patterns of
 * fields shown masked accept it too, so a form that leaves the field alone sends it back; the server then keeps the
 * stored value (server/platform/personal: keepIfMasked), and refuses a masked value that is not the stored one's mask.
 */
export const MASKED_PATTERN = '[0-9X*-]*[*][0-9X*-]*';
