// Bureau-editable rules of 信息报送 and of the peacetime/emergency switch, each default with its source (DOMAIN.md §5).
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../../platform/settings/rules.js';

const Minutes = (description: string) => Type.Integer({ minimum: 5, maximum: 7 * 24 * 60, description });

export const REPORT_LIMITS = defineRule({
  key: 'command.reports.limits', label: '事件信息报送时限（初报、定时续报、终报）',
  schema: Type.Object({
    initialMinutes: Type.Object({
      especially_major: Minutes('特别重大：接报后书面初报（分钟）'), major: Minutes('重大（分钟）'),
      larger: Minutes('较大（分钟）'), ordinary: Minutes('一般（分钟）'),
    }),
    followUpTimed: Type.Boolean({ description: '是否按固定时点定时续报' }),
    followUpTimes: Type.Array(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), { maxItems: 6, description: '定时续报时点（北京时间）' }),
    finalHours: Type.Integer({ minimum: 1, maximum: 720, description: '响应终止后终报（小时）' }),
    remindBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240, description: '到期前提醒（分钟）' }),
  }),
  defaultValue: {
    initialMinutes: { especially_major: 60, major: 60, larger: 60, ordinary: 60 },
    followUpTimed: false, followUpTimes: ['08:00', '17:00'], finalHours: 24, remindBeforeMinutes: 15,
  },
  source: '生产安全事故报告和调查处理条例（493号令）第9条：事故单位负责人1小时内报告县级以上应急管理部门；书面报告1小时为通行做法',
  mark: 'M',
  note: '“30分钟电话、1小时书面”的全国统一时限未经核实 [M]；河南等地：重大及以上电话15分钟、书面35分钟，较大书面1小时，一般6小时，每日08:00、17:00续报 [L]。终报24小时为默认值 [M]。定时续报默认关闭，开启后按所列时点设续报期限',
});

export const REPORT_ROUTING = defineRule({
  key: 'command.reports.routing', label: '信息报送单位与上级接收方',
  schema: Type.Object({
    sender: Type.String({ minLength: 2, maxLength: 50, description: '报送单位' }),
    abbr: Type.String({ minLength: 1, maxLength: 4, description: '编号代字' }),
    recipients: Type.Array(Type.Object({
      name: Type.String({ minLength: 2, maxLength: 50 }),
      phone: Type.Optional(Type.Union([Type.String({ pattern: '^1[3-9][0-9]{9}$' }), Type.Null()])),
      username: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    }), { minItems: 1, maxItems: 20 }),
  }),
  defaultValue: { sender: '汨水市应急管理局', abbr: '汨', recipients: [{ name: '岳阳市应急管理局总值班室', phone: '13807300110', username: null }] },
  source: '本局设置：报送对象为上一级应急管理部门值班室（县级向地市报送，DOMAIN.md §4–5）', mark: 'L',
  note: '演示号码为虚构；请设置上级值班室的短信号码或本平台账号（站内信）',
});

export const COMMAND_MODE = defineRule({
  key: 'command.mode.threshold', label: '平战转换：启动战时指挥视图的最低响应级别',
  schema: Type.Object({ level: Type.Integer({ minimum: 1, maximum: 4, description: '1=仅Ⅰ级 … 4=任何级别的响应' }) }),
  defaultValue: { level: 3 },
  source: '本局设置：Ⅲ级及以上响应时首页和值班台切换为指挥视图', mark: 'L',
});
