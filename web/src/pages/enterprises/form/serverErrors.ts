// The server's refusal shown on the field it is about: the service names the field in `details.field`
// (e.g. the credit code, whose message says which character is wrong); schema validation names it
// in 「」 inside each sentence (`字段「phone」格式不正确`).
import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';

interface FieldError { name: (string | number)[]; errors: string[] }

/** The field errors an ApiError carries for a form with these top-level field names. */
function fieldErrorsOf(error: unknown, fieldNames: readonly string[]): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const details = error.details as { field?: unknown } | string[] | undefined;
  const out = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    if (!fieldNames.includes(path.split('.')[0])) return;
    out.set(path, [...(out.get(path) ?? []), message]);
  };
  if (details && !Array.isArray(details) && typeof details.field === 'string') add(details.field, error.message);
  const sentences = Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string') : [];
  for (const sentence of sentences) {
    const path = sentence.match(/「([^」]+)」/)?.[1];
    if (path) add(path, sentence.replace(/^请求内容中/, ''));
  }
  // A service refusal about the credit code that did not name its field.
  if (!out.size && /信用代码/.test(error.message) && fieldNames.includes('creditCode')) add('creditCode', error.message);
  return [...out].map(([key, errors]) => ({ name: key.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), errors }));
}

/** Puts a refusal's messages on the fields of `form` they are about (the message box shows it too). */
export function showServerErrors<T>(form: FormInstance<T>, error: unknown, fieldNames: readonly string[]): void {
  form.setFields(fieldErrorsOf(error, fieldNames) as Parameters<FormInstance<T>['setFields']>[0]);
}
