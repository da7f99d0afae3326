// The paragraphs of a Word (.docx) file as plain text: read word/document.xml out of the zip (central directory,
// deflate via node:zlib) and take the text runs of each <w:p>. Enough for importing a law's text; no layout.
import { inflateRawSync } from 'node:zlib';
import { badRequest } from '../../platform/http/errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One member of a zip archive, or undefined. */
function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) if (zip.readUInt32LE(i) === EOCD) { eocd = i; break; }
  if (eocd < 0) return undefined;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < count && p + 46 <= zip.length && zip.readUInt32LE(p) === CENTRAL; k++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      if (zip.readUInt32LE(local) !== LOCAL) return undefined;
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]);

/** The text of a .docx, one line per paragraph; 400 with a clear message when the file is not a Word document. */
export function docxText(file: Buffer): string {
  const xml = file.length > 4 && file.readUInt32LE(0) === LOCAL ? zipEntry(file, 'word/document.xml') : undefined;
  if (!xml) throw badRequest('无法读取该文件：请上传 Word 2007 及以上格式（.docx）或纯文本（.txt）文件；.doc 请先另存为 .docx', 'Not a .docx file');
  const body = xml.toString('utf8');
  return (body.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [])
    .map((p) => p.replace(/<w:tab\/>/g, '\t').replace(/<w:br[^>]*\/>/g, '\n').match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>|\t|\n/g)
      ?.map((t) => (t === '\t' || t === '\n' ? t : decode(t.replace(/<[^>]+>/g, '')))).join('') ?? '')
    .join('\n');
}

/** Text of an uploaded file: .docx by content, otherwise UTF-8 text (a GBK file is refused with advice). */
export function uploadedText(file: Buffer): string {
  if (file.length > 4 && file.readUInt32LE(0) === LOCAL) return docxText(file);
  const text = file.toString('utf8');
  if (text.includes('\ufffd')) throw badRequest('文本文件不是 UTF-8 编码：请用记事本“另存为”UTF-8 后再导入，或上传 .docx', 'Text must be UTF-8');
  return text.replace(/^\ufeff/, '');
}
