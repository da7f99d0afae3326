// The plans' bureau-editable rules: revision cycle, revision reminders and drill intervals (DOMAIN.md §5, unconfirmed).
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../../platform/settings/rules.js';

export const PLAN_REVISION_YEARS = defineRule({
  key: 'command.plan_revision_years',
  label: '应急预案修订（评估）周期（年）',
  schema: Type.Integer({ minimum: 1, maximum: 10 }),
  defaultValue: 3,
  source: '《生产经营单位生产安全事故应急预案管理办法》：每三年进行一次应急预案评估（通行做法）',
  mark: 'M',
  note: '未在本地核实原文；备案时按“发布日期 + 周期”计算修订期限',
});

export const PLAN_REVISION_REMINDER_DAYS = defineRule({
  key: 'command.plan_revision_reminder_days',
  label: '预案修订到期提醒提前天数',
  schema: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { minItems: 1, maxItems: 6 }),
  defaultValue: [90, 30, 7],
  source: '本平台默认值（到期前 90、30、7 天各提醒企业及应急管理局一次）',
  mark: 'L',
});

export const PLAN_DRILL_MONTHS = defineRule({
  key: 'command.plan_drill_interval_months',
  label: '预案演练周期（月）：企业现场处置方案、其他预案',
  schema: Type.Object({ enterprise: Type.Integer({ minimum: 1, maximum: 36 }), other: Type.Integer({ minimum: 1, maximum: 36 }) }),
  defaultValue: { enterprise: 6, other: 12 },
  source: '应急管理部令第2号：现场处置方案每半年至少演练一次；综合、专项预案每年至少一次（后者为通行做法）',
  mark: 'M',
});
