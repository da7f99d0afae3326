// File transfers the JSON client does not do: downloading a generated file (export, template) with the
// server's refusal shown as a message, and uploading with progress (XMLHttpRequest reports upload progress;
// fetch does not). Errors come back as ApiError, like every other call.
import { ApiError, noteChange, type QueryParams } from './client';

function withQuery(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

function errorOf(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? `请求失败（${status}）`, error?.details);
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Downloads `path?params` as a file, named as the server says (or `fallbackName`). */
export async function download(path: string, params: QueryParams | undefined, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, params), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Uploads multipart form data, reporting the share sent (0–100). Plain fields go before the file
 * (the server reads them with the file's part).
 */
export function upload<T>(path: string, fields: Record<string, string>, file: File, onProgress?: (percent: number) => void): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      noteChange();
      let payload: unknown = null;
      try { payload = JSON.parse(xhr.responseText); } catch { /* not JSON: judged by the status alone */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(errorOf(xhr.status, payload));
    };
    xhr.send(form);
  });
}
