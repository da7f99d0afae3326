// Every error leaves as `{ error: { code, message, details? } }` with the right status; never a stack.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { describeEn, describeZh } from './validation-messages.js';

export function wantsEnglish(req: FastifyRequest): boolean {
  return /^en\b/i.test(String(req.headers['accept-language'] ?? ''));
}

const FASTIFY_CODES: Record<string, [string, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', '请求内容过大', 'Request body too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', '不支持的内容类型，请以 JSON 提交', 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', '请求长度不正确', 'Invalid content length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', '请求内容为空，请提交 JSON', 'Empty JSON body'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad_request', '请求内容不是有效的 JSON', 'Body is not valid JSON'],
  FST_ERR_FAILED_ERROR_SERIALIZATION: ['internal', '服务器内部错误', 'Internal server error'],
  FST_REQ_FILE_TOO_LARGE: ['payload_too_large', '上传文件超过大小限制', 'Uploaded file too large'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['bad_request', '请以 multipart/form-data 上传文件', 'Expected multipart/form-data'],
  FST_FILES_LIMIT: ['bad_request', '一次只能上传一个文件', 'One file per request'],
  FST_PARTS_LIMIT: ['bad_request', '表单字段过多', 'Too many form parts'],
  FST_FIELDS_LIMIT: ['bad_request', '表单字段过多', 'Too many form fields'],
  FST_ERR_BAD_URL: ['bad_url', '请求地址无效，请检查链接是否完整', 'Malformed URL'],
  FST_ERR_MAX_PARAM_LENGTH: ['bad_url', '请求地址中的参数过长，请检查链接是否完整', 'A URL parameter is too long'],
  FST_ERR_ASYNC_CONSTRAINT: ['bad_request', '请求无效，请检查后重试', 'Bad request'],
};

/** Router errors (a malformed or over-long URL) arrive before any route: the same shape as every other error. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return errorHandler(err, req, reply);
}

// Database errors that mean bad input rather than a broken server.
const PG_CODES: Record<string, [number, string, string, string]> = {
  '23505': [409, 'conflict', '记录已存在（与现有记录重复）', 'Duplicate record'],
  '23503': [400, 'bad_reference', '引用的记录不存在或仍被其他记录使用', 'Referenced record missing or still in use'],
  '23514': [400, 'bad_request', '数据不符合规则，请检查填写内容', 'Data violates a rule'],
  '22001': [400, 'bad_request', '某个字段内容过长', 'A value is too long'],
  '22P02': [400, 'bad_request', '某个字段格式不正确', 'A value has the wrong format'],
  '22007': [400, 'bad_request', '日期或时间格式不正确', 'Invalid date or time'],
  '22008': [400, 'bad_request', '日期或时间超出范围', 'Date or time out of range'],
  '22003': [400, 'bad_request', '数值超出范围', 'Number out of range'],
  '22021': [400, 'bad_request', '文本包含无效字符', 'Text contains invalid characters'],
  '54000': [400, 'bad_request', '提交的内容过大', 'Input too large'],
};

/** Fastify error handler: map every error to the one shape. */
export function errorHandler(err: FastifyError & { validation?: unknown[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) {
  const en = wantsEnglish(req);
  const send = (status: number, code: string, zh: string, enMsg?: string, details?: unknown) =>
    reply.status(status).send({ error: { code, message: en && enMsg ? enMsg : zh, ...(details === undefined ? {} : { details }) } });

  if (err instanceof AppError) return send(err.status, err.code, err.message, err.messageEn, err.details);
  if (err.validation) {
    const list = err.validation as Parameters<typeof describeZh>[0][];
    // A union reports one error per branch; the person needs each sentence once.
    const zh = [...new Set(list.map((e) => describeZh(e, err.validationContext)))];
    const enList = [...new Set(list.map((e) => describeEn(e, err.validationContext)))];
    return send(400, 'validation', zh.join('；'), enList.join('; '), zh);
  }
  const fst = err.code && FASTIFY_CODES[err.code];
  if (fst) return send(err.statusCode && err.statusCode < 500 ? err.statusCode : 400, fst[0], fst[1], fst[2]);
  const pgCode = (err as { code?: string }).code;
  const pgMap = pgCode && PG_CODES[pgCode];
  if (pgMap) return send(pgMap[0], pgMap[1], pgMap[2], pgMap[3]);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err.statusCode === 429) return send(429, 'rate_limited', '请求过于频繁，请稍后再试', 'Too many requests, try again later');
    return send(err.statusCode, 'bad_request', '请求无效，请检查后重试', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return send(500, 'internal', `服务器内部错误，请稍后重试；如持续出现请联系管理员（请求号 ${req.id}）`, `Internal server error (request ${req.id})`);
}
