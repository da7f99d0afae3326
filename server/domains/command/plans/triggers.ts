// 启动条件: whether an incident's facts meet a response level's trigger conditions, and which level a plan proposes.
// Thresholds are met at or above their value (“以上”含本数, 493号令 Art. 3 reading); a level is met when any one
// threshold, grade or capacity flag is met and the incident's kind is one the level applies to.
import { INCIDENT_GRADES, INCIDENT_KINDS, LEVEL_NAMES, TRIGGER_METRICS, TRIGGER_UNITS, type LevelTriggers, type PlanLevelDef } from '../../../../contracts/command-plans.js';
import type { IncidentFacts, ResponseLevel } from '../ports.js';

type Metric = keyof typeof TRIGGER_METRICS;

/** The value of a metric for an incident (死亡含失踪 = dead + missing). */
export function metricValue(f: IncidentFacts, m: Metric): number {
  switch (m) {
    case 'deadMissing': return f.dead + f.missing;
    case 'dead': return f.dead;
    case 'missing': return f.missing;
    case 'injured': return f.injured;
    case 'trapped': return f.trapped;
    case 'lossWan': return f.lossWan;
    case 'relocated': return f.relocated;
  }
}

/** A threshold in words: 「死亡（含失踪）≥3 人」. */
export const thresholdText = (t: { metric: Metric; min: number }) => `${TRIGGER_METRICS[t.metric]}≥${t.min} ${TRIGGER_UNITS[t.metric]}`;

/** The trigger conditions in words, one line per condition (the structured ones first, then the free text). */
export function triggerLines(t: LevelTriggers): string[] {
  const lines = t.thresholds.map(thresholdText);
  if (t.grades.length) lines.push(`事件等级为${t.grades.map((g) => INCIDENT_GRADES[g]).join('或')}`);
  if (t.beyondTownCapacity) lines.push('超出乡镇（街道）处置能力');
  if (t.beyondCountyCapacity) lines.push('超出县级处置能力');
  if (t.text.trim()) lines.push(t.text.trim());
  return lines;
}

/** The first condition of a level that the facts meet, in words, or null when none is met. */
export function metCondition(t: LevelTriggers, f: IncidentFacts): string | null {
  if (t.kinds.length && !t.kinds.includes(f.kind)) return null;
  for (const th of t.thresholds) {
    const v = metricValue(f, th.metric);
    if (v >= th.min) return `${TRIGGER_METRICS[th.metric]} ${v} ${TRIGGER_UNITS[th.metric]}，达到“${thresholdText(th)}”`;
  }
  if (t.grades.includes(f.grade)) return `事件等级为${INCIDENT_GRADES[f.grade]}（${INCIDENT_KINDS[f.kind]}）`;
  if (t.beyondTownCapacity && f.beyondTownCapacity) return '经研判超出乡镇（街道）处置能力';
  if (t.beyondCountyCapacity && f.beyondCountyCapacity) return '经研判超出县级处置能力';
  return null;
}

/** The highest level (Ⅰ before Ⅳ) whose conditions the facts meet, with the rule in words. */
export function proposeLevel(levels: readonly PlanLevelDef[], f: IncidentFacts): { level: ResponseLevel; reason: string } | null {
  for (const l of [...levels].sort((a, b) => a.level - b.level)) {
    const met = metCondition(l.triggers, f);
    if (met) return { level: l.level as ResponseLevel, reason: `${met}，启动${LEVEL_NAMES[l.level as ResponseLevel]}响应（${l.name}）` };
  }
  return null;
}
