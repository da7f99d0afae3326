// The structure of a CAP 1.2 message (OASIS Common Alerting Protocol 1.2, its XML schema): each element's children
// in their required order with their counts, the code lists, and the dateTime form. Used to check what we export
// and what we import; returns every problem found, in Chinese, with the element's path.
import type { XmlElement } from './xml.js';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

type Spec = [name: string, min: number, max: number, check?: Check][];
type Check = Spec | readonly string[] | 'dateTime' | 'text';

const VALUE_PAIR: Spec = [['valueName', 1, 1], ['value', 1, 1]];
const RESOURCE: Spec = [['resourceDesc', 1, 1], ['mimeType', 1, 1], ['size', 0, 1], ['uri', 0, 1], ['derefUri', 0, 1], ['digest', 0, 1]];
const AREA: Spec = [['areaDesc', 1, 1], ['polygon', 0, Infinity], ['circle', 0, Infinity], ['geocode', 0, Infinity, VALUE_PAIR], ['altitude', 0, 1], ['ceiling', 0, 1]];
const INFO: Spec = [
  ['language', 0, 1], ['category', 1, Infinity, ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other']],
  ['event', 1, 1], ['responseType', 0, Infinity, ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None']],
  ['urgency', 1, 1, ['Immediate', 'Expected', 'Future', 'Past', 'Unknown']], ['severity', 1, 1, ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']],
  ['certainty', 1, 1, ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']], ['audience', 0, 1], ['eventCode', 0, Infinity, VALUE_PAIR],
  ['effective', 0, 1, 'dateTime'], ['onset', 0, 1, 'dateTime'], ['expires', 0, 1, 'dateTime'], ['senderName', 0, 1], ['headline', 0, 1], ['description', 0, 1],
  ['instruction', 0, 1], ['web', 0, 1], ['contact', 0, 1], ['parameter', 0, Infinity, VALUE_PAIR], ['resource', 0, Infinity, RESOURCE], ['area', 0, Infinity, AREA],
];
export const ALERT: Spec = [
  ['identifier', 1, 1], ['sender', 1, 1], ['sent', 1, 1, 'dateTime'], ['status', 1, 1, ['Actual', 'Exercise', 'System', 'Test', 'Draft']],
  ['msgType', 1, 1, ['Alert', 'Update', 'Cancel', 'Ack', 'Error']], ['source', 0, 1], ['scope', 1, 1, ['Public', 'Restricted', 'Private']],
  ['restriction', 0, 1], ['addresses', 0, 1], ['code', 0, Infinity], ['note', 0, 1], ['references', 0, 1], ['incidents', 0, 1], ['info', 0, Infinity, INFO],
];

/** CAP's dateTime: seconds and a numeric zone, no fractions, no "Z" (CAP 1.2 §3.3.2). */
export const CAP_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/;
const NO_SPACE = /^[^\s,<&]+$/;
const isSpec = (c: Check | undefined): c is Spec => Array.isArray(c) && typeof c[0] !== 'string';
const isList = (c: Check | undefined): c is readonly string[] => Array.isArray(c) && typeof c[0] === 'string';

function checkChildren(el: XmlElement, spec: Spec, path: string, errors: string[]) {
  let pos = 0;
  const counts = new Map<string, number>();
  for (const child of el.children) {
    const at = spec.findIndex(([n]) => n === child.name);
    const where = `${path}/${child.name}`;
    if (at < 0) { errors.push(`${where}：CAP 1.2 中 ${path} 下没有这个元素`); continue; }
    if (at < pos) errors.push(`${where}：元素顺序不对，应在 ${spec[pos][0]} 之前`);
    pos = Math.max(pos, at);
    counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    const check = spec[at][3];
    if (isSpec(check)) checkChildren(child, check, where, errors);
    else if (child.children.length) errors.push(`${where}：应为文本，不能含子元素`);
    else if (check === 'dateTime' && !CAP_DATETIME.test(child.text.trim())) errors.push(`${where}：时间 ${child.text.trim()} 应形如 2026-06-10T10:00:00+08:00`);
    else if (isList(check) && !check.includes(child.text.trim())) errors.push(`${where}：${child.text.trim()} 不是允许的值（${check.join('、')}）`);
  }
  for (const [name, min, max] of spec) {
    const n = counts.get(name) ?? 0;
    if (n < min) errors.push(`${path}：缺少必填元素 ${name}`);
    if (n > max) errors.push(`${path}：元素 ${name} 最多 ${max} 个，现有 ${n} 个`);
  }
}

/** Every way the document departs from CAP 1.2; empty when it conforms. */
export function capProblems(root: XmlElement): string[] {
  const errors: string[] = [];
  if (root.name !== 'alert') return [`根元素应为 alert，现为 ${root.name}`];
  const nsAttr = root.prefix ? `xmlns:${root.prefix}` : 'xmlns';
  if (root.attrs[nsAttr] !== CAP_NS) errors.push(`alert 的命名空间应为 ${CAP_NS}`);
  checkChildren(root, ALERT, 'alert', errors);
  for (const name of ['identifier', 'sender']) {
    const el = root.children.find((c) => c.name === name);
    if (el && !NO_SPACE.test(el.text.trim())) errors.push(`alert/${name}：不能含空格、逗号、< 或 &`);
  }
  return errors;
}
