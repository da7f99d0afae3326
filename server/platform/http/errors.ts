// The one error shape: AppError carries status, code and a Chinese message (English optional).

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, en?: string, details?: unknown) => new AppError(400, 'bad_request', message, en, details);
export const unauthorized = (message = '请先登录', en = 'Please log in') => new AppError(401, 'unauthorized', message, en);
export const forbidden = (message = '无权执行此操作', en = 'You do not have permission for this action') => new AppError(403, 'forbidden', message, en);
export const notFound = (what = '记录', en = 'Record') => new AppError(404, 'not_found', `${what}不存在或无权访问`, `${en} not found or not accessible`);
export const conflict = (message: string, en?: string) => new AppError(409, 'conflict', message, en);
