// Factories for the enterprises tests: valid fresh credit codes, an enterprise made through the API,
// an .xlsx built with exceljs, and a multipart body for uploads.
import ExcelJS from 'exceljs';
import { makeUscc, USCC_CHARSET } from '../../platform/codes/uscc.js';
import type { TestApp } from '../../testing/app.js';

let n = 0;
/** A valid credit code no demo enterprise holds (bodies start with MA9, which the demo never makes). */
export function freshCode(): string {
  n++;
  const tail = Array.from({ length: 5 }, (_, i) => USCC_CHARSET[(n * 7 + i * 13 + Math.floor(Math.random() * 31)) % 31]).join('');
  return makeUscc('91', '430699', `MA9${tail}`);
}

export const BAITANG_VILLAGE = '430699101201';
export const LUOJIANG_VILLAGE = '430699102201';

/** Create an enterprise as `cookie` (a staff account by default) and return its JSON. */
export async function makeEnterprise(t: TestApp, cookie: string, over: Record<string, unknown> = {}) {
  const r = await t.as(cookie, { method: 'POST', url: '/api/enterprises', payload: { name: `测试企业${n + 1}有限公司`, creditCode: freshCode(), regionCode: BAITANG_VILLAGE, sector: 'other', ...over } });
  if (r.statusCode !== 200) throw new Error(`create enterprise: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** An .xlsx with these rows (the first is the header). */
export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field. */
export function multipart(name: string, content: Buffer, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = '----yingji' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: ${type}\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Read an .xlsx response into rows of cell values. */
export async function readSheet(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
