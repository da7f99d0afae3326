// The Excel file of a report: a title row naming the report, the period, the scope and the two comparison periods,
// then one row per group with 本期/同期/同比%/上期/环比% for each measure, and the total.
import ExcelJS from 'exceljs';
import type { ReportResult } from '../../../contracts/statistics.js';

/** The workbook of one report run. */
export async function reportXlsx(r: ReportResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yingji';
  const ws = wb.addWorksheet(r.report.title.slice(0, 31));
  const measures = r.report.measures;
  const width = 1 + measures.length * 5;
  const title = `${r.report.title}（${r.period.label}，${r.scopeLabel}）`;
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([`统计周期 ${r.period.from} 至 ${r.period.to}；同比：${r.lastYear.label}（${r.lastYear.from} 至 ${r.lastYear.to}）；环比：${r.previous.label}（${r.previous.from} 至 ${r.previous.to}）；分组：${r.groupByLabel}`]);
  ws.mergeCells(2, 1, 2, width);
  const head1: string[] = [r.groupByLabel.replace(/^按/, '')];
  const head2: string[] = [''];
  for (const m of measures) {
    head1.push(`${m.label}（${m.unit}）`, '', '', '', '');
    head2.push('本期', '同期', '同比%', '上期', '环比%');
  }
  ws.addRow(head1);
  ws.addRow(head2);
  measures.forEach((_, i) => ws.mergeCells(3, 2 + i * 5, 3, 6 + i * 5));
  ws.mergeCells(3, 1, 4, 1);
  for (const n of [3, 4]) { ws.getRow(n).font = { bold: true }; ws.getRow(n).alignment = { horizontal: 'center', vertical: 'middle' }; }
  for (const row of [...r.rows, r.total]) {
    const values: (string | number | null)[] = [row.label];
    for (const m of measures) {
      const c = row.cells[m.key];
      values.push(c.current, c.lastYear, c.yoy, c.previous, c.mom);
    }
    ws.addRow(values);
  }
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.getColumn(1).width = 22;
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = 10;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
