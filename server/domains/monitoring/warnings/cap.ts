// 预警信息 ⇄ CAP 1.2. Colour ↔ severity follows the usual mapping (红 Extreme, 橙 Severe, 黄 Moderate, 蓝 Minor);
// regions travel as <geocode> with valueName "GB/T 2260" and the 12-digit code; our colour and kind also travel as
// <parameter>s so a round trip loses nothing.
import type { Static } from '@sinclair/typebox';
import { WARNING_COLOURS, type WarningCreate, type WarningKind } from '../../../../contracts/monitoring.js';
import { badRequest } from '../../../platform/http/errors.js';
import { CAP_NS, capProblems } from './cap.schema.js';
import { parseXml, writeXml, XmlError, type XmlElement, type XmlNode } from './xml.js';

type Colour = keyof typeof WARNING_COLOURS;
type Kind = Static<typeof WarningKind>;

const SEVERITY: Record<Colour, string> = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' };
const CATEGORY: Record<Kind, string> = { weather: 'Met', hydrological: 'Met', geological: 'Geo', forest_fire: 'Fire', other: 'Other' };
export const GEOCODE_NAME = 'GB/T 2260';

/** A time in CAP's form, in Asia/Shanghai: 2026-06-10T10:00:00+08:00. */
export function capTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

export interface CapWarning {
  capIdentifier: string; sender: string; sentAt: Date; cancelled: boolean; kind: Kind; event: string; colour: Colour; headline: string;
  description: string; guidance: string; effectiveAt: Date; expiresAt: Date; senderName: string; regions: { code: string; name: string }[];
  references?: string;
}

/** Write a warning as a CAP 1.2 alert (msgType Cancel, referring to the original, once it is cancelled). */
export function buildCap(w: CapWarning): string {
  const info: XmlNode = ['info', [
    ['language', 'zh-CN'], ['category', CATEGORY[w.kind]], ['event', w.event],
    ['urgency', w.effectiveAt.getTime() <= w.sentAt.getTime() ? 'Immediate' : 'Expected'], ['severity', SEVERITY[w.colour]], ['certainty', 'Likely'],
    ['effective', capTime(w.effectiveAt)], ['expires', capTime(w.expiresAt)], ['senderName', w.senderName], ['headline', w.headline],
    ['description', w.description], ['instruction', w.guidance],
    ['parameter', [['valueName', 'yingji:colour'], ['value', w.colour]]], ['parameter', [['valueName', 'yingji:kind'], ['value', w.kind]]],
    ['area', [['areaDesc', w.regions.map((r) => r.name).join('、')], ...w.regions.map((r): XmlNode => ['geocode', [['valueName', GEOCODE_NAME], ['value', r.code]]])]],
  ]];
  return writeXml(['alert', [
    ['identifier', w.cancelled ? `${w.capIdentifier}-cancel` : w.capIdentifier], ['sender', w.sender], ['sent', capTime(w.sentAt)], ['status', 'Actual'],
    ['msgType', w.cancelled ? 'Cancel' : 'Alert'], ['scope', 'Public'],
    w.cancelled ? ['references', `${w.sender},${w.capIdentifier},${capTime(w.sentAt)}`] : undefined, info,
  ], { xmlns: CAP_NS }]);
}

const text = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name)?.text.trim();
const all = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
const pairs = (el: XmlElement, name: string) => all(el, name).map((p) => ({ name: text(p, 'valueName') ?? '', value: text(p, 'value') ?? '' }));

export interface ImportedCap {
  capIdentifier: string; sender: string; sentAt: Date; msgType: string; references: string | null; senderName: string; input: WarningCreate;
}

/** Read a CAP 1.2 alert into a warning; a 400 lists what is wrong with it. */
export function parseCap(xml: string): ImportedCap {
  let root: XmlElement;
  try { root = parseXml(xml); } catch (e) { throw badRequest(e instanceof XmlError ? e.message : 'XML 无法解析', 'Invalid XML'); }
  const problems = capProblems(root);
  if (problems.length) throw badRequest(`不是有效的 CAP 1.2 预警：${problems.slice(0, 5).join('；')}`, 'Not a valid CAP 1.2 alert', problems);
  const infos = all(root, 'info');
  const info = infos.find((i) => /^zh/i.test(text(i, 'language') ?? '')) ?? infos[0];
  if (!info) throw badRequest('CAP 预警中没有 info 元素，无法得知预警内容', 'CAP alert has no info');
  const params = new Map(pairs(info, 'parameter').map((p) => [p.name, p.value]));
  const severityColour = Object.entries(SEVERITY).find(([, s]) => s === text(info, 'severity'))?.[0] as Colour | undefined;
  const colour = (params.get('yingji:colour') as Colour | undefined) ?? severityColour ?? 'blue';
  const category = all(info, 'category').map((c) => c.text.trim());
  const kind = (params.get('yingji:kind') as Kind | undefined) ?? (category.includes('Fire') ? 'forest_fire' : category.includes('Geo') ? 'geological' : category.includes('Met') ? 'weather' : 'other');
  const codes = all(info, 'area').flatMap((a) => pairs(a, 'geocode')).filter((g) => /2260|行政区划|region/i.test(g.name))
    .map((g) => (/^\d{6}$/.test(g.value) ? `${g.value}000000` : g.value)).filter((c) => /^\d{12}$/.test(c));
  if (!codes.length) throw badRequest('CAP 预警的 area 中须有行政区划代码：<geocode><valueName>GB/T 2260</valueName><value>6 位或 12 位代码</value></geocode>', 'No region geocode');
  const sent = new Date(text(root, 'sent')!);
  const effective = text(info, 'effective') ?? text(info, 'onset');
  const expires = text(info, 'expires');
  if (!expires) throw badRequest('CAP 预警须有失效时间 expires', 'CAP alert has no expires');
  if (!WARNING_COLOURS[colour]) throw badRequest(`未知的预警颜色 ${colour}`, 'Unknown colour');
  return {
    capIdentifier: text(root, 'identifier')!, sender: text(root, 'sender')!, sentAt: sent, msgType: text(root, 'msgType')!, references: text(root, 'references') ?? null,
    senderName: text(info, 'senderName') ?? text(root, 'sender')!,
    input: {
      kind, event: text(info, 'event')!.slice(0, 50), colour, headline: (text(info, 'headline') ?? text(info, 'event')!).slice(0, 200),
      description: text(info, 'description') ?? text(info, 'headline') ?? text(info, 'event')!, guidance: text(info, 'instruction') ?? '请关注预警，做好防范。',
      regionCodes: [...new Set(codes)], effectiveAt: new Date(effective ?? sent).toISOString(), expiresAt: new Date(expires).toISOString(),
    },
  };
}
