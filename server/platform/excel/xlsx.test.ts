import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { date, decimal, int, list, oneOf, text, yesNo, type XlsxColumn } from './columns.js';
import { attachmentHeader } from './http.js';
import { exportXlsx, parseXlsx, SheetFileError, templateXlsx } from './xlsx.js';

const LEVELS = [{ code: 'red', label: '重大风险' }, { code: 'blue', label: '低风险' }] as const;
const columns: XlsxColumn[] = [
  { key: 'name', header: '名称', type: text({ max: 10 }), required: true },
  { key: 'code', header: '代码', type: text({ max: 18 }) },
  { key: 'people', header: '人数', type: int({ min: 0, max: 1000 }) },
  { key: 'qty', header: '数量', type: decimal({ min: 0 }) },
  { key: 'since', header: '日期', type: date() },
  { key: 'level', header: '等级', type: oneOf(LEVELS) },
  { key: 'key', header: '重点', type: yesNo() },
  { key: 'tags', header: '标签', type: list(oneOf(LEVELS)) },
];

async function sheet(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('exportXlsx', () => {
  it('writes a styled header and formats values (labels, 是/否, lists), and reads back', async () => {
    const buf = await exportXlsx(columns, [{ name: '甲', people: 3, qty: 1.5, since: '2026-01-05', level: 'red', key: true, tags: ['red', 'blue'] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '代码', '人数', '数量', '日期', '等级', '重点', '标签']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '甲', undefined, 3, 1.5, '2026-01-05', '重大风险', '是', '重大风险、低风险']);
    const { rows, errors } = await parseXlsx(buf, columns);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, ok: true, values: { name: '甲', people: 3, qty: 1.5, since: '2026-01-05', level: 'red', key: true, tags: ['red', 'blue'] } }]);
  });
});

describe('templateXlsx', () => {
  it('marks required headers, offers drop-downs from a hidden sheet and explains every column', async () => {
    const buf = await templateXlsx(columns, { examples: [{ name: '示例' }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const [data, lists, help] = wb.worksheets;
    expect(data.getCell('A1').value).toBe('名称*');
    expect(data.getCell('A2').value).toBe('示例');
    expect(data.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$2"] });
    expect(lists.state).toBe('hidden');
    expect(help.name).toBe('填写说明');
    expect(help.getRow(2).values).toEqual([undefined, '名称', '必填', '文本，不超过 10 个字']);
    // The template itself parses (headers with * are recognised).
    expect((await parseXlsx(buf, columns)).rows[0].values).toEqual({ name: '示例' });
  });
});

describe('parseXlsx', () => {
  it('reports every bad cell with its row and column, keeps the good rows, skips empty rows, ignores column order', async () => {
    const buf = await sheet([
      ['人数', '名称', '日期', '等级', '重点', '其他列', '代码'],
      [12, '好的', '2026/1/5', '低风险', '否', 'x', '914306997760539437'],
      [],
      ['十二', '', '2026-02-30', '紫色', '也许', '', 914306997760539437],
      [1001, '名称太长了超过十个字了', new Date(Date.UTC(2026, 0, 5)), 'red', true],
    ]);
    const { rows, errors } = await parseXlsx(buf, columns);
    expect(rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [4, false], [5, false]]);
    expect(rows[0].values).toEqual({ people: 12, name: '好的', since: '2026-01-05', level: 'blue', key: false, code: '914306997760539437' });
    expect(rows[2].values).toMatchObject({ since: '2026-01-05', level: 'red', key: true });
    expect(errors).toEqual([
      { row: 4, column: '人数', message: '「人数」应为整数，实际为“十二”' },
      { row: 4, column: '名称', message: '「名称」必填' },
      { row: 4, column: '日期', message: '「日期」应为日期（如 2026-01-05），实际为“2026-02-30”' },
      { row: 4, column: '等级', message: '「等级」应为以下之一：重大风险、低风险；实际为“紫色”' },
      { row: 4, column: '重点', message: '「重点」应填“是”或“否”，实际为“也许”' },
      { row: 4, column: '代码', message: expect.stringContaining('被 Excel 存成了数字') },
      { row: 5, column: '人数', message: '「人数」应在 0～1000 之间，实际为 1001' },
      { row: 5, column: '名称', message: '「名称」不能超过 10 个字，实际 11 个' },
    ]);
  });

  it('says when a required column is missing', async () => {
    const { errors } = await parseXlsx(await sheet([['人数'], [1]]), columns);
    expect(errors).toEqual([{ row: 1, column: '名称', message: '缺少必填列「名称」' }]);
  });

  it('refuses a file that is not .xlsx, an old .xls, and too many rows', async () => {
    await expect(parseXlsx(Buffer.from('name,code\n'), columns)).rejects.toThrow(SheetFileError);
    await expect(parseXlsx(Buffer.from('d0cf11e0a1b11ae1', 'hex'), columns)).rejects.toThrow(/另存为” \.xlsx/);
    await expect(parseXlsx(await sheet([['名称'], ['a'], ['b'], ['c']]), columns, { maxRows: 2 })).rejects.toThrow(/最多导入 2 行/);
  });
});

describe('attachmentHeader', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('企业名录-20261130.xlsx')).toBe(
      `attachment; filename="____-20261130.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录-20261130.xlsx')}`);
  });
});
