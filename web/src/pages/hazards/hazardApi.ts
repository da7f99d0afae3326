// The hazard API as the pages use it: paths (also the query keys), the detail query, photo upload.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, noteChange } from '../../api/client';
import type { HazardDetail } from '../../../../contracts/hazards';

export type {
  Campaign, CheckRecord, CheckTemplate, Hazard, HazardCategory, HazardDetail, HazardEvent, HazardStats, RiskPoint,
} from '../../../../contracts/hazards';

export const HAZARDS = '/api/hazards';
export const HAZARD_STATS = '/api/hazards/stats';
export const RISK_POINTS = '/api/risk-points';
export const RISK_MAP = '/api/risk-points/map';
export const CAMPAIGNS = '/api/campaigns';
export const CHECK_TEMPLATES = '/api/check-templates';
export const CHECK_RECORDS = '/api/check-records';
export const HAZARD_CATEGORIES = '/api/hazard-categories';
/** The printable 事故隐患整改通知书 (HTML) and its Word file. */
export const noticeUrl = (id: string, docx = false) => `${HAZARDS}/${id}/notice${docx ? '.docx' : ''}`;

/** Where a hazard's page is; the one place that knows it. */
export const hazardPath = (id: string) => `/hazards/${id}`;
export const REPORT_PATH = '/hazards/new';

/** One hazard with its trail and extensions; keyed under HAZARDS so a move's invalidation refreshes it. */
export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: [HAZARDS, id],
    queryFn: () => api.get<HazardDetail>(`${HAZARDS}/${id}`),
    enabled: !!id,
  });
}

/** The address an uploaded photo is shown from. */
export const fileUrl = (id: string) => `/api/files/${id}/content`;

const MAX_EDGE = 1920;

// A phone photo is 3–10 MB and may be HEIC: re-encode it as a JPEG of at most 1920 px, which the
// server accepts and which uploads quickly on mobile data. Falls back to the original file.
async function shrink(file: File): Promise<Blob> {
  if (!file.type.startsWith('image/') || file.type === 'image/gif' || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1_500_000 && /jpe?g|png|webp/.test(file.type)) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}

/** Uploads one photo (enterpriseId, when given, goes before the file as the server requires); returns its id. */
export async function uploadPhoto(file: File, enterpriseId?: string | null): Promise<string> {
  const body = new FormData();
  if (enterpriseId) body.append('enterpriseId', enterpriseId);
  const blob = await shrink(file);
  const name = blob === file ? file.name : file.name.replace(/\.[^.]*$/, '') + '.jpg';
  body.append('file', blob, name);
  let res: Response;
  try {
    res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    noteChange();
  } catch {
    throw new ApiError(0, 'NETWORK', '照片上传失败：无法连接服务器，请检查网络后重试');
  }
  const payload = (await res.json().catch(() => null)) as { id?: string; error?: { code?: string; message?: string } } | null;
  if (!res.ok || !payload?.id) {
    throw new ApiError(res.status, payload?.error?.code ?? `HTTP_${res.status}`, payload?.error?.message ?? `照片上传失败（${res.status}）`);
  }
  return payload.id;
}
