// What the incident desk (incidents/, duty/) asks of the plans (plans/) and resources (resources/) parts of the
// emergency-command domain (应急指挥). Each part implements its side in its own directory.ts; the incident
// desk imports only these types and those two directory modules, never their stores.
import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';

/** 响应级别 Ⅰ–Ⅳ: 1 is the highest (Ⅰ级, national), 4 the lowest (Ⅳ级, county). */
export type ResponseLevel = 1 | 2 | 3 | 4;

/** 事件等级 (493号令 Art. 3 for 生产安全事故; the same four steps for the other kinds). */
export type IncidentGrade = 'especially_major' | 'major' | 'larger' | 'ordinary';

/**
 * 突发事件类别 used by the plans' scope and the incident intake:
 * production-safety accidents by sector, and the natural disasters the county meets.
 */
export type IncidentKind =
  | 'hazchem' // 危险化学品事故（泄漏、火灾、爆炸、中毒）
  | 'mine' // 矿山事故
  | 'fireworks' // 烟花爆竹事故
  | 'industrial' // 工贸企业事故
  | 'fire' // 火灾（城镇、建筑）
  | 'forest_fire' // 森林火灾
  | 'flood' // 洪涝、山洪
  | 'geological' // 地质灾害（滑坡、泥石流、崩塌）
  | 'weather' // 气象灾害（暴雨、冰冻、大风）
  | 'earthquake' // 地震
  | 'traffic' // 道路交通事故
  | 'other';

/** The facts of an incident the plans are matched against (a snapshot at the time of the question). */
export interface IncidentFacts {
  kind: IncidentKind;
  grade: IncidentGrade;
  /** The region where it happened (12-digit 统计用区划 or shorter); plans of that town and its parents apply. */
  regionCode: string;
  enterpriseId: string | null;
  dead: number;
  injured: number;
  missing: number;
  trapped: number;
  /** 直接经济损失, in 万元. */
  lossWan: number;
  /** People to relocate (转移安置), when known. */
  relocated: number;
  /** 超出乡镇处置能力 / 超出县级处置能力, as judged by the duty officer (optional; absent = not judged). */
  beyondTownCapacity?: boolean;
  beyondCountyCapacity?: boolean;
}

/** One plan proposed for an incident, best first. */
export interface PlanMatch {
  planId: string;
  /** The published version the match was made against (actions and organisation come from it). */
  versionId: string;
  title: string;
  /** 总体 / 专项 / 部门 / 乡镇 / 企业 预案. */
  planKind: 'overall' | 'special' | 'department' | 'town' | 'enterprise';
  /** 1-based rank among the matches. */
  rank: number;
  /** Higher is better; only the order matters. */
  score: number;
  /** Why it ranks where it does, in Chinese, one reason per line (e.g. 「适用范围包含危险化学品事故」). */
  reasons: string[];
  /** The response level whose trigger conditions the facts meet (the highest one met), or null when none is met. */
  proposedLevel: ResponseLevel | null;
  /** The trigger condition that gave proposedLevel, in words. */
  levelReason: string | null;
}

/** One action a role takes at a level, from a published plan version (structured, not a PDF). */
export interface PlanAction {
  id: string;
  level: ResponseLevel;
  /** 指挥部 role or working group (e.g. 总指挥, 抢险救援组, 医疗救护组). */
  role: string;
  /** The unit that leads the group (牵头单位), as written in the plan. */
  leadUnit: string | null;
  /** The organization in the system, when the lead unit is one. */
  leadOrgId: string | null;
  action: string;
  /** Minutes after the response starts by which it should be done, when the plan says so. */
  dueMinutes: number | null;
}

/** The plan's command organisation (指挥部 and its working groups). */
export interface PlanGroup {
  name: string;
  leadUnit: string | null;
  leadOrgId: string | null;
  /** Member units, as written. */
  members: string[];
  duties: string | null;
}

export type ResourceKind = 'team' | 'expert' | 'warehouse' | 'shelter' | 'equipment';

/** A resource near a point, with what it holds, for dispatch and the command map. */
export interface NearbyResource {
  kind: ResourceKind;
  id: string;
  name: string;
  /** Straight-line (great-circle) distance in metres. */
  distanceM: number;
  lng: number;
  lat: number;
  regionCode: string | null;
  contact: string | null;
  phone: string | null;
  /** One line of what it holds: 「队员 32 人 · 专业：危化品」, 「可容纳 500 人，现有 0 人」, 「吸附棉 200 包…」. */
  summary: string;
  /** Kind-specific detail: team kind, expert field, shelter capacity, stock lines … */
  detail: Record<string, unknown>;
  /** Not ready (e.g. team on another dispatch, shelter full, equipment under repair). */
  available: boolean;
}

export interface NearestQuery {
  lng: number;
  lat: number;
  kinds?: ResourceKind[];
  /** Only within this radius (metres); default 50 km. */
  radiusM?: number;
  /** Per kind; default 10. */
  limit?: number;
  /** Filters: team kind (危化品、矿山、防汛 …), expert field, supply item name. */
  teamKind?: string;
  expertField?: string;
  item?: string;
}

/** A supply movement the incident desk asks for when it dispatches supplies (出库). */
export interface StockOut {
  warehouseId: string;
  itemId: string;
  quantity: number;
  /** e.g. 「事件调拨：恒达化工泄漏」. */
  reason: string;
  /** What caused it, for the ledger: ('incident', incidentId). */
  refType: string;
  refId: string;
}

/** The plans part (plans/directory.ts) implements this. */
export interface PlansDirectory {
  matchPlans(q: Queryable, facts: IncidentFacts): Promise<PlanMatch[]>;
  planActions(q: Queryable, versionId: string, level: ResponseLevel): Promise<PlanAction[]>;
  planGroups(q: Queryable, versionId: string): Promise<PlanGroup[]>;
}

/** The resources part (resources/directory.ts) implements this. */
export interface ResourcesDirectory {
  /** Nearest first within each kind; respects the actor's scope (a town sees its own and county-level resources). */
  nearestResources(q: Queryable, actor: Actor, query: NearestQuery): Promise<NearbyResource[]>;
  /** Takes supplies out of a warehouse inside the caller's transaction; refuses (AppError 409) to go below zero; writes the ledger line and returns its id. */
  stockOut(tx: Queryable, actor: Actor, move: StockOut): Promise<{ ledgerId: string; balance: number }>;
}
