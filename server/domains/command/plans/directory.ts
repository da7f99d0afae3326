// PlansDirectory (ports.ts): what the incident desk asks of the plans. Matching ranks the published plans whose
// scope covers the incident's kind and whose place covers it (the enterprise's own plan, the town's plan, the county's
// plans) by specificity — 企业 > 乡镇 > 专项 > 部门 > 总体 — and proposes each plan's level from its trigger conditions.
import { INCIDENT_KINDS, LEVEL_NAMES, PLAN_KINDS } from '../../../../contracts/command-plans.js';
import { regionWithin } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { IncidentFacts, PlanAction, PlanGroup, PlanMatch, PlansDirectory, ResponseLevel } from '../ports.js';
import { publishedCandidates, versionById } from './plans.store.js';
import { proposeLevel } from './triggers.js';

type PlanKind = PlanMatch['planKind'];
/** Specificity for the same kind of incident: the most specific plan is the one to act on first. */
export const SPECIFICITY: Record<PlanKind, number> = { enterprise: 5, town: 4, special: 3, department: 2, overall: 1 };
const ORDER_TEXT = '企业 > 乡镇 > 专项 > 部门 > 总体';

/** Published plans for the facts, best first, with the reasons in Chinese and each plan's proposed level. */
export async function matchPlans(q: Queryable, facts: IncidentFacts): Promise<PlanMatch[]> {
  const out: Omit<PlanMatch, 'rank'>[] = [];
  for (const c of await publishedCandidates(q, facts.kind)) {
    const kind = c.kind as PlanKind;
    let where: string | null = null;
    if (kind === 'enterprise') {
      if (facts.enterpriseId && c.enterprise_id === facts.enterpriseId) where = `事发单位${c.enterprise_name ?? ''}自身的应急预案`;
    } else if (regionWithin(facts.regionCode, c.region_code)) {
      where = kind === 'town' ? `事发地属${c.region_name ?? c.region_code}，适用其${PLAN_KINDS[kind]}` : `事发地在${c.region_name ?? c.region_code}行政区域内`;
    }
    if (!where) continue;
    const proposed = proposeLevel(c.content.levels, facts);
    const reasons = [
      `适用范围包含${INCIDENT_KINDS[facts.kind]}`,
      where,
      `${PLAN_KINDS[kind]}，针对性排序 ${ORDER_TEXT}`,
      proposed ? `达到${LEVEL_NAMES[proposed.level]}响应启动条件：${proposed.reason}` : '事件情况未达到本预案任何响应级别的启动条件',
    ];
    // Specificity decides; within one specificity a plan whose level is met, and the higher level, come first.
    const score = SPECIFICITY[kind] * 100 + (proposed ? 10 + (5 - proposed.level) : 0);
    out.push({ planId: c.id, versionId: c.version_id, title: c.title, planKind: kind, score, reasons,
      proposedLevel: proposed?.level ?? null, levelReason: proposed?.reason ?? null });
  }
  out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN') || a.planId.localeCompare(b.planId));
  return out.map((m, i) => ({ ...m, rank: i + 1 }));
}

/** The actions of a version at one level, with the lead unit of the group that takes them. */
export async function planActions(q: Queryable, versionId: string, level: ResponseLevel): Promise<PlanAction[]> {
  const v = await versionById(q, versionId);
  if (!v) return [];
  const groups = new Map(v.content.groups.map((g) => [g.name, g]));
  return v.content.actions.filter((a) => a.level === level).map((a) => ({
    id: a.id, level: a.level as ResponseLevel, role: a.role, leadUnit: groups.get(a.role)?.leadUnit ?? null, leadOrgId: groups.get(a.role)?.leadOrgId ?? null,
    action: a.action, dueMinutes: a.dueMinutes,
  }));
}

/** The command organisation of a version: its working groups. */
export async function planGroups(q: Queryable, versionId: string): Promise<PlanGroup[]> {
  const v = await versionById(q, versionId);
  return (v?.content.groups ?? []).map((g) => ({ name: g.name, leadUnit: g.leadUnit, leadOrgId: g.leadOrgId, members: g.members, duties: g.duties }));
}

export const plansDirectory: PlansDirectory = { matchPlans, planActions, planGroups };
