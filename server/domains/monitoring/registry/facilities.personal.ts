// Personal data of monitoring facilities (issue #11): the responsible people's phones (责任人, a list on the facility)
// are masked in every list and detail; a role holding personal:phone reveals one (audited) through
// POST /api/personal/reveal as field `responsiblePhone<i>`, i the person's place in the list. Edits that send a
// masked phone back keep the stored one. The SMS paths (alarms, warnings) read the stored numbers, never these.
import { keepIfMasked, maskPhone, revealable, type PersonalKind } from '../../../platform/personal/personal.js';
import { findFacility } from './facilities.store.js';

type Responsible = { role: string; name: string; phone?: string };

/** As many as a facility may have (contracts/monitoring.ts, FacilityCreate.responsible maxItems). */
const MAX_RESPONSIBLE = 10;
export const responsibleField = (i: number) => `responsiblePhone${i}`;

export const maskResponsible = (rs: Responsible[]): Responsible[] => rs.map((r) => (r.phone ? { ...r, phone: maskPhone(r.phone) } : r));

/**
 * The responsible list as a form sent it: a masked phone keeps the stored number of the same person (by name, else
 * by place in the list); any other masked value is refused.
 */
export function unmaskResponsible(input: Responsible[] | undefined, before: Responsible[] | undefined): Responsible[] | undefined {
  return input?.map((r, i) => {
    if (!r.phone) return r;
    const same = before?.find((b) => b.name === r.name && b.phone && maskPhone(b.phone) === r.phone) ?? before?.[i];
    const phone = keepIfMasked(r.phone, same?.phone, 'phone', `责任人${r.name}的电话`);
    return { ...r, phone: phone ?? undefined };
  });
}

revealable({
  entity: 'monitoring_facility', label: '监测设施', read: ['monitoring:read'],
  fields: Object.fromEntries(Array.from({ length: MAX_RESPONSIBLE }, (_, i) => [responsibleField(i), 'phone' as PersonalKind])),
  async load(ctx, tx, id) {
    const f = await findFacility(tx, ctx.actor.scope, id);
    return f && { regionCode: f.region_code, name: f.name, values: Object.fromEntries(f.responsible.map((r, i) => [responsibleField(i), r.phone ?? null])) };
  },
});
