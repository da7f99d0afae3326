// Personal data of 信息报送 (issue #11): the phones of the recipients a report was sent to (上级值班室, from the routing
// rule) are masked in every report the API shows; a role holding personal:phone reveals one (audited) through
// POST /api/personal/reveal as field `recipientPhone<i>`, i the recipient's place in the list, for a report of an
// incident the caller may see. The report's own 联系人/电话 is the drafter's contact line printed on the report for the
// receiving duty room to call back, and stays as written.
import { maskPhone, revealable, type PersonalKind } from '../../../platform/personal/personal.js';
import { findIncidentBrief } from '../incidents/directory.js';
import { findReportById } from './reports.store.js';

/** As many as the routing rule allows (REPORT_ROUTING recipients maxItems). */
const MAX_RECIPIENTS = 20;
const recipientField = (i: number) => `recipientPhone${i}`;

type Recipient = { name: string; phone?: string | null; username?: string | null };
export const maskRecipients = (rs: Recipient[]) => rs.map((x) => ({ name: x.name, phone: maskPhone(x.phone ?? null), username: x.username ?? null }));

revealable({
  entity: 'incident_report', label: '信息报送', read: ['command:read'],
  fields: Object.fromEntries(Array.from({ length: MAX_RECIPIENTS }, (_, i) => [recipientField(i), 'phone' as PersonalKind])),
  async load(ctx, tx, id) {
    const r = await findReportById(tx, id);
    if (!r || !(await findIncidentBrief(tx, r.incident_id, ctx.actor))) return null;
    return { regionCode: r.region_code, name: r.number, values: Object.fromEntries(r.recipients.map((x, i) => [recipientField(i), x.phone ?? null])) };
  },
});
