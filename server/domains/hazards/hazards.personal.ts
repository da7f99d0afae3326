// Personal data in the hazard ledger (issue #11): the rectification responsible person's phone (一单四制 责任人电话) is
// masked in every list and detail; a role holding personal:phone reveals it (audited) through POST /api/personal/reveal.
// The ledger export carries no phone column, so nothing leaves in full there.
import { revealable } from '../../platform/personal/personal.js';
import { today } from './hazards.service.js';
import { findHazard } from './hazards.store.js';

revealable({
  entity: 'hazard', label: '隐患', read: ['hazard:read'], fields: { responsiblePhone: 'phone' },
  async load(ctx, tx, id) {
    const h = await findHazard(tx, ctx.actor.scope, id, today(ctx));
    return h && { regionCode: h.region_code, name: h.number, values: { responsiblePhone: h.responsible_phone } };
  },
});
