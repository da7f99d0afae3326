// Attachments named by id (photos, signatures, evidence): each must exist and be visible to the caller.
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { visibleFileIds } from '../../../platform/files/files.store.js';
import { badRequest } from '../../../platform/http/errors.js';

/** The distinct ids, or 400 when one is missing or outside the caller's scope. */
export async function checkFiles(ctx: Ctx, db: Queryable, ids: (string | undefined | null)[] | undefined, what = '附件'): Promise<string[]> {
  const wanted = [...new Set((ids ?? []).filter((x): x is string => !!x))];
  const ok = await visibleFileIds(db, ctx.actor.scope, wanted);
  if (ok.length !== wanted.length) throw badRequest(`有${what}不存在或无权使用，请重新上传`, `Some ${what} are missing`);
  return wanted;
}
