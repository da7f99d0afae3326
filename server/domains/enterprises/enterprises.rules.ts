// The registry's bureau-editable rules: GB 18218 α and R bands, and the licence reminder days.
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../platform/settings/rules.js';
import { GB18218_DEFAULTS } from './gb18218.js';

export const GB18218_BANDS = defineRule({
  key: 'major_hazard.gb18218',
  label: '重大危险源分级：α 取值（按厂外 500 米内人数）与 R 值分级界限',
  schema: Type.Object({
    alphaBands: Type.Array(Type.Object({ minPeople: Type.Integer({ minimum: 0 }), alpha: Type.Number({ exclusiveMinimum: 0 }) }), { minItems: 1 }),
    gradeBands: Type.Array(Type.Object({ minR: Type.Number({ minimum: 0 }), grade: Type.Integer({ minimum: 1, maximum: 4 }) }), { minItems: 1 }),
  }),
  defaultValue: GB18218_DEFAULTS,
  source: 'GB 18218-2018《危险化学品重大危险源辨识》第 4.2 节（R = α·Σβq/Q；R≥100 一级，50≤R<100 二级，10≤R<50 三级，R<10 四级）',
  mark: 'C',
  note: '按从高到低排列；500 米范围为通行做法（[M]）。β 与临界量在危险化学品目录（chemicals 表）中维护',
});

export const LICENCE_REMINDER_DAYS = defineRule({
  key: 'enterprise.licence_reminder_days',
  label: '证照到期提醒提前天数',
  schema: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { minItems: 1, maxItems: 6 }),
  defaultValue: [90, 30, 7],
  source: '本平台默认值（到期前 90、30、7 天各提醒企业及其行业主管部门一次）',
  mark: 'L',
});
