// Sending and receiving .xlsx over HTTP: a download with a Chinese file name, and one uploaded file read into memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../http/errors.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987 filename*). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Send an .xlsx as a download named `filename` (e.g. 企业名录-20261130.xlsx). */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, filename: string) {
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', attachmentHeader(filename));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
  return reply.send(buffer);
}

/** The one file of a multipart upload, in memory, with the form fields sent before it. */
export async function readUpload(req: FastifyRequest): Promise<{ buffer: Buffer; filename: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', '请以 multipart/form-data 上传 .xlsx 文件', 'Expected multipart/form-data');
  const part = await req.file();
  if (!part) throw badRequest('没有收到文件，请选择要导入的 .xlsx 文件', 'No file received');
  const buffer = await part.toBuffer();
  if (!buffer.length) throw new AppError(400, 'empty_file', '文件是空的，请选择填写好的 .xlsx 文件', 'Empty file');
  const fields: Record<string, string> = {};
  for (const [k, f] of Object.entries(part.fields)) {
    const v = (f as { value?: unknown } | undefined)?.value;
    if (typeof v === 'string') fields[k] = v;
  }
  return { buffer, filename: part.filename, fields };
}
