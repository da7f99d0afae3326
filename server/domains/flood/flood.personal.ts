// Personal data in the flood registry (issue #11): the three responsible people's phones of a facility and the phones of
// a response's tasks are masked in lists and details; one is revealed (audited) through POST /api/personal/reveal, and
// the 防汛责任人名单 export carries them in full only for a role holding personal:phone.
import type { FacilityInput } from '../../../contracts/flood.js';
import { inScope } from '../../platform/auth/scope.js';
import { keepIfMasked, maskFields, maskPhone, revealable } from '../../platform/personal/personal.js';
import { findFacility, findTaskById } from './flood.store.js';

export const FACILITY_PHONES = { adminPhone: 'phone', techPhone: 'phone', patrolPhone: 'phone' } as const;

export const maskFacility = <T extends object>(f: T): T => maskFields(f, FACILITY_PHONES as never);
export const maskTask = <T extends { phone: string }>(t: T): T => ({ ...t, phone: maskPhone(t.phone) });

/** A form's input: phones sent back masked keep the stored ones (none stored on create: refused). */
export function unmaskFacilityInput(input: FacilityInput, before?: { adminPhone: string; techPhone: string | null; patrolPhone: string } | null): FacilityInput {
  return {
    ...input,
    adminPhone: keepIfMasked(input.adminPhone, before?.adminPhone, 'phone', '行政责任人电话')!,
    techPhone: keepIfMasked(input.techPhone, before?.techPhone, 'phone', '技术责任人电话') ?? undefined,
    patrolPhone: keepIfMasked(input.patrolPhone, before?.patrolPhone, 'phone', '巡查责任人电话')!,
  };
}

revealable({
  entity: 'flood_facility', label: '防汛设施', read: ['disaster:read'], fields: { ...FACILITY_PHONES },
  async load(ctx, tx, id) {
    const f = await findFacility(tx, ctx.actor.scope, id);
    return f && { regionCode: f.regionCode, name: f.name, values: { adminPhone: f.adminPhone, techPhone: f.techPhone, patrolPhone: f.patrolPhone } };
  },
});

revealable({
  entity: 'flood_response_task', label: '防汛响应任务', read: ['disaster:read'], fields: { phone: 'phone' },
  async load(ctx, tx, id) {
    const k = await findTaskById(tx, id);
    return k && inScope(ctx.actor, { regionCode: k.region_code }) ? { regionCode: k.region_code, name: k.person_name, values: { phone: k.phone } } : null;
  },
});
