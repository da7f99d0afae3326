// 防汛隐患整改通知书: the printable rectification notice of an inspection batch's findings, each with its "一单四制"
// (责任、措施、资金、时限、预案) as recorded on the hazard; what is not yet settled prints as 待落实 so the notice says so.
import { FACILITY_KINDS, type Batch } from '../../../contracts/flood.js';
import { renderDocx } from '../../platform/docx/docx.js';
import type { DocModel } from '../../platform/docx/model.js';
import type { noticeFindings } from './flood.store.js';

type Finding = Awaited<ReturnType<typeof noticeFindings>>[number];
const TBD = '待落实';
const STATUS: Record<string, string> = { pending: '待整改', rectifying: '整改中', review: '待复查', closed: '已整改' };
const cn = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The notice of a batch (or of one of its findings); `today` is the date of issue (YYYY-MM-DD). */
export function noticeModel(b: Batch, findings: Finding[], today: string): DocModel {
  const unsettled = findings.filter((f) => !f.responsible_person || !f.measures || f.funds == null || !f.deadline || !f.plan).length;
  return {
    authority: '汨水市防汛抗旱指挥部办公室', title: '防汛隐患整改通知书', number: `汨防汛整改〔${b.season}〕${b.number.replace(/^BX-\d{4}-0*/, '')}号`,
    blocks: [
      { type: 'paragraph', text: `${b.regionName ?? ''}人民政府（防汛办）：` },
      { type: 'paragraph', indent: true, text: `${cn(b.inspectedOn)}，${b.teamName}对你辖区防汛工程和山洪危险区开展了汛前检查（批次 ${b.number}），发现以下 ${findings.length} 处问题。`
        + '请按照“一单四制”要求，逐项落实整改责任、整改措施、整改资金、整改时限和应急预案，在时限内整改到位，整改完成后将整改情况报送市防汛办；整改期间落实临时安全措施，确保安全度汛。' },
      ...findings.flatMap((f, i) => [
        { type: 'heading' as const, text: `${i + 1}. ${f.facility_name ?? ''}${f.facility_kind ? `（${FACILITY_KINDS[f.facility_kind as keyof typeof FACILITY_KINDS] ?? f.facility_kind}）` : ''}：${f.title}` },
        { type: 'fields' as const, rows: [
          ['隐患编号', `${f.number}（${STATUS[f.status] ?? f.status}）`], ['位置', f.region_name ?? '—'], ['问题描述', f.description || f.title],
          ['整改责任人（责任）', f.responsible_person ? `${f.responsible_person}${f.responsible_phone ? ` ${f.responsible_phone}` : ''}` : TBD],
          ['整改措施（措施）', f.measures || TBD], ['整改资金（资金）', f.funds != null ? `${f.funds.toLocaleString('zh-CN')} 元` : TBD],
          ['整改时限（时限）', f.deadline ? `${cn(f.deadline)}前` : TBD], ['应急预案（预案）', f.plan ?? `${TBD}：整改完成前须制定临时度汛方案`],
        ] as [string, string][] },
      ]),
      ...(unsettled ? [{ type: 'paragraph' as const, indent: true, text: `其中 ${unsettled} 处问题的“一单四制”尚有标注“${TBD}”的事项，请收到本通知后 3 日内落实并报市防汛办。` }] : []),
      { type: 'signature', lines: ['汨水市防汛抗旱指挥部办公室', cn(today)] },
    ],
    footer: '本通知书一式两份，一份送达被检查乡镇，一份存档。签收人：__________　签收日期：__________',
  };
}

export const noticeDocx = (b: Batch, findings: Finding[], today: string) => renderDocx(noticeModel(b, findings, today));
