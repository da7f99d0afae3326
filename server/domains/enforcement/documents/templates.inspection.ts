// Forms of inspections, measures, transfers and service (DOMAIN.md §3): the blocks each prints from its fields.
import type { Block } from '../../../platform/docx/model.js';
import { citedBlocks, type DocFields, list, officersLine, partyBlock, s, sealBlock, signLines } from './fields.js';

type Template = (f: DocFields) => Block[];
const p = (text: string, indent = true): Block => ({ type: 'paragraph', text, indent });

export const INSPECTION_TEMPLATES: Record<string, Template> = {
  inspection_record: (f) => [
    partyBlock(f, '被检查单位'),
    { type: 'fields', rows: [['检查编号', s(f, 'inspectionNumber')], ['检查场所', s(f, 'place')], ['检查时间', `${s(f, 'startedAt')} 至 ${s(f, 'endedAt')}`],
      ['检查依据', s(f, 'origin')]] },
    p(officersLine(f), false),
    p('我们是汨水市应急管理局的执法人员，已出示执法证件，依法对你单位进行现场检查，请予配合。'),
    { type: 'heading', text: '检查情况：' },
    { type: 'table', head: ['序号', '检查内容', '结果', '说明'], rows: (f.results as { text: string; ok: boolean; note?: string }[] ?? []).map((r, i) => [String(i + 1), r.text, r.ok ? '符合' : '不符合', r.note ?? '']) },
    ...(list(f, 'findings').length ? [{ type: 'heading', text: '发现的问题：' } as Block, ...list(f, 'findings').map((x, i) => p(`${i + 1}. ${x}`))] : [p('未发现问题。')]),
    ...citedBlocks(f, '不符合项所依据的条文'),
    ...(s(f, 'summary') ? [p(`检查小结：${s(f, 'summary')}`)] : []),
    signLines(f),
  ],
  rectify_order: (f) => [
    p(`${f.party.name}：`, false),
    p(`经查，你单位存在下列问题（检查编号 ${s(f, 'inspectionNumber')}）：`),
    ...list(f, 'items').map((x, i) => p(`${i + 1}. ${x}`)),
    ...citedBlocks(f, '上述问题违反的规定'),
    p(`依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定，现责令你单位于 ${s(f, 'deadlineText')} 前整改完毕，达到有关法律法规规章和标准规定的要求。`),
    p('由你单位制定整改方案，落实整改措施、责任、资金、时限和预案。整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。'),
    p('如果不服本指令，可以依法在 60 日内向汨水市人民政府或者上一级应急管理部门申请行政复议，或者在 6 个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。'),
    p(officersLine(f), false),
    sealBlock(f),
  ],
  review_opinion: (f) => [
    p(`${f.party.name}：`, false),
    p(`本机关于 ${s(f, 'orderDate')} 作出了《责令限期整改指令书》（${s(f, 'orderNumber') || '现场检查'}），经对你单位整改情况进行复查，提出如下意见：`),
    p(s(f, 'opinion')),
    p(s(f, 'passed') === 'true' ? '经复查，整改符合要求。' : '经复查，整改尚不符合要求，请继续整改；逾期未整改的，依法予以处理。'),
    p(officersLine(f), false),
    sealBlock(f),
  ],
  onsite_measure: (f) => measure(f, '现场处理措施'),
  seal_decision: (f) => measure(f, '查封'),
  seize_decision: (f) => measure(f, '扣押'),
  cut_decision: (f) => measure(f, '停止供电（停止供应民用爆炸物品）'),
  seal_disposal: (f) => [
    p(`${f.party.name}：`, false),
    p(`本机关于 ${s(f, 'decidedOn')} 对你单位采取了${s(f, 'measureLabel')}措施。鉴于${s(f, 'liftReason')}，现决定解除该措施。`),
    ...(f.items as { name: string; quantity: number; unit: string }[] ?? []).length
      ? [{ type: 'table', head: ['物品名称', '数量', '单位'], rows: (f.items as { name: string; quantity: number; unit: string }[]).map((i) => [i.name, String(i.quantity), i.unit]) } as Block] : [],
    sealBlock(f),
  ],
  crime_transfer: (f) => [
    p(`${s(f, 'policeOrg') || '汨水市公安局'}：`, false),
    p(`经调查，${f.party.name}涉嫌${s(f, 'suspectedOffence')}，依据《行政执法机关移送涉嫌犯罪案件的规定》和应急〔2019〕54号的规定，现将该案移送你局，请依法审查。`),
    p(`涉嫌犯罪事实：${s(f, 'facts')}`),
    p(`专案组：${s(f, 'team')}`),
    p('附：涉嫌犯罪案件调查报告、涉案物品清单、有关检验报告或者鉴定意见及其他有关涉嫌犯罪的材料。'),
    sealBlock(f),
  ],
  service_receipt: (f) => [
    { type: 'fields', rows: [['送达文书名称', s(f, 'documentTitle')], ['文书文号', s(f, 'documentNumber')], ['受送达人', f.party.name], ['送达时间', s(f, 'servedAt')],
      ['送达地点', f.party.address ?? ''], ['送达方式', s(f, 'method')], ['收件人签名', s(f, 'recipient')], ['拒收事由及见证人', [s(f, 'refusal'), s(f, 'witness')].filter(Boolean).join('；')],
      ['送达人', f.officers.map((o) => o.name).join('、')], ['备注', s(f, 'note')]] },
    sealBlock(f),
  ],
};

function measure(f: DocFields, what: string): Block[] {
  const items = (f.items as { name: string; quantity: number; unit: string }[] | undefined) ?? [];
  return [
    p(`${f.party.name}：`, false),
    p(`经查，你单位${s(f, 'reason')}。`),
    p(`依据${s(f, 'basis') || '《中华人民共和国安全生产法》第六十五条、第七十条'}的规定，本机关决定对你单位采取${s(f, 'measureLabel') || what}措施${s(f, 'dueText') ? `，期限至 ${s(f, 'dueText')}` : ''}。`),
    ...(items.length ? [{ type: 'table', head: ['物品名称', '数量', '单位'], rows: items.map((i) => [i.name, String(i.quantity), i.unit]) } as Block] : []),
    p('如果不服本决定，可以依法在 60 日内申请行政复议，或者在 6 个月内依法向人民法院提起行政诉讼，但本决定不停止执行，法律另有规定的除外。'),
    p(officersLine(f), false),
    partyBlock(f),
    sealBlock(f),
  ];
}
