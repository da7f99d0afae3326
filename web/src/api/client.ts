// The one HTTP client of the web: JSON over fetch with the session cookie, errors as ApiError.

/** An error answered by the server (`{ error: { code, message } }`) or a failed request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?query`, leaving out empty values. */
function withQuery(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

// A 401 from these means "wrong password", not "session gone": show it, stay on the page.
const CREDENTIAL_CHECKS = ['/api/auth/login', '/api/auth/change-password'];

/** Where the login page finds why the session ended (idle, revoked…), to say so once. */
export const LOGIN_NOTICE_KEY = 'yingji.loginNotice';

function redirectToLogin(reason: string | undefined): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  if (reason) sessionStorage.setItem(LOGIN_NOTICE_KEY, reason);
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  window.location.replace(`/login${next}`);
}

// The server keeps busy lists in memory until a change is heard (server/platform/http/response-cache.ts). For a few
// seconds after this browser changed something, reads ask for fresh answers, so one's own change shows at once even
// when the next request reaches another server process.
const FRESH_AFTER_CHANGE_MS = 10_000;
let changedAt = -Infinity;

/** Say that this browser just changed something (every non-GET request through here says so itself). */
export function noteChange(): void { changedAt = Date.now(); }

function headersFor(method: string, body: unknown): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method === 'GET' && Date.now() - changedAt < FRESH_AFTER_CHANGE_MS) h['Cache-Control'] = 'no-cache';
  return h;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  if (method !== 'GET') noteChange();
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (method !== 'GET') noteChange();
  if (res.status === 204) return undefined as T;
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (res.status === 401 && !CREDENTIAL_CHECKS.includes(path)) redirectToLogin(error?.message);
    throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? `请求失败（${res.status}）`, error?.details);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', withQuery(path, params)),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};
