// The 专项督查 report as a Word file (platform docx): how the sample was drawn, the findings by town and department,
// each problem found, and what is still unchecked — the same figures the audit page shows.
import { CHECK_METHODS, RELIEF_PURPOSES, type Allocation, type AuditDetail } from '../../../../contracts/disaster.js';
import { renderDocx } from '../../../platform/docx/docx.js';
import type { DocModel } from '../../../platform/docx/model.js';

const label = (t: readonly { code: string; label: string }[], c: string) => t.find((x) => x.code === c)?.label ?? c;
const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;
const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');

/** The report model of one audit over one county allocation, as of `asOf`. */
export function auditReportModel(a: AuditDetail, alloc: Allocation, asOf: Date): DocModel {
  const n = (m: string) => a.checks.filter((c) => c.method === m).length;
  const problems = a.checks.filter((c) => c.outcome === 'discrepancy');
  const pending = a.byRecipient.filter((r) => r.sampled > r.checked);
  return {
    authority: '汨水市应急管理局', title: `${a.name}情况报告`, number: a.number,
    blocks: [
      { type: 'fields', rows: [
        ['督查资金', `${alloc.number} ${label(RELIEF_PURPOSES, alloc.purpose)} ${yuan(alloc.amount)}${alloc.note ? `（${alloc.note}）` : ''}`],
        ['抽样方法', `按乡镇、部门分层，各抽取发放户数的 ${a.ratePercent}%（向上取整）；随机种子“${a.seed}”于抽样前公布，算法 ${a.algorithm}，可按种子复算`],
        ['抽样时间', local(a.drawnAt)],
        ['抽查户数', `发放 ${a.population} 户，抽查 ${a.sampleSize} 户（${CHECK_METHODS.map((m) => `${m.label} ${n(m.code)} 户`).join('，')}）`],
        ['核查进度', `已核查 ${a.checked} 户（${pct(a.checked, a.sampleSize)}），发现问题 ${a.discrepancies} 户`],
      ] },
      { type: 'heading', text: '一、按乡镇（部门）汇总' },
      { type: 'table', head: ['乡镇 / 部门', '发放户数', '抽查户数', '已核查', '属实', '发现问题', '无法联系', '核查完成率'],
        rows: [...a.byRecipient.map((r) => [r.recipient, String(r.population), String(r.sampled), String(r.checked), String(r.confirmed), String(r.discrepancies), String(r.unreachable), pct(r.checked, r.sampled)]),
          ['合计', String(a.population), String(a.sampleSize), String(a.checked), String(a.byRecipient.reduce((s, r) => s + r.confirmed, 0)), String(a.discrepancies),
            String(a.byRecipient.reduce((s, r) => s + r.unreachable, 0)), pct(a.checked, a.sampleSize)]] },
      { type: 'heading', text: '二、发现的问题' },
      problems.length
        ? { type: 'table', head: ['序号', '乡镇 / 部门', '村（社区）', '户主', '发放金额', '核查方式', '问题'],
          rows: problems.map((c, i) => [String(i + 1), c.recipient, `${c.townName}${c.regionName}`, c.name, yuan(c.amount), label(CHECK_METHODS, c.method), c.finding ?? '']) }
        : { type: 'paragraph', text: a.checked ? '已核查的受助户未发现问题。' : '尚未登记核查结果。', indent: true },
      { type: 'heading', text: '三、尚未核查' },
      { type: 'paragraph', indent: true, text: pending.length
        ? pending.map((r) => `${r.recipient} ${r.sampled - r.checked} 户`).join('；') + '。请相关乡镇（部门）配合督查组尽快完成核查。'
        : '抽查对象已全部核查。' },
      { type: 'signature', lines: ['汨水市应急管理局', `${local(asOf.toISOString()).slice(0, 10)}`] },
    ],
    footer: '本报告由平台按督查抽查名单和登记的核查结果生成；受助户身份证号不在报告中列出。',
  };
}

export const auditReportDocx = (a: AuditDetail, alloc: Allocation, asOf: Date) => renderDocx(auditReportModel(a, alloc, asOf));
