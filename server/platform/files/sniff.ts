// The type of an upload from its first bytes; the client's declared type is never trusted.

export interface Sniffed { mime: string; ext: string }

const starts = (b: Buffer, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

/** The allowed type of `head` (the first ~4 KB), or undefined when it is not one we accept. */
export function sniff(head: Buffer): Sniffed | undefined {
  if (starts(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (head.subarray(0, 6).toString('latin1').match(/^GIF8[79]a$/)) return { mime: 'image/gif', ext: 'gif' };
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return { mime: 'video/mp4', ext: 'mp4' };
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: 'application/x-ole-storage', ext: 'doc' };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML packages name their parts near the start of the archive.
    const text = head.toString('latin1');
    if (text.includes('word/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
    if (text.includes('xl/')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
    if (text.includes('ppt/')) return { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' };
    return { mime: 'application/zip', ext: 'zip' };
  }
  return undefined;
}

export const ALLOWED_DESCRIPTION = '图片（JPG/PNG/GIF/WEBP）、PDF、Word/Excel/PowerPoint 文档、MP4 视频、ZIP 压缩包';
