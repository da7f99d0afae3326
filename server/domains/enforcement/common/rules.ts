// Bureau-editable rules of law enforcement: time limits, draw avoidance, tip-off handling, document numbers.
// Each default names its source; [M]/[L] items are shipped as defaults and say so (DOMAIN.md §3).
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../../platform/settings/rules.js';

const CaseLimitsSchema = Type.Object({
  decideDays: Type.Integer({ minimum: 1, maximum: 365, description: '立案之日起作出决定（日）' }),
  statementWorkdays: Type.Integer({ minimum: 1, maximum: 30, description: '陈述申辩期限（工作日）' }),
  hearingRequestWorkdays: Type.Integer({ minimum: 1, maximum: 30, description: '告知后申请听证期限（工作日）' }),
  hearingNoticeWorkdays: Type.Integer({ minimum: 1, maximum: 30, description: '听证前通知当事人（工作日）' }),
  serviceWorkdays: Type.Integer({ minimum: 1, maximum: 30, description: '当事人不在场时决定书送达期限（工作日）' }),
  paymentDays: Type.Integer({ minimum: 1, maximum: 90, description: '收到决定书后缴纳罚款（日）' }),
  surchargePercentPerDay: Type.Number({ minimum: 0, maximum: 10, description: '逾期加处罚款（每日，%）' }),
  reminderWaitDays: Type.Integer({ minimum: 1, maximum: 60, description: '催告书送达后可申请强制执行（日）' }),
  litigationMonths: Type.Integer({ minimum: 1, maximum: 24, description: '起诉期限（月）' }),
  enforcementApplyMonths: Type.Integer({ minimum: 1, maximum: 24, description: '期限届满后申请法院强制执行（月）' }),
  sealDays: Type.Integer({ minimum: 1, maximum: 90, description: '查封、扣押期限（日）' }),
  warnDays: Type.Integer({ minimum: 0, maximum: 30, description: '到期前提醒（日）' }),
});
const CASE_LIMIT_DEFAULTS = { decideDays: 90, statementWorkdays: 3, hearingRequestWorkdays: 5, hearingNoticeWorkdays: 7, serviceWorkdays: 7, paymentDays: 15,
  surchargePercentPerDay: 3, reminderWaitDays: 10, litigationMonths: 6, enforcementApplyMonths: 3, sealDays: 30, warnDays: 3 };
const LAW_2021 = '行政处罚法（2021）第60条（90日）、第61条（7日送达）、第64条（5日申请听证、7日前通知）、第67条（15日缴纳）、第72条（每日3%加处罚款）、第85条（三、五、七日指工作日）；行政强制法第25条（查封扣押30日）、第53–54条（催告10日、期满3个月内申请）';

/** Case-stage limits for cases filed before 2026-02-01, under 总局令第15号 (2015 修正) and the 2021 行政处罚法. */
export const CASE_LIMITS = defineRule({
  key: 'enforcement.case.limits', label: '行政处罚案件各环节时限（2026-02-01前立案：总局令第15号）', schema: CaseLimitsSchema, defaultValue: CASE_LIMIT_DEFAULTS,
  source: `${LAW_2021}；安全生产违法行为行政处罚办法（总局令第15号，2015年第77号令修正）`, mark: 'C',
  note: '陈述申辩 3 个工作日为常见做法 [M]；15号令原定“立案后30日、可延至90日、经批准至180日”与行政处罚法第60条的90日并存，此处按90日计',
});

/** Case-stage limits for cases filed from 2026-02-01, under 应急管理部令第18号; every figure awaits checking against its text. */
export const CASE_LIMITS_ORDER18 = defineRule({
  key: 'enforcement.case.limits.order18', label: '行政处罚案件各环节时限（2026-02-01起立案：应急管理部令第18号）', schema: CaseLimitsSchema, defaultValue: CASE_LIMIT_DEFAULTS,
  source: `安全生产违法行为行政处罚办法（应急管理部令第18号，2025年11月27日公布，2026年2月1日施行）；默认值沿用${LAW_2021}`, mark: 'M',
  note: '未核实：令18号正文未在此核对，各项数值暂按行政处罚法（2021）和行政强制法设置（陈述申辩3个工作日为常见做法）。核对原文后，请以 2026-02-01 为生效日期设置本规则的新值；2026-02-01 以前立案的案件不受影响',
});

export const HEARING_THRESHOLDS = defineRule({
  key: 'enforcement.case.hearing_thresholds', label: '听证告知的较大数额罚款标准（元，2026-02-01前立案）',
  schema: Type.Object({ person: Type.Number({ minimum: 0 }), org: Type.Number({ minimum: 0 }) }),
  defaultValue: { person: 20000, org: 50000 },
  source: '原安全生产违法行为行政处罚办法（总局令15号）：个人2万元、单位5万元以上', mark: 'M', note: '责令停产停业、责令关闭、吊销许可证一律告知听证权利（行政处罚法第63条）',
});

