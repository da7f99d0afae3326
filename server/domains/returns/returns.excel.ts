// A form's own Excel template (one column per field, its units and rules in 填写说明) and the reading of a
// filled one back into values, through the platform's one Excel path.
import type { FieldDef } from '../../../contracts/returns.js';
import { date, decimal, int, oneOf, text, type ColumnType } from '../../platform/excel/columns.js';
import { parseXlsx, SheetFileError, templateXlsx, type XlsxColumn } from '../../platform/excel/xlsx.js';
import { AppError, badRequest } from '../../platform/http/errors.js';

function columnType(f: FieldDef): ColumnType {
  switch (f.type) {
    case 'integer': return int({ min: f.min ?? -1e9, max: f.max ?? 1e12 });
    case 'number': return decimal({ min: f.min, max: f.max });
    case 'choice': return oneOf((f.options ?? []).map((o) => ({ code: o, label: o })));
    case 'date': return date();
    default: return text({ max: 2000 });
  }
}

/** The sheet columns of a form version: header = label (unit). */
export const columnsOf = (fields: FieldDef[]): XlsxColumn[] => fields.map((f) => ({
  key: f.key, header: f.unit ? `${f.label}（${f.unit}）` : f.label, type: columnType(f), required: !!f.required, note: f.help,
}));

/** The template: the current values (if any) in row 2, so a unit can download, edit and upload again. */
export function formTemplate(form: { name: string }, fields: FieldDef[], values: Record<string, unknown> = {}, notes: string[] = []) {
  return templateXlsx(columnsOf(fields), { sheet: form.name.slice(0, 31), examples: Object.keys(values).length ? [values] : [], notes: [
    '每个单位每期只填第 2 行；填好后在“我的报表”中上传。', ...notes] });
}

/** Values from an uploaded template (the first filled row); bad cells are refused with their column. */
export async function valuesFromUpload(buffer: Buffer, fields: FieldDef[]): Promise<Record<string, unknown>> {
  let parsed;
  try {
    parsed = await parseXlsx<Record<string, unknown>>(buffer, columnsOf(fields), { maxRows: 5 });
  } catch (e) {
    if (e instanceof SheetFileError) throw badRequest(e.message, 'Unusable file');
    throw e;
  }
  const first = parsed.rows[0];
  const errs = parsed.errors.filter((e) => !first || e.row === first.row || e.row === 1);
  if (errs.length) throw new AppError(400, 'invalid_values', errs.map((e) => e.message).join('；'), 'Bad cells', { cells: errs });
  if (!first) throw badRequest('表中第 2 行没有填写数据，请填好后再上传', 'Nothing filled');
  if (parsed.rows.length > 1) throw badRequest(`表中填了 ${parsed.rows.length} 行；每个单位每期只填一行（第 2 行）`, 'One row per return');
  return first.values;
}
