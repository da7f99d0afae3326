// The county's summary of an event as a Word file (platform docx): indicators down, struck towns and the total across.
import { INDICATORS, REPORT_STAGES, type EventSummary } from '../../../../contracts/disaster.js';
import { renderDocx } from '../../../platform/docx/docx.js';
import type { DocModel } from '../../../platform/docx/model.js';
import { kindLabel } from './reports.service.js';

const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const num = (n: number | undefined) => String(n ?? 0);

/** The summary model: the same figures the summary table shows. */
export function summaryModel(s: EventSummary): DocModel {
  const cols = [...s.towns, s.total];
  const overdue = s.deadlines.filter((d) => d.overdue && !d.met);
  return {
    authority: '汨水市应急管理局', title: `${s.event.name}灾情汇总表`, number: s.event.number,
    blocks: [
      { type: 'fields', rows: [['灾种', kindLabel(s.event.kind)], ['发生时间', local(s.event.startedAt)], ['受灾区域', s.event.areas.map((a) => a.regionName).join('、')],
        ['统计截至', local(s.asOf)], ['数据状态', s.total.unconfirmed ? '含县级尚未审核的数据[待核]' : '均经县级审核']] },
      { type: 'table', head: ['指标', '单位', ...cols.map((c) => c.regionName)],
        rows: INDICATORS.map((i) => [i.label, i.unit, ...cols.map((c) => num(c.figures[i.key]))]) },
      { type: 'table', head: ['乡镇', '数据来源', '汇总村（社区）数', '状态'], rows: s.towns.map((t) => [t.regionName, t.source, String(t.villages), t.unconfirmed ? '待县级审核' : '已审核']) },
      ...(overdue.length ? [{ type: 'paragraph' as const, text: `逾期未报：${overdue.map((d) => `${d.regionName}${REPORT_STAGES.find((x) => x.code === d.stage)?.label}（应于 ${local(d.dueAt)} 前）`).join('；')}` }] : []),
      { type: 'signature', lines: ['填报单位：汨水市应急管理局', `填报时间：${local(s.asOf).slice(0, 10)}`] },
    ],
    footer: '乡镇数据：乡镇自报的以乡镇报告为准，否则为所辖村（社区）最新审核数之和，同一村（社区）只计一次。',
  };
}

export const summaryDocx = (s: EventSummary) => renderDocx(summaryModel(s));
