// Turn JSON-schema validation errors into sentences a person can act on (Chinese by default).

interface AjvError { instancePath?: string; keyword: string; params?: Record<string, unknown>; message?: string }

const WHERE: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };
const TYPES: Record<string, string> = { string: '文本', integer: '整数', number: '数字', boolean: '是或否（true/false）', object: '对象', array: '列表', null: '空值' };
const FORMATS: Record<string, string> = { uuid: 'UUID 编号', date: '日期（YYYY-MM-DD）', 'date-time': '日期时间（ISO 8601）', email: '电子邮箱', uri: '网址' };

function field(e: AjvError): string {
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = e.keyword === 'required' ? String(e.params?.missingProperty ?? '') : '';
  return [path, missing].filter(Boolean).join('.') || '(整体)';
}

/** One Chinese sentence for one validation error. */
export function describeZh(e: AjvError, context?: string): string {
  const f = `「${field(e)}」`;
  const p = e.params ?? {};
  const where = context ? `${WHERE[context] ?? context}中` : '';
  switch (e.keyword) {
    case 'required': return `${where}缺少必填字段${f}`;
    case 'type': return `${where}字段${f}应为${TYPES[String(p.type)] ?? String(p.type)}`;
    case 'minLength': return `${where}字段${f}至少需要 ${p.limit} 个字符`;
    case 'maxLength': return `${where}字段${f}不能超过 ${p.limit} 个字符`;
    case 'pattern': return `${where}字段${f}格式不正确`;
    case 'format': return `${where}字段${f}应为有效的${FORMATS[String(p.format)] ?? String(p.format)}`;
    case 'minimum': return `${where}字段${f}不能小于 ${p.limit}`;
    case 'maximum': return `${where}字段${f}不能大于 ${p.limit}`;
    case 'exclusiveMinimum': return `${where}字段${f}必须大于 ${p.limit}`;
    case 'exclusiveMaximum': return `${where}字段${f}必须小于 ${p.limit}`;
    case 'minItems': return `${where}字段${f}至少需要 ${p.limit} 项`;
    case 'maxItems': return `${where}字段${f}最多 ${p.limit} 项`;
    case 'enum': case 'const': case 'anyOf': case 'oneOf': return `${where}字段${f}的取值不在允许范围内`;
    case 'additionalProperties': return `${where}不允许的字段「${String(p.additionalProperty)}」`;
    default: return `${where}字段${f}无效`;
  }
}

/** English sentence for Accept-Language: en. */
export function describeEn(e: AjvError, context?: string): string {
  return `${context ?? 'request'} ${field(e)}: ${e.message ?? 'is invalid'}`;
}
