// 启动条件 at each threshold boundary (“以上”含本数), and the diff of two structured versions.
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../../contracts/command-plans.js';
import type { IncidentFacts } from '../ports.js';
import { diffContent, textDiff } from './diff.js';
import { metCondition, proposeLevel, triggerLines } from './triggers.js';

const none = { thresholds: [], grades: [], beyondTownCapacity: false, beyondCountyCapacity: false, kinds: [], text: '' };
// The production-safety levels of the national plan (DOMAIN.md §5): Ⅰ ≥30 dead, Ⅱ ≥10, Ⅲ ≥3, Ⅳ ≥1 (dead includes missing).
const levels: PlanContent['levels'] = [
  { level: 1, name: '特别重大', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 30 }, { metric: 'injured', min: 100 }, { metric: 'lossWan', min: 10000 }, { metric: 'relocated', min: 100000 }], grades: ['especially_major'] } },
  { level: 2, name: '重大', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 10 }, { metric: 'injured', min: 50 }, { metric: 'lossWan', min: 5000 }], grades: ['major'] } },
  { level: 3, name: '较大', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 3 }, { metric: 'trapped', min: 10 }, { metric: 'injured', min: 30 }, { metric: 'lossWan', min: 1000 }], beyondCountyCapacity: true } },
  { level: 4, name: '一般', triggers: { ...none, thresholds: [{ metric: 'deadMissing', min: 1 }, { metric: 'trapped', min: 1 }, { metric: 'injured', min: 3 }], beyondTownCapacity: true, text: '发生在人员密集场所' } },
];
const facts = (f: Partial<IncidentFacts> = {}): IncidentFacts => ({ kind: 'hazchem', grade: 'ordinary', regionCode: '430699101000', enterpriseId: null,
  dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 0, relocated: 0, ...f });
const level = (f: Partial<IncidentFacts>) => proposeLevel(levels, facts(f))?.level ?? null;

describe('trigger evaluation at each threshold boundary', () => {
  it.each([
    [0, null], [1, 4], [2, 4], [3, 3], [9, 3], [10, 2], [29, 2], [30, 1], [31, 1],
  ])('%i dead → level %s', (dead, expected) => {
    expect(level({ dead })).toBe(expected);
  });

  it.each([
    ['injured', 2, null], ['injured', 3, 4], ['injured', 29, 4], ['injured', 30, 3], ['injured', 49, 3], ['injured', 50, 2], ['injured', 99, 2], ['injured', 100, 1],
    ['trapped', 0, null], ['trapped', 1, 4], ['trapped', 9, 4], ['trapped', 10, 3],
    ['lossWan', 999.99, null], ['lossWan', 1000, 3], ['lossWan', 4999, 3], ['lossWan', 5000, 2], ['lossWan', 10000, 1],
    ['relocated', 99999, null], ['relocated', 100000, 1],
  ] as const)('%s %d → level %s', (metric, value, expected) => {
    expect(level({ [metric]: value })).toBe(expected);
  });

  it('counts the missing with the dead (死亡含失踪)', () => {
    expect(level({ dead: 2, missing: 1 })).toBe(3);
    expect(level({ dead: 0, missing: 10 })).toBe(2);
  });

  it('meets a level by the incident grade or a capacity flag, and says which rule gave it', () => {
    expect(level({ grade: 'major' })).toBe(2);
    expect(level({ beyondCountyCapacity: true })).toBe(3);
    expect(level({ beyondTownCapacity: true })).toBe(4);
    expect(proposeLevel(levels, facts({ dead: 3 }))?.reason).toBe('死亡（含失踪） 3 人，达到“死亡（含失踪）≥3 人”，启动Ⅲ级响应（较大）');
    expect(proposeLevel(levels, facts({ grade: 'especially_major' }))?.reason).toMatch(/事件等级为特别重大.*启动Ⅰ级响应/);
  });

  it('applies a level only to the kinds it names', () => {
    const t = { ...none, thresholds: [{ metric: 'dead' as const, min: 1 }], kinds: ['mine' as const] };
    expect(metCondition(t, facts({ dead: 5 }))).toBeNull();
    expect(metCondition(t, facts({ kind: 'mine', dead: 1 }))).toMatch(/死亡 1 人/);
  });

  it('writes the conditions for people, structured ones first', () => {
    expect(triggerLines(levels[3].triggers)).toEqual(['死亡（含失踪）≥1 人', '被困（危及生命安全）≥1 人', '重伤（含急性工业中毒）≥3 人', '超出乡镇（街道）处置能力', '发生在人员密集场所']);
  });
});

describe('version diff', () => {
  const base: PlanContent = {
    summary: '适用于危险化学品事故。', command: { commander: '分管副市长', deputies: ['应急管理局局长'], office: '应急管理局' },
    groups: [{ id: 'g1', name: '抢险救援组', leadUnit: '消防救援大队', leadOrgId: null, members: ['救援大队'], duties: '搜救' }],
    levels: levels.slice(2), actions: [{ id: 'a1', level: 4, role: '抢险救援组', action: '赶赴现场', dueMinutes: 30 }, { id: 'a2', level: 3, role: '抢险救援组', action: '调集专家', dueMinutes: null }],
  };

  it('reports levels, triggers, groups and actions added, removed and changed, with a text diff of free text', () => {
    const next: PlanContent = structuredClone(base);
    next.summary = '适用于本市危险化学品事故。';
    next.levels[1].triggers.thresholds[2].min = 5; // Ⅳ级 injured 3 → 5
    next.groups.push({ id: 'g2', name: '环境监测组', leadUnit: '生态环境分局', leadOrgId: null, members: [], duties: '监测' });
    next.actions = [{ ...base.actions[0], dueMinutes: 20 }, { id: 'a3', level: 3, role: '环境监测组', action: '布设监测点', dueMinutes: 60 }];
    const changes = diffContent(base, next);
    const by = (section: string, change: string) => changes.filter((c) => c.section === section && c.change === change);
    expect(by('summary', 'changed')[0].fields[0].parts).toEqual([{ op: 'same', text: '适用于' }, { op: 'add', text: '本市' }, { op: 'same', text: '危险化学品事故。' }]);
    expect(by('level', 'changed')).toHaveLength(1);
    expect(by('level', 'changed')[0].fields[0]).toMatchObject({ field: 'thresholds', before: expect.stringContaining('重伤（含急性工业中毒）≥3 人'), after: expect.stringContaining('≥5 人') });
    expect(by('group', 'added').map((c) => c.title)).toEqual(['环境监测组']);
    expect(by('action', 'removed').map((c) => c.key)).toEqual(['a2']);
    expect(by('action', 'added').map((c) => c.key)).toEqual(['a3']);
    expect(by('action', 'changed')[0].fields).toEqual([{ field: 'dueMinutes', label: '完成时限（分钟）', before: '30', after: '20' }]);
    expect(diffContent(base, structuredClone(base))).toEqual([]);
  });

  it('diffs text by characters', () => {
    expect(textDiff('abc', 'axc')).toEqual([{ op: 'same', text: 'a' }, { op: 'del', text: 'b' }, { op: 'add', text: 'x' }, { op: 'same', text: 'c' }]);
  });
});
