// A minimal XML reader and writer, enough for CAP 1.2 (elements, attributes, text, CDATA, comments, the five named
// entities and character references). A DOCTYPE is refused: CAP needs none, and it is how entity bombs get in.

export interface XmlElement { name: string; prefix: string | null; attrs: Record<string, string>; children: XmlElement[]; text: string }

/** Malformed XML, with where it went wrong. */
export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlError(`无效的字符引用 ${m}`);
      return String.fromCodePoint(cp);
    }
    if (!(e in ENTITIES)) throw new XmlError(`未定义的实体 ${m}`);
    return ENTITIES[e];
  });
}

/** Parse a document into its root element; throws XmlError with where it went wrong. */
export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => { throw new XmlError(`XML 格式错误（第 ${src.slice(0, i).split('\n').length} 行）：${msg}`); };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = lt < 0 ? src.slice(i) : src.slice(i, lt);
    if (text) {
      if (stack.length) stack[stack.length - 1].text += decode(text);
      else if (text.trim()) fail('根元素之外有文本');
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<?', i)) { const e = src.indexOf('?>', i); if (e < 0) fail('声明未结束'); i = e + 2; continue; }
    if (src.startsWith('<!--', i)) { const e = src.indexOf('-->', i); if (e < 0) fail('注释未结束'); i = e + 3; continue; }
    if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!doctype', i)) fail('不接受 DOCTYPE');
    if (src.startsWith('<![CDATA[', i)) {
      const e = src.indexOf(']]>', i); if (e < 0) fail('CDATA 未结束');
      if (!stack.length) fail('根元素之外有 CDATA');
      stack[stack.length - 1].text += src.slice(i + 9, e); i = e + 3; continue;
    }
    const close = /^<\/([\w.-]+(?::[\w.-]+)?)\s*>/.exec(src.slice(i, i + 200));
    if (close) {
      const el = stack.pop();
      const qname = el && (el.prefix ? `${el.prefix}:${el.name}` : el.name);
      if (!el || qname !== close[1]) fail(`结束标签 </${close[1]}> 与开始标签不匹配`);
      i += close[0].length;
      if (!stack.length) root = el;
      continue;
    }
    const open = /^<([\w.-]+(?::[\w.-]+)?)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(src.slice(i, i + 4000));
    if (!open) fail('标签格式不正确');
    const [qn, attrText, selfClose] = [open![1], open![2], open![3]];
    const [prefix, name] = qn.includes(':') ? qn.split(':') : [null, qn];
    const attrs: Record<string, string> = {};
    for (const m of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = decode(m[2] ?? m[3] ?? '');
    const el: XmlElement = { name: name!, prefix, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) fail('文档只能有一个根元素');
    i += open![0].length;
    if (selfClose) { if (!stack.length) root = el; } else stack.push(el);
  }
  if (stack.length) fail(`元素 <${stack[stack.length - 1].name}> 未结束`);
  if (!root) fail('没有根元素');
  return root!;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An element to write: text content, or child elements (undefined children are left out). */
export type XmlNode = [name: string, content: string | (XmlNode | undefined)[], attrs?: Record<string, string>];

/** Write a document with a declaration, indented two spaces. */
export function writeXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const walk = ([name, content, attrs]: XmlNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const a = Object.entries(attrs ?? {}).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    if (typeof content === 'string') out.push(`${pad}<${name}${a}>${esc(content)}</${name}>`);
    else {
      out.push(`${pad}<${name}${a}>`);
      for (const c of content) if (c) walk(c, depth + 1);
      out.push(`${pad}</${name}>`);
    }
  };
  walk(root, 0);
  return out.join('\n') + '\n';
}
