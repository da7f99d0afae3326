// CAP 1.2: what we write has every required element in the schema's order with valid code values and times; what
// departs from the structure is caught with the element named; the XML reader handles what CAP files contain.
import { describe, expect, it } from 'vitest';
import { buildCap, capTime, parseCap } from './cap.js';
import { ALERT, CAP_DATETIME, CAP_NS, capProblems } from './cap.schema.js';
import { parseXml, writeXml } from './xml.js';

const WARNING = {
  capIdentifier: 'yingji-430699-YJ-2026-000001', sender: 'yingji-430699', sentAt: new Date('2026-06-10T02:00:00Z'), cancelled: false, kind: 'weather' as const,
  event: '暴雨', colour: 'orange' as const, headline: '汨水市气象台发布暴雨橙色预警', description: '预计未来 6 小时白塘镇、罗江镇降雨量将达 100 毫米以上 <含局地>',
  guidance: '1. 停止集会、停课；2. 转移危险地带人员 & 财产', effectiveAt: new Date('2026-06-10T02:00:00Z'), expiresAt: new Date('2026-06-10T14:00:00Z'),
  senderName: '汨水市应急管理局', regions: [{ code: '430699101000', name: '白塘镇' }, { code: '430699102000', name: '罗江镇' }],
};

const names = (xml: string, path: string[]) => {
  let els = [parseXml(xml)];
  for (const p of path) els = els.flatMap((e) => e.children.filter((c) => c.name === p));
  return els;
};

describe('CAP 1.2 export', () => {
  it('writes a document that conforms to the CAP 1.2 structure', () => {
    const xml = buildCap(WARNING);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')).toBe(true);
    expect(capProblems(parseXml(xml))).toEqual([]);
  });

  it('puts the alert\'s required elements first, in the schema\'s order', () => {
    const root = parseXml(buildCap(WARNING));
    const order = root.children.map((c) => c.name);
    expect(order).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info']);
    const required = ALERT.filter(([, min]) => min > 0).map(([n]) => n);
    expect(order.filter((n) => required.includes(n))).toEqual(required);
  });

  it('maps colour to severity, times to CAP\'s form, regions to GB/T 2260 geocodes', () => {
    const xml = buildCap(WARNING);
    const info = names(xml, ['info'])[0];
    const get = (n: string) => info.children.find((c) => c.name === n)!.text;
    expect([get('category'), get('event'), get('urgency'), get('severity'), get('certainty')]).toEqual(['Met', '暴雨', 'Immediate', 'Severe', 'Likely']);
    expect(get('effective')).toBe('2026-06-10T10:00:00+08:00');
    expect(get('expires')).toMatch(CAP_DATETIME);
    expect(names(xml, ['info', 'area', 'geocode', 'value']).map((v) => v.text)).toEqual(['430699101000', '430699102000']);
    expect(get('description')).toBe(WARNING.description); // < and & survive escaping
  });

  it('writes a cancellation as msgType Cancel referring to the original', () => {
    const root = parseXml(buildCap({ ...WARNING, cancelled: true }));
    expect(capProblems(root)).toEqual([]);
    const text = (n: string) => root.children.find((c) => c.name === n)!.text;
    expect(text('msgType')).toBe('Cancel');
    expect(text('references')).toBe(`yingji-430699,yingji-430699-YJ-2026-000001,${capTime(WARNING.sentAt)}`);
  });

  it('reads back what it writes', () => {
    const back = parseCap(buildCap(WARNING));
    expect(back.input).toEqual({ kind: 'weather', event: '暴雨', colour: 'orange', headline: WARNING.headline, description: WARNING.description,
      guidance: WARNING.guidance, regionCodes: ['430699101000', '430699102000'], effectiveAt: WARNING.effectiveAt.toISOString(), expiresAt: WARNING.expiresAt.toISOString() });
    expect(back).toMatchObject({ capIdentifier: WARNING.capIdentifier, sender: WARNING.sender, msgType: 'Alert', senderName: '汨水市应急管理局' });
  });
});

describe('CAP 1.2 structure check', () => {
  const doc = (body: string) => parseXml(`<alert xmlns="${CAP_NS}">${body}</alert>`);
  const HEAD = '<identifier>x-1</identifier><sender>s</sender><sent>2026-06-10T10:00:00+08:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>';

  it('names a missing required element', () => {
    expect(capProblems(doc(HEAD.replace('<status>Actual</status>', '')))).toEqual(['alert：缺少必填元素 status']);
  });

  it('names elements out of order', () => {
    expect(capProblems(doc(HEAD.replace('<sender>s</sender><sent>2026-06-10T10:00:00+08:00</sent>', '<sent>2026-06-10T10:00:00+08:00</sent><sender>s</sender>'))))
      .toEqual(['alert/sender：元素顺序不对，应在 sent 之前']);
  });

  it('refuses a code value outside the lists, a "Z" time, a wrong namespace and unknown elements', () => {
    const bad = parseXml(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1">${HEAD.replace('Public', 'Everyone').replace('+08:00', 'Z')}<colour>red</colour></alert>`);
    const p = capProblems(bad);
    expect(p).toContain(`alert 的命名空间应为 ${CAP_NS}`);
    expect(p.some((x) => x.startsWith('alert/scope：Everyone 不是允许的值'))).toBe(true);
    expect(p.some((x) => x.startsWith('alert/sent：时间'))).toBe(true);
    expect(p).toContain('alert/colour：CAP 1.2 中 alert 下没有这个元素');
  });

  it('checks inside info and area: required elements and counts', () => {
    const p = capProblems(doc(`${HEAD}<info><event>暴雨</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><area></area></info>`));
    expect(p).toEqual(['alert/info/area：缺少必填元素 areaDesc', 'alert/info：缺少必填元素 category']);
  });

  it('refuses spaces or commas in identifier and sender', () => {
    expect(capProblems(doc(HEAD.replace('x-1', 'x 1')))).toEqual(['alert/identifier：不能含空格、逗号、< 或 &']);
  });
});

describe('XML reader', () => {
  it('reads prefixed elements, attributes, CDATA, comments and character references', () => {
    const root = parseXml(`<?xml version="1.0"?><!-- c --><cap:alert xmlns:cap="${CAP_NS}" a='1'><cap:note><![CDATA[a < b]]> &amp; &#x4E2D;&#25991;</cap:note><cap:code/></cap:alert>`);
    expect(root).toMatchObject({ name: 'alert', prefix: 'cap', attrs: { 'xmlns:cap': CAP_NS, a: '1' } });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([['note', 'a < b & 中文'], ['code', '']]);
  });

  it('refuses a DOCTYPE, mismatched tags and text outside the root, saying where', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><alert/>')).toThrow(/不接受 DOCTYPE/);
    expect(() => parseXml('<alert>\n<a></b></alert>')).toThrow(/第 2 行.*不匹配/);
    expect(() => parseXml('<alert/>junk')).toThrow(/根元素之外有文本/);
    expect(() => parseXml('<alert>')).toThrow(/未结束/);
  });

  it('writes what it reads', () => {
    const xml = writeXml(['root', [['a', 'x & <y>'], undefined, ['b', [['c', '中']]]], { k: 'v"' }]);
    const back = parseXml(xml);
    expect(back.attrs.k).toBe('v"');
    expect(back.children.map((c) => c.name)).toEqual(['a', 'b']);
    expect(back.children[0].text).toBe('x & <y>');
  });
});
