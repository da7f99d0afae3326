// Forms of a case (立案 → 结案), filled from the case's fields.
import type { Block } from '../../../platform/docx/model.js';
import { citedBlocks, type DocFields, officersLine, partyBlock, s, sealBlock, signLines } from './fields.js';

type Template = (f: DocFields) => Block[];
const p = (text: string, indent = true): Block => ({ type: 'paragraph', text, indent });
const remedies = '如不服本决定，可以在收到本决定书之日起 60 日内向汨水市人民政府或者上一级应急管理部门申请行政复议，或者在 6 个月内依法向人民法院提起行政诉讼。';

export const CASE_TEMPLATES: Record<string, Template> = {
  filing_approval: (f) => [
    { type: 'fields', rows: [['案号', s(f, 'caseNumber')], ['案由', s(f, 'cause')], ['案件来源', s(f, 'source')], ['当事人', f.party.name], ['地址', f.party.address ?? ''],
      ['统一社会信用代码', f.party.creditCode ?? ''], ['法定代表人（负责人）', f.party.legalRep ?? ''], ['简要案情', s(f, 'facts')], ['承办人', officersLine(f)],
      ['审批意见', s(f, 'opinion')], ['审批时间', f.issuedOn]] },
  ],
  inquiry_record: (f) => [
    { type: 'fields', rows: [['案号', s(f, 'caseNumber')], ['被询问人', s(f, 'person')], ['询问地点', s(f, 'place')], ['询问时间', f.issuedOn]] },
    p(officersLine(f), false), p('我们是汨水市应急管理局的执法人员，已出示执法证件。你有如实回答询问的义务，也有陈述、申辩和申请回避的权利。'),
    p(s(f, 'content')), signLines(f, '被询问人'),
  ],
  penalty_notice: (f) => [
    p(`${f.party.name}：`, false),
    p(`经调查，你单位${s(f, 'facts')}。以上事实有${s(f, 'evidence') || '现场检查记录、询问笔录、照片等证据'}为证。`),
    p(`你单位的上述行为违反了有关法律法规，依据${s(f, 'basis')}的规定，本机关拟对你单位作出如下行政处罚：${s(f, 'penaltyText')}。`),
    ...citedBlocks(f, '所依据的条文'),
    p(`依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，请于 ${s(f, 'statementDue')} 前提出。`),
    ...(f.hearingEligible ? [p(`依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证，请于 ${s(f, 'hearingDue')} 前提出；逾期视为放弃听证权利。`)] : []),
    partyBlock(f), sealBlock(f),
  ],
  statement_record: (f) => [
    { type: 'fields', rows: [['案号', s(f, 'caseNumber')], ['陈述申辩人', f.party.name], ['时间', f.issuedOn]] },
    p(officersLine(f), false), p(s(f, 'content')), signLines(f, '陈述申辩人'),
  ],
  hearing_notice: (f) => [
    p(`${f.party.name}：`, false),
    p(`根据你单位的申请，本机关定于 ${s(f, 'hearingOnText')} 在${s(f, 'place') || '汨水市应急管理局听证室'}就${s(f, 'cause')}一案举行听证，请准时参加。`),
    p('你单位可以委托一至二人代理参加听证；不按时参加听证且无正当理由的，视为放弃听证权利。'),
    sealBlock(f),
  ],
  hearing_record: (f) => [
    { type: 'fields', rows: [['案号', s(f, 'caseNumber')], ['当事人', f.party.name], ['听证时间', f.issuedOn]] },
    p(s(f, 'content')), signLines(f, '当事人或其代理人'),
  ],
  penalty_decision: (f) => [
    partyBlock(f),
    p(`违法事实和证据：${s(f, 'facts')}`),
    p(`以上事实有${s(f, 'evidence') || '现场检查记录、询问笔录、照片等证据'}为证。本机关已于 ${s(f, 'notifiedOn')} 告知你单位拟处罚的事实、理由、依据和享有的陈述、申辩${f.hearingEligible ? '、要求听证' : ''}权利。`),
    p(`处罚依据和种类：依据${s(f, 'basis')}的规定，决定给予${s(f, 'penaltyText')}的行政处罚。`),
    ...citedBlocks(f, '所依据的条文'),
    ...(Number(f.fine) > 0 ? [p(`履行方式和期限：罚款自收到本决定书之日起 15 日内缴至指定银行账户；到期不缴纳的，每日按罚款数额的 3% 加处罚款，加处罚款的数额不超过罚款的数额。`)] : []),
    p(remedies), sealBlock(f),
  ],
  payment_reminder: (f) => [
    p(`${f.party.name}：`, false),
    p(`本机关于 ${s(f, 'decidedOn')} 作出《行政处罚决定书》（${s(f, 'decisionNumber')}），决定对你单位罚款 ${s(f, 'fineText')}，缴款期限至 ${s(f, 'paymentDue')}。截至目前你单位尚未缴纳。`),
    p(`请你单位于收到本催告书之日起 10 日内缴纳罚款及加处罚款（截至 ${f.issuedOn} 加处罚款 ${s(f, 'surchargeText')}）。`),
    sealBlock(f),
  ],
  enforcement_reminder: (f) => [
    p(`${f.party.name}：`, false),
    p(`本机关于 ${s(f, 'decidedOn')} 作出《行政处罚决定书》（${s(f, 'decisionNumber')}），你单位至今未履行。依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你单位于收到本催告书之日起 10 日内履行：罚款 ${s(f, 'fineText')}，加处罚款 ${s(f, 'surchargeText')}。`),
    p('你单位有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。'),
    sealBlock(f),
  ],
  enforcement_application: (f) => [
    p(`${s(f, 'court')}：`, false),
    p(`申请人：${f.agency}。被申请人：${f.party.name}，地址：${f.party.address ?? ''}。`),
    p(`申请事项：请求强制执行本机关作出的《行政处罚决定书》（${s(f, 'decisionNumber')}）：罚款 ${s(f, 'fineText')}，加处罚款 ${s(f, 'surchargeText')}。`),
    p(`事实和理由：被申请人于 ${s(f, 'servedOn')} 收到处罚决定书，在法定期限内未申请行政复议、未提起行政诉讼，又不履行；本机关已于 ${s(f, 'remindedOn')} 催告，被申请人仍未履行。依据《中华人民共和国行政强制法》第五十三条的规定，特申请强制执行。`),
    sealBlock(f),
  ],
  closing_report: (f) => [
    { type: 'fields', rows: [['案号', s(f, 'caseNumber')], ['案由', s(f, 'cause')], ['当事人', f.party.name], ['立案时间', s(f, 'filedOn')], ['处罚决定', s(f, 'penaltyText')],
      ['执行情况', s(f, 'execution')], ['结案意见', s(f, 'note')], ['承办人', officersLine(f)], ['结案时间', f.issuedOn]] },
  ],
};
