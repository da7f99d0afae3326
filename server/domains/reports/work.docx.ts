// The work report as a Word file, in the layout of server/platform/docx (A4, 宋体 body, 黑体 title) with what that
// model lacks: figures in bold, places to write highlighted in yellow as 【待填写：…】, and an appendix table listing
// every figure with its query and the number of records behind it.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { figureText, type ReportFigure, type Segment, type WorkReport } from '../../../contracts/work-report.js';

const BODY = { font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 28 } as const; // 四号
const HEAD = { font: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' }, size: 28 } as const;
const TITLE = { font: { eastAsia: '宋体', ascii: 'Arial', hAnsi: 'Arial' }, size: 40, bold: true } as const; // 二号
const SMALL = { font: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 20 } as const;

/** 【待填写：…】 as a person sees a place to write. */
export const blankText = (text: string) => `【${text.replace(/^（|）$/g, '')}】`;

function runs(segments: Segment[], figures: Map<string, ReportFigure>): TextRun[] {
  return segments.map((s) => {
    if (s.kind === 'text') return new TextRun({ text: s.text, ...BODY });
    if (s.kind === 'blank') return new TextRun({ text: blankText(s.text), ...BODY, highlight: 'yellow' });
    const fig = figures.get(s.key);
    return new TextRun({ text: fig ? figureText(fig) : blankText(`待填写：${s.key}`), ...BODY, bold: !!fig, highlight: fig ? undefined : 'yellow' });
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const cell = (text: string, width: number, bold = false) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, borders,
  children: [new Paragraph({ children: (text || ' ').split('\n').map((line, i) => new TextRun({ text: line, ...SMALL, bold, break: i ? 1 : undefined })) })] });
const WIDTHS = [7, 22, 14, 47, 10];

/** The appendix rows: 序号, 指标, 数值, 查询条件, 记录数. */
export function appendixRows(r: WorkReport): string[][] {
  const byKey = new Map(r.figures.map((x) => [x.key, x]));
  return r.figures.map((x, i) => [
    String(i + 1), x.label,
    figureText(x) + (x.previous !== undefined ? `（${r.lastYear.label} ${figureText({ value: x.previous, unit: x.unit })}）` : ''),
    x.trace ? `${x.trace.query}\nGET ${x.trace.api}${x.trace.sumOf ? `（合计 ${x.trace.sumOf}）` : ''}` : `由 ${(x.of ?? []).map((k) => byKey.get(k)?.label ?? k).join('、')} 相加`,
    x.records === undefined ? '—' : String(x.records),
  ]);
}

export async function workReportDocx(r: WorkReport, authority: string): Promise<Buffer> {
  const figures = new Map(r.figures.map((x) => [x.key, x]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: r.title, ...TITLE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: `${authority}（统计期间：${r.period.from} 至 ${r.period.to}）`, ...BODY })] }),
    new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 560 }, children: [
      new TextRun({ text: '本报告中的数字均由平台按统计期间和区域从业务记录中生成，每个数字的查询条件和记录数见附表；', ...BODY }),
      new TextRun({ text: '黄色标注处', ...BODY, highlight: 'yellow' }),
      new TextRun({ text: '为需要人工撰写的判断性内容。', ...BODY })] }),
  ];
  for (const s of r.sections) {
    children.push(new Paragraph({ spacing: { before: 200, line: 560 }, indent: { firstLine: 560 }, children: [new TextRun({ text: s.title, ...HEAD })] }));
    for (const p of s.paragraphs) {
      children.push(new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 560 }, children: p.heading
        ? [new TextRun({ text: p.segments.map((x) => ('text' in x ? x.text : '')).join(''), ...BODY, bold: true })] : runs(p.segments, figures) }));
    }
  }
  children.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: '附表：指标及其查询条件', ...HEAD, bold: true })] }));
  const head = ['序号', '指标', '数值', '查询条件', '记录数'];
  children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [
    new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, WIDTHS[i], true)) }),
    ...appendixRows(r).map((row) => new TableRow({ children: row.map((c, i) => cell(c, WIDTHS[i])) })),
  ] }));
  const doc = new Document({
    creator: 'Yingji 应急管理综合应用平台', title: r.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