export const HEARING_THRESHOLDS_ORDER18 = defineRule({
  key: 'enforcement.case.hearing_thresholds.order18', label: '听证告知的较大数额罚款标准（元，2026-02-01起立案：令18号）',
  schema: Type.Object({ person: Type.Number({ minimum: 0 }), org: Type.Number({ minimum: 0 }) }),
  defaultValue: { person: 20000, org: 50000 },
  source: '安全生产违法行为行政处罚办法（应急管理部令第18号）；默认值沿用总局令15号', mark: 'M',
  note: '未核实：令18号的较大数额标准未在此核对，核对后以 2026-02-01 为生效日期设置新值',
});

/** The day 应急管理部令第18号 takes effect: cases filed (立案) from this day follow its rule set. */
export const ORDER18_EFFECTIVE = '2026-02-01';

/** The rule set a case is judged by, chosen by its filing day (Asia/Shanghai): 令15号 before 2026-02-01, 令18号 from then. */
export const caseRuleSet = (filedOn: string) => filedOn < ORDER18_EFFECTIVE
  ? { regime: '总局令第15号', limits: CASE_LIMITS, hearing: HEARING_THRESHOLDS }
  : { regime: '应急管理部令第18号', limits: CASE_LIMITS_ORDER18, hearing: HEARING_THRESHOLDS_ORDER18 };

export const TRANSFER_LIMITS = defineRule({
  key: 'enforcement.transfer.limits', label: '行刑衔接时限',
  schema: Type.Object({ decideDays: Type.Integer({ minimum: 1, maximum: 30 }), sendHours: Type.Integer({ minimum: 1, maximum: 240 }) }),
  defaultValue: { decideDays: 3, sendHours: 24 },
  source: '应急〔2019〕54号 第7条：正职负责人3日内决定，批准后24小时内移送同级公安机关', mark: 'C',
});

export const DRAW_RULES = defineRule({
  key: 'enforcement.draw', label: '双随机抽查：回避与公示',
  schema: Type.Object({
    avoidLastInspections: Type.Integer({ minimum: 0, maximum: 10, description: '回避该单位最近 N 次检查的执法人员' }),
    avoidWithinDays: Type.Integer({ minimum: 0, maximum: 3650, description: '回避近 N 日内检查过该单位的执法人员（0 为不限）' }),
    publishWorkdays: Type.Integer({ minimum: 1, maximum: 60, description: '抽查结果公示期限（工作日）' }),
  }),
  defaultValue: { avoidLastInspections: 1, avoidWithinDays: 0, publishWorkdays: 20 },
  source: '国发〔2019〕5号（谁检查、谁录入、谁公开）；企业信息公示暂行条例第7条（20个工作日）', mark: 'M', note: '20 个工作日的公示时限未在此核实',
});

export const TIPOFF_RULES = defineRule({
  key: 'enforcement.tipoff', label: '举报受理、答复与奖励',
  schema: Type.Object({
    replyDays: Type.Integer({ minimum: 1, maximum: 180 }), powBits: Type.Integer({ minimum: 0, maximum: 26 }), perHour: Type.Integer({ minimum: 1, maximum: 10000 }),
    rewardRate: Type.Number({ minimum: 0, maximum: 1 }), rewardMin: Type.Number({ minimum: 0 }), rewardMax: Type.Number({ minimum: 0 }),
    concealment: Type.Object({ general: Type.Number(), larger: Type.Number(), major: Type.Number(), especially: Type.Number() }),
  }),
  defaultValue: { replyDays: 60, powBits: 16, perHour: 10, rewardRate: 0.15, rewardMin: 3000, rewardMax: 300000,
    concealment: { general: 30000, larger: 40000, major: 50000, especially: 60000 } },
  source: '安全生产领域举报奖励办法（安监总财〔2018〕19号）：罚款15%，最低3000元，最高30万元；瞒报谎报每人3/4/5/6万元', mark: 'C',
  note: '答复期限 60 日为常见做法 [M]；powBits 为网上举报的计算验证强度，perHour 为每个地址每小时可提交次数',
});

export const DOCUMENT_AGENCY = defineRule({
  key: 'enforcement.document.agency', label: '执法文书机关名称与文号代字',
  schema: Type.Object({ name: Type.String({ minLength: 2, maxLength: 50 }), abbr: Type.String({ minLength: 1, maxLength: 4 }) }),
  defaultValue: { name: '汨水市应急管理局', abbr: '汨' },
  source: '文号格式“（代字）应急罚〔年份〕N号”', mark: 'L',
});
