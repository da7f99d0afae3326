// Bureau-editable rules of monitoring: when a device counts as offline, how fast an unacknowledged alarm
// escalates, and how unconfirmed early warnings are re-sent and escalated (叫应). Defaults are local practice.
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../platform/settings/rules.js';

export const OFFLINE = defineRule({
  key: 'monitoring.offline',
  label: '设备离线判定（无数据超过上报周期的倍数）',
  schema: Type.Object({
    intervals: Type.Number({ minimum: 1, maximum: 100, description: '连续多少个上报周期无数据即判定离线' }),
    lookbackHours: Type.Integer({ minimum: 1, maximum: 24 * 365, description: '沉默超过该时长的设备只显示为离线，不再新报警（长期离线请设为维护）' }),
  }),
  defaultValue: { intervals: 2, lookbackHours: 72 },
  source: '本平台默认值：连续 2 个上报周期无数据判定离线；上传频率以省级监测预警系统运行管理办法为准（DOMAIN.md §6 未找到全国统一规定）',
  mark: 'L',
});

export const ALARM_ESCALATION = defineRule({
  key: 'monitoring.alarm.escalation',
  label: '报警未确认的升级时限（分钟）',
  schema: Type.Object({
    level1Minutes: Type.Integer({ minimum: 1, maximum: 1440, description: '一级报警多少分钟内未确认即升级' }),
    level2Minutes: Type.Integer({ minimum: 1, maximum: 1440, description: '二级报警多少分钟内未确认即升级' }),
    steps: Type.Array(Type.Array(Type.String(), { minItems: 1 }), { minItems: 1, maxItems: 5, description: '逐级通知的县级角色，如 [["staff"],["leader"]]' }),
  }),
  defaultValue: { level1Minutes: 30, level2Minutes: 10, steps: [['staff'], ['leader']] },
  source: '本平台默认值：先通知企业、监管部门和属地乡镇；逾时未确认依次上报局值班人员、局领导。报警反馈时限以省级运行管理办法为准',
  mark: 'L',
});

export const WARNING_CALLBACK = defineRule({
  key: 'monitoring.warning.callback',
  label: '预警信息叫应：未确认者的重发与上报',
  schema: Type.Object({
    resendMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: '未确认者每隔多少分钟重发一次' }),
    maxResends: Type.Integer({ minimum: 0, maximum: 20, description: '最多重发次数' }),
    escalateMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: '发出多少分钟后仍未确认即报告其上级' }),
  }),
  defaultValue: { resendMinutes: 10, maxResends: 3, escalateMinutes: 30 },
  source: '本平台默认值（“叫应”机制：预警发出后逐一确认，未确认的重发并报告上级）',
  mark: 'L',
});
