// Rows → API shapes of plans, versions, 会签 and drills.
import type { Static } from '@sinclair/typebox';
import type { Plan, PlanVersion } from '../../../../contracts/command-plans.js';
import type { FileRow } from '../../../platform/files/files.store.js';
import type { CountersignRow, DrillRow, PlanRow, VersionRow } from './plans.store.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The original documents the preview can show in the browser (PDF as is, Word converted). */
export const PREVIEWABLE = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/x-ole-storage']);

export const presentPlan = (p: PlanRow): Plan => ({
  id: p.id, kind: p.kind, title: p.title, ownerOrgId: p.owner_org_id, ownerName: p.owner_name, enterpriseId: p.enterprise_id, enterpriseName: p.enterprise_name,
  regionCode: p.region_code, regionName: p.region_name, scopeKinds: p.scope_kinds, publishedVersionId: p.published_version_id, publishedLabel: p.published_label,
  publishedAt: iso(p.published_at), openVersionId: p.open_version_id, openVersionStatus: p.open_version_status, filingStatus: p.filing_status,
  filingNumber: p.filing_number, filedOn: p.filed_on, filingReview: p.filing_review, revisionDue: p.revision_due,
  revisionDaysLeft: p.revision_days_left === null ? null : Number(p.revision_days_left),
  lastDrill: p.last_drill && { id: p.last_drill.id, drilledOn: p.last_drill.drilled_on, kind: p.last_drill.kind, title: p.last_drill.title, participants: p.last_drill.participants },
  drillDue: p.drill_due, drillOverdue: p.drill_overdue, drillIntervalMonths: Number(p.drill_months), updatedAt: iso(p.updated_at)!,
});

export const presentVersionBrief = (v: VersionRow) => ({
  id: v.id, versionNo: v.version_no, label: v.label, status: v.status, changeNote: v.change_note, publishedAt: iso(v.published_at), createdAt: iso(v.created_at)!,
});

export const presentDrill = (d: DrillRow) => ({
  id: d.id, drilledOn: d.drilled_on, kind: d.kind, title: d.title, participants: d.participants, level: d.level, participantUnits: d.participant_units,
  evaluation: d.evaluation, problems: d.problems,
});

export const presentCountersign = (c: CountersignRow) => ({
  id: c.id, orgId: c.org_id, orgName: c.org_name, round: c.round, opinion: c.opinion, comment: c.comment, signedByName: c.signed_by_name,
  signedAt: iso(c.signed_at), invitedAt: iso(c.invited_at)!,
});

export function presentVersion(v: VersionRow, plan: { title: string; kind: string }, file: FileRow | undefined, signs: CountersignRow[], moves: string[]): Static<typeof PlanVersion> {
  return {
    ...presentVersionBrief(v), planId: v.plan_id, planTitle: plan.title, planKind: plan.kind, content: v.content,
    attachment: file ? { id: file.id, name: file.name, mime: file.mime, size: Number(file.size), previewable: PREVIEWABLE.has(file.mime) } : null,
    submittedAt: iso(v.submitted_at), decidedByName: v.decided_by_name, decidedAt: iso(v.decided_at), decisionComment: v.decision_comment,
    countersigns: signs.map(presentCountersign), moves,
  };
}
