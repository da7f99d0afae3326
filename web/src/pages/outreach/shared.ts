// Small helpers the outreach tabs share.
export const PATH = '/api/outreach';
export const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
export const canWrite = (permissions: string[]) => permissions.includes('responsibility:write');
