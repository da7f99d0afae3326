// Small helpers the outreach tabs share.
export const PATH = '/api/outreach';
export const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
export const canWrite = (permissions: string[]) => permissions.includes('responsibility:write');
/** Every outreach query key prefix (lists are keyed by their own path): what a change invalidates. */
export const ALL = [PATH, `${PATH}/activities`, `${PATH}/trainings`, `${PATH}/certificates`, `${PATH}/drills`];
