// 原件预览: a PDF is shown as it is; a Word document is converted to PDF with LibreOffice when it is installed
// (cached next to the blob by content hash), otherwise the caller is told to download it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../../platform/http/errors.js';
import type { FileStore } from '../../../platform/files/files.store.js';

const run = promisify(execFile);
let available: boolean | undefined;

async function hasLibreOffice(): Promise<boolean> {
  if (available === undefined) available = await run('libreoffice', ['--version'], { timeout: 30_000 }).then(() => true, () => false);
  return available;
}

/** The PDF bytes' path to show for a stored document, converting Word documents once. */
export async function previewPdf(files: FileStore, f: { sha256: string; mime: string; name: string }): Promise<string> {
  const src = files.blobPath(f.sha256);
  if (f.mime === 'application/pdf') return src;
  if (!f.mime.includes('wordprocessingml') && f.mime !== 'application/x-ole-storage') {
    throw new AppError(415, 'not_previewable', '该文件类型不能在线预览，请下载后查看', 'This file type cannot be previewed');
  }
  const cached = `${src}.preview.pdf`;
  if (fs.existsSync(cached)) return cached;
  if (!(await hasLibreOffice())) {
    throw new AppError(501, 'no_converter', '服务器未安装 LibreOffice，Word 原件不能在线预览，请下载后查看', 'LibreOffice is not installed; download the file');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yj-preview-'));
  try {
    const ext = f.mime === 'application/x-ole-storage' ? 'doc' : 'docx';
    const input = path.join(dir, `plan.${ext}`);
    fs.copyFileSync(src, input);
    // A private profile per run: two conversions at once must not share LibreOffice's user folder.
    await run('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 120_000 });
    const out = path.join(dir, 'plan.pdf');
    if (!fs.existsSync(out)) throw new AppError(422, 'convert_failed', 'Word 原件转换为 PDF 失败，请下载后查看', 'Conversion failed');
    fs.copyFileSync(out, cached);
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
