// Content-addressed blobs under DATA_DIR/files; metadata rows carry the scope of each file.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { Queryable } from '../db/db.js';
import { sql, type Sql } from '../db/sql.js';
import type { DataScope } from '../auth/actor.js';
import { scopeWhere } from '../auth/scope.js';
import { AppError } from '../http/errors.js';
import { ALLOWED_DESCRIPTION, sniff, type Sniffed } from './sniff.js';

export interface FileRow {
  id: string; sha256: string; size: number; mime: string; name: string; region_code: string | null; org_id: string | null;
  enterprise_id: string | null; uploaded_by: string | null; created_at: Date;
}

export class FileStore {
  constructor(readonly root: string, readonly maxBytes: number) {}

  blobPath(sha256: string) { return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256); }

  /** Stream an upload to disk: sniff its type, enforce the size limit, hash it; nothing is kept on refusal. */
  async put(stream: Readable): Promise<{ sha256: string; size: number; type: Sniffed }> {
    fs.mkdirSync(path.join(this.root, 'tmp'), { recursive: true });
    const tmp = path.join(this.root, 'tmp', randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) return cb(new AppError(413, 'payload_too_large', `文件超过 ${Math.round(max / 1048576)} MB 的大小限制`, 'File too large'));
        if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmp, { mode: 0o600 }));
      if ((stream as Readable & { truncated?: boolean }).truncated) {
        throw new AppError(413, 'payload_too_large', `文件超过 ${Math.round(max / 1048576)} MB 的大小限制`, 'File too large');
      }
      if (size === 0) throw new AppError(400, 'empty_file', '文件是空的，请选择有内容的文件', 'Empty file');
      const type = sniff(head);
      if (!type) throw new AppError(415, 'unsupported_file_type', `不支持的文件类型；可上传：${ALLOWED_DESCRIPTION}`, 'Unsupported file type');
      const sha256 = hash.digest('hex');
      const dest = this.blobPath(sha256);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (fs.existsSync(dest)) fs.unlinkSync(tmp);
      else fs.renameSync(tmp, dest);
      return { sha256, size, type };
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  open(sha256: string) { return fs.createReadStream(this.blobPath(sha256)); }
  has(sha256: string) { return fs.existsSync(this.blobPath(sha256)); }
}

const visible = (viewer: DataScope) => scopeWhere(viewer, { region: 'f.region_code', org: 'f.org_id', enterprise: 'f.enterprise_id' });

export async function insertFile(db: Queryable, r: Omit<FileRow, 'created_at'>) {
  await db.execute(sql`insert into files (id, sha256, size, mime, name, region_code, org_id, enterprise_id, uploaded_by)
    values (${r.id}, ${r.sha256}, ${r.size}, ${r.mime}, ${r.name}, ${r.region_code}, ${r.org_id}, ${r.enterprise_id}, ${r.uploaded_by})`);
}

export const findFile = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<FileRow>(sql`select * from files f where f.id = ${id} and ${visible(viewer)}`);

export async function listFiles(db: Queryable, viewer: DataScope, f: { q?: string; enterpriseId?: string }, page: number, pageSize: number) {
  const conds: Sql[] = [visible(viewer)];
  if (f.q) conds.push(sql`f.name ilike ${'%' + f.q + '%'}`);
  if (f.enterpriseId) conds.push(sql`f.enterprise_id = ${f.enterpriseId}`);
  const where = sql.and(conds);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from files f where ${where}`);
  const items = await db.query<FileRow>(sql`select * from files f where ${where} order by f.created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** The subset of `ids` that the viewer may see (to attach files to a record). */
export async function visibleFileIds(db: Queryable, viewer: DataScope, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.query<{ id: string }>(sql`select f.id from files f where f.id = any(${ids}::uuid[]) and ${visible(viewer)}`);
  return rows.map((r) => r.id);
}
