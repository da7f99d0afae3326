// 版本对比: what changed between two versions of a plan, structured (levels, triggers, groups, actions added, removed
// or changed, field by field) with a character diff of the free text, for the side-by-side view.
import { INCIDENT_GRADES, INCIDENT_KINDS, LEVEL_NAMES, type DiffChange, type PlanContent } from '../../../../contracts/command-plans.js';
import { thresholdText } from './triggers.js';

type Part = { op: 'same' | 'add' | 'del'; text: string };
type Field = DiffChange['fields'][number];

/** Character-level diff by longest common subsequence (plan texts are short; capped to keep it bounded). */
export function textDiff(a: string, b: string): Part[] {
  const x = [...a];
  const y = [...b];
  if (x.length * y.length > 4_000_000) return [{ op: 'del', text: a }, { op: 'add', text: b }];
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts: Part[] = [];
  const push = (op: Part['op'], ch: string) => { const last = parts[parts.length - 1]; if (last?.op === op) last.text += ch; else parts.push({ op, text: ch }); };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { push('same', x[i]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('del', x[i++]); else push('add', y[j++]);
  }
  while (i < n) push('del', x[i++]);
  while (j < m) push('add', y[j++]);
  return parts;
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? (v.length ? v.join('、') : null) : String(v));

/** A field that differs, or nothing; `text` fields carry a character diff. */
function field(name: string, label: string, before: unknown, after: unknown, text = false): Field[] {
  const b = str(before);
  const a = str(after);
  if (b === a) return [];
  return [{ field: name, label, before: b, after: a, ...(text ? { parts: textDiff(b ?? '', a ?? '') } : {}) }];
}

type Level = PlanContent['levels'][number];
const levelFields = (b: Level | undefined, a: Level | undefined): Field[] => [
  ...field('name', '级别名称', b?.name, a?.name),
  ...field('thresholds', '量化条件', b?.triggers.thresholds.map(thresholdText), a?.triggers.thresholds.map(thresholdText)),
  ...field('grades', '事件等级', b?.triggers.grades.map((g) => INCIDENT_GRADES[g]), a?.triggers.grades.map((g) => INCIDENT_GRADES[g])),
  ...field('beyondTownCapacity', '超出乡镇处置能力', b?.triggers.beyondTownCapacity ? '是' : null, a?.triggers.beyondTownCapacity ? '是' : null),
  ...field('beyondCountyCapacity', '超出县级处置能力', b?.triggers.beyondCountyCapacity ? '是' : null, a?.triggers.beyondCountyCapacity ? '是' : null),
  ...field('kinds', '适用事件类别', b?.triggers.kinds.map((k) => INCIDENT_KINDS[k]), a?.triggers.kinds.map((k) => INCIDENT_KINDS[k])),
  ...field('text', '其他启动条件', b?.triggers.text, a?.triggers.text, true),
  ...field('note', '说明', b?.note, a?.note, true),
];

type Group = PlanContent['groups'][number];
const groupFields = (b: Group | undefined, a: Group | undefined): Field[] => [
  ...field('name', '名称', b?.name, a?.name),
  ...field('leadUnit', '牵头单位', b?.leadUnit, a?.leadUnit),
  ...field('members', '成员单位', b?.members, a?.members),
  ...field('duties', '职责', b?.duties, a?.duties, true),
];

type Action = PlanContent['actions'][number];
const actionFields = (b: Action | undefined, a: Action | undefined): Field[] => [
  ...field('level', '响应级别', b && LEVEL_NAMES[b.level as 1], a && LEVEL_NAMES[a.level as 1]),
  ...field('role', '责任角色/工作组', b?.role, a?.role),
  ...field('action', '行动措施', b?.action, a?.action, true),
  ...field('dueMinutes', '完成时限（分钟）', b?.dueMinutes, a?.dueMinutes),
];

/** Items matched by key: added, removed, or changed with their differing fields. */
function compare<T>(section: DiffChange['section'], before: T[], after: T[], key: (t: T) => string, title: (t: T) => string, fields: (b?: T, a?: T) => Field[]): DiffChange[] {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Map(after.map((t) => [key(t), t]));
  const out: DiffChange[] = [];
  for (const [k, b] of old) {
    const a = now.get(k);
    if (!a) out.push({ section, change: 'removed', key: k, title: title(b), fields: fields(b, undefined) });
    else {
      const f = fields(b, a);
      if (f.length) out.push({ section, change: 'changed', key: k, title: title(a), fields: f });
    }
  }
  for (const [k, a] of now) if (!old.has(k)) out.push({ section, change: 'added', key: k, title: title(a), fields: fields(undefined, a) });
  return out;
}

/** Everything that differs from `before` to `after`, in the order a reader checks a plan: 总则, 指挥部, levels, groups, actions. */
export function diffContent(before: PlanContent, after: PlanContent): DiffChange[] {
  const changes: DiffChange[] = [];
  const summary = field('summary', '总则与适用范围', before.summary, after.summary, true);
  if (summary.length) changes.push({ section: 'summary', change: 'changed', key: 'summary', title: '总则与适用范围', fields: summary });
  const command = [
    ...field('commander', '总指挥', before.command.commander, after.command.commander),
    ...field('deputies', '副总指挥', before.command.deputies, after.command.deputies),
    ...field('office', '指挥部办公室', before.command.office, after.command.office),
  ];
  if (command.length) changes.push({ section: 'command', change: 'changed', key: 'command', title: '应急指挥部', fields: command });
  changes.push(...compare('level', before.levels, after.levels, (l) => String(l.level), (l) => `${LEVEL_NAMES[l.level as 1]}响应：${l.name}`, levelFields));
  changes.push(...compare('group', before.groups, after.groups, (g) => g.id, (g) => g.name, groupFields));
  changes.push(...compare('action', before.actions, after.actions, (a) => a.id, (a) => `${LEVEL_NAMES[a.level as 1]} · ${a.role}：${a.action.slice(0, 30)}`, actionFields));
  return changes;
}
