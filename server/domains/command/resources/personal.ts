// Personal data in the resource registers (issue #11): the contact phone of each register and the team members'
// phones are masked in lists, details, the nearby search and the map; one is revealed (audited) through
// POST /api/personal/reveal, and exports carry them in full only for a role holding personal:phone.
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { keepIfMasked, maskFields, maskPhone, revealable, type PersonalKind } from '../../../platform/personal/personal.js';
import { findMember } from './members.js';
import { findInRegister, REGISTERS, type RegisterKind } from './registry.store.js';

/** The contact phone of each register: the API field and its column. */
export const REGISTER_PHONE: Record<RegisterKind, { field: string; column: string }> = {
  team: { field: 'leaderPhone', column: 'leader_phone' },
  expert: { field: 'phone', column: 'phone' },
  warehouse: { field: 'keeperPhone', column: 'keeper_phone' },
  shelter: { field: 'managerPhone', column: 'manager_phone' },
  equipment: { field: 'keeperPhone', column: 'keeper_phone' },
};

export const phoneFields = (kind: RegisterKind) => ({ [REGISTER_PHONE[kind].field]: 'phone' }) as Record<string, PersonalKind>;

/** A presented register record with its contact phone masked. */
export const maskRecord = <T extends object>(kind: RegisterKind, o: T): T => maskFields(o, phoneFields(kind) as never);
/** A presented member (or any object whose `phone` is a person's) with the phone masked. */
export const maskPhoneField = <T extends { phone?: string | null }>(o: T): T => ({ ...o, phone: maskPhone(o.phone) });

/** Columns of an edit: a phone sent back masked keeps the stored one (a masked one typed by hand is refused). */
export function unmaskColumns(kind: RegisterKind, cols: Record<string, unknown>, before?: Record<string, unknown>) {
  const { column } = REGISTER_PHONE[kind];
  if (typeof cols[column] === 'string') cols[column] = keepIfMasked(cols[column] as string, before?.[column] as string | null | undefined, 'phone', '联系电话');
  return cols;
}

for (const kind of Object.keys(REGISTER_PHONE) as RegisterKind[]) {
  const reg = REGISTERS[kind];
  revealable({
    entity: `resource_${kind}`, label: reg.label, read: ['command:read'], fields: phoneFields(kind),
    async load(ctx: Ctx, tx: Queryable, id: string) {
      const r = await findInRegister<Record<string, string | null>>(tx, reg, ctx.actor, id);
      return r && { regionCode: r.region_code, name: r.name, values: { [REGISTER_PHONE[kind].field]: r[REGISTER_PHONE[kind].column] } };
    },
  });
}

revealable({
  entity: 'resource_team_member', label: '救援队员', read: ['command:read'], fields: { phone: 'phone' },
  async load(ctx, tx, id) {
    const m = await findMember(tx, id);
    const team = m && await findInRegister<{ region_code: string }>(tx, REGISTERS.team, ctx.actor, m.team_id);
    return team && m && { regionCode: team.region_code, name: m.name, values: { phone: m.phone } };
  },
});
