// DocModel → Word (.docx) with the `docx` package: A4, 宋体 body, 黑体 title, label/value tables.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Block, DocModel } from './model.js';

const BODY = { font: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 24 } as const; // 小四
const TITLE = { font: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' }, size: 36, bold: true } as const;      // 小二
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const run = (text: string, extra: { bold?: boolean } = {}) => new TextRun({ text, ...BODY, ...extra });
const para = (text: string, opts: { align?: keyof typeof ALIGN; indent?: boolean; bold?: boolean } = {}) => new Paragraph({
  alignment: ALIGN[opts.align ?? 'left'], indent: opts.indent ? { firstLine: 480 } : undefined, spacing: { line: 360 },
  children: text.split('\n').flatMap((line, i) => (i ? [new TextRun({ break: 1 }), run(line, opts)] : [run(line, opts)])),
});
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const cell = (text: string, width: number, bold = false) =>
  new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, borders, children: [para(text || ' ', { bold })] });

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph': return [para(b.text, b)];
    case 'heading': return [para(b.text, { bold: true })];
    case 'fields': return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map(([l, v]) => new TableRow({ children: [cell(l, 28, true), cell(v, 72)] })) })];
    case 'table': {
      const w = Math.floor(100 / Math.max(1, b.head.length));
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ tableHeader: true, children: b.head.map((h) => cell(h, w, true)) }),
          ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, w)) }))] })];
    }
    case 'signature': return [new Paragraph({ text: '' }), ...b.lines.map((l) => para(l, { align: 'right' }))];
  }
}

/** The model as a .docx file. */
export async function renderDocx(m: DocModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: m.authority, ...TITLE, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: m.title, ...TITLE })] }),
  ];
  if (m.number) children.push(para(m.number, { align: 'right' }));
  for (const b of m.blocks) children.push(...block(b));
  if (m.footer) children.push(new Paragraph({ text: '' }), para(m.footer));
  const doc = new Document({
    creator: 'Yingji 应急管理综合应用平台', title: m.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
