// The one Excel path: export a list with a styled header, a template to fill in (drop-downs and a
// 填写说明 sheet), and parsing of an upload with every bad cell reported by row and column.
import ExcelJS from 'exceljs';
import { isEmptyCell, type XlsxColumn } from './columns.js';

export type { XlsxColumn } from './columns.js';

/** A problem in an uploaded sheet: Excel row number (the header is row 1), column header, Chinese message. */
export interface SheetError { row: number; column: string | null; message: string }

/** One data row: its Excel row number and the values of its filled, valid cells. */
export interface SheetRow<T> { row: number; values: Partial<T>; ok: boolean }

/** Thrown when the file itself cannot be used (not an .xlsx, no sheet, no header, too many rows). */
export class SheetFileError extends Error {}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN = { style: 'thin' as const, color: { argb: 'FF9BA9BA' } };

function styleHeader(ws: ExcelJS.Worksheet, columns: readonly XlsxColumn[], markRequired: boolean) {
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 4), style: c.type.numFmt ? { numFmt: c.type.numFmt } : {} }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = markRequired && c.required ? `${c.header}*` : c.header;
    cell.font = { bold: true, color: { argb: markRequired && c.required ? 'FFC00000' : 'FF1F2D3D' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.numFmt = 'General';
  });
  header.height = 22;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** An .xlsx of rows (objects keyed by column key) with a styled, frozen, filterable header row. */
export async function exportXlsx<T extends object>(columns: readonly XlsxColumn[], rows: readonly T[], opts: { sheet?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yingji';
  const ws = wb.addWorksheet(opts.sheet ?? '数据');
  styleHeader(ws, columns, false);
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    ws.addRow(columns.map((c) => (rec[c.key] === undefined || rec[c.key] === null ? null : c.type.format(rec[c.key]))));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return toBuffer(wb);
}

/** A template to fill in: required headers in red with *, drop-downs for fixed choices, example rows, and a 填写说明 sheet. */
export async function templateXlsx<T extends object>(columns: readonly XlsxColumn[], opts: { sheet?: string; examples?: readonly T[]; notes?: readonly string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yingji';
  const ws = wb.addWorksheet(opts.sheet ?? '数据');
  styleHeader(ws, columns, true);
  for (const r of opts.examples ?? []) {
    const rec = r as Record<string, unknown>;
    ws.addRow(columns.map((c) => (rec[c.key] === undefined || rec[c.key] === null ? null : c.type.format(rec[c.key]))));
  }
  // Choices live in a hidden sheet: a list validation written inline is limited to 255 characters.
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  let listCol = 0;
  columns.forEach((c, i) => {
    if (!c.type.options?.length) return;
    listCol++;
    c.type.options.forEach((o, j) => { lists.getCell(j + 1, listCol).value = o; });
    const letter = lists.getColumn(listCol).letter;
    const range = `'选项'!$${letter}$1:$${letter}$${c.type.options.length}`;
    for (let row = 2; row <= 1001; row++) {
      ws.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [range], showErrorMessage: true,
        errorTitle: c.header, error: `请从下拉列表中选择：${c.type.options.join('、').slice(0, 200)}` };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 22 }, { header: '是否必填', width: 10 }, { header: '填写要求', width: 70 }];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', [c.type.describe, c.note].filter(Boolean).join('；')]);
  for (const n of opts.notes ?? []) help.addRow(['', '', n]);
  return toBuffer(wb);
}

const headerText = (v: unknown) => String((v as { richText?: { text: string }[] })?.richText?.map((r) => r.text).join('') ?? v ?? '')
  .replace(/[*＊\s]/g, '');

/**
 * Parses the first sheet of an .xlsx: columns are found by their header text (order does not matter,
 * unknown columns are ignored, a trailing * is allowed), empty rows are skipped, and every bad or
 * missing required cell becomes an error with its row number. Throws SheetFileError for an unusable file.
 */
export async function parseXlsx<T extends object>(buffer: Buffer, columns: readonly XlsxColumn[], opts: { maxRows?: number } = {}): Promise<{ rows: SheetRow<T>[]; errors: SheetError[] }> {
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) {
    const legacy = buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0;
    throw new SheetFileError(legacy ? '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入' : '文件不是 .xlsx 格式，请使用下载的模板填写后导入');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetFileError('文件无法读取：请确认是未加密的 .xlsx 文件');
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw new SheetFileError('文件中没有工作表');
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, colNumber) => { const h = headerText(cell.value); if (h && !byHeader.has(h)) byHeader.set(h, colNumber); });
  if (!byHeader.size) throw new SheetFileError('第 1 行应为列名（表头），请使用下载的模板');
  const errors: SheetError[] = [];
  // Cells are checked left to right as the sheet shows them, so errors read in the order a person sees them.
  const found = columns.map((c) => ({ c, at: byHeader.get(headerText(c.header)) })).sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  for (const { c, at } of found) if (c.required && !at) errors.push({ row: 1, column: c.header, message: `缺少必填列「${c.header}」` });
  if (errors.length) return { rows: [], errors };

  const rows: SheetRow<T>[] = [];
  const maxRows = opts.maxRows ?? 10_000;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (found.every(({ at }) => !at || isEmptyCell(row.getCell(at).value))) continue;
    if (rows.length >= maxRows) throw new SheetFileError(`每次最多导入 ${maxRows} 行，请拆分文件后分批导入`);
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const { c, at } of found) {
      const cell = at ? row.getCell(at).value : null;
      if (!at || isEmptyCell(cell)) {
        if (c.required) { ok = false; errors.push({ row: r, column: c.header, message: `「${c.header}」必填` }); }
        continue;
      }
      const p = c.type.parse(cell, c.header);
      if ('error' in p) { ok = false; errors.push({ row: r, column: c.header, message: p.error }); } else values[c.key] = p.value;
    }
    rows.push({ row: r, values: values as Partial<T>, ok });
  }
  return { rows, errors };
}
