// The case action bar's catalogue: each move or action the server offers (`allowedMoves`), its route, its form
// fields and how the body is built. One table, so the bar itself has no per-move code.
import { Checkbox, DatePicker, Input, InputNumber, Select } from 'antd';
import type dayjs from 'dayjs';
import type { Field } from '../ActionModal';
import { serviceBody, serviceFields } from '../documents/serviceFields';
import { EVIDENCE_KINDS, PENALTY_KINDS, optionsOf } from '../enforcementApi';

export interface CaseAction { path: string; label: string; danger?: boolean; primary?: boolean; fields: Field[]; body?: (v: Record<string, unknown>) => unknown; confirm: string }

const text = (name: string, label: string, required = true, rows = 3): Field => ({ name, label, required, input: <Input.TextArea rows={rows} /> });
const penalty: Field[] = [
  { name: 'kinds', label: '处罚种类', required: true, input: <Select mode="multiple" options={optionsOf(PENALTY_KINDS)} /> },
  { name: 'fine', label: '罚款（元）', input: <InputNumber min={0} style={{ width: '100%' }} /> },
  { name: 'suspensionDays', label: '停产停业天数', input: <InputNumber min={1} precision={0} style={{ width: '100%' }} /> },
  text('basis', '处罚依据'),
];
const day = (v: unknown) => (v as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD');

export const CASE_ACTIONS: Record<string, CaseAction> = {
  approve: { path: 'approve', label: '批准立案', primary: true, fields: [text('opinion', '审批意见', true, 2)], confirm: '批准立案后生成案号，起算办案期限。' },
  reject: { path: 'reject', label: '不予立案', danger: true, fields: [text('opinion', '不予立案理由', true, 2)], confirm: '不予立案后案件终止。' },
  evidence: { path: 'evidence', label: '调查取证', fields: [
    { name: 'kind', label: '证据种类', required: true, input: <Select options={optionsOf(EVIDENCE_KINDS)} /> }, text('description', '证据说明'),
    { name: 'person', label: '被询问人', input: <Input /> }], confirm: '登记这份证据？' },
  notify: { path: 'notify', label: '告知拟处罚', primary: true, fields: penalty, confirm: '将制作行政处罚告知书，当事人自送达起享有陈述申辩（3日）和听证（5日）权利。' },
  statement: { path: 'statement', label: '记录陈述申辩', fields: [text('content', '陈述申辩内容')], confirm: '登记陈述申辩？' },
  request_hearing: { path: 'request-hearing', label: '申请听证', fields: [{ name: 'hearingOn', label: '听证日期', required: true, input: <DatePicker style={{ width: '100%' }} /> }],
    body: (v) => ({ hearingOn: day(v.hearingOn) }), confirm: '安排听证并制作听证通知书？' },
  hold_hearing: { path: 'hold-hearing', label: '举行听证', fields: [text('summary', '听证情况')], confirm: '登记听证并制作听证笔录？' },
  decide: { path: 'decide', label: '作出处罚决定', primary: true, fields: [...penalty,
    { name: 'waived', label: '当事人书面放弃陈述申辩和听证', input: <Checkbox />, checkbox: true }], confirm: '作出处罚决定并制作行政处罚决定书？' },
  serve: { path: 'serve', label: '送达决定书', primary: true, fields: serviceFields(), body: serviceBody,
    confirm: '送达后起算 15 日缴款期限，逾期每日加处 3% 罚款。' },
  pay: { path: 'pay', label: '登记缴款', fields: [{ name: 'amount', label: '缴纳金额（元）', required: true, input: <InputNumber min={0.01} style={{ width: '100%' }} /> }], confirm: '登记缴款？' },
  remind: { path: 'remind', label: '催告履行', fields: [], confirm: '制作行政强制执行事先催告书？' },
  apply_enforcement: { path: 'apply-enforcement', label: '申请强制执行', danger: true, fields: [{ name: 'court', label: '人民法院', required: true, input: <Input /> }, text('note', '说明', false, 2)],
    confirm: '向人民法院申请强制执行？' },
  close: { path: 'close', label: '结案', primary: true, fields: [text('note', '结案说明', true, 2)], confirm: '结案后案件不能再办理。' },
};
