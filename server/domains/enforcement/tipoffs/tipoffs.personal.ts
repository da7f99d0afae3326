// Personal data of tip-offs (issue #11): a named reporter's phone is masked in the ledger and the detail, for every
// role; a role holding personal:phone reveals it (audited) through POST /api/personal/reveal, within the tip-off's
// scope. The public tracking page (/api/public/tipoffs/track) shows nothing of the reporter at all.
import { revealable } from '../../../platform/personal/personal.js';
import { findTipoff } from './tipoffs.store.js';

revealable({
  entity: 'enforcement_tipoff', label: '举报', read: ['enforcement:read'], fields: { reporterPhone: 'phone' },
  async load(ctx, tx, id) {
    const t = await findTipoff(tx, ctx.actor.scope, id);
    return t && { regionCode: t.region_code, name: t.number, values: { reporterPhone: t.reporter_phone } };
  },
});
