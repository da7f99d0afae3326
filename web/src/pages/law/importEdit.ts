// Hand corrections of an import preview before it is saved: merge an article into the one before, split one in two.
import type { EditableArticle } from './lawApi';

let n = 0;
const key = () => `a${++n}`;

export const editable = (articles: { chapter: string | null; label: string; text: string }[]): EditableArticle[] =>
  articles.map((a) => ({ key: key(), chapter: a.chapter, label: a.label, text: a.text }));

/** Article i absorbs article i+1 (its label becomes a line of the text, as it was in the source). */
export function mergeNext(list: EditableArticle[], i: number): EditableArticle[] {
  if (i < 0 || i + 1 >= list.length) return list;
  const [a, b] = [list[i], list[i + 1]];
  return [...list.slice(0, i), { ...a, text: `${a.text}\n${b.label}${b.text}` }, ...list.slice(i + 2)];
}

/** Split article i before the first inner line that opens with 第X条, or else before its last line. */
export function split(list: EditableArticle[], i: number): EditableArticle[] {
  const a = list[i];
  const lines = a.text.split('\n');
  let at = lines.findIndex((l, k) => k > 0 && /^第[零〇一二三四五六七八九十百千两\d]+条/.test(l));
  if (at < 0) at = lines.length - 1;
  if (at <= 0) return list;
  const head = /^(第[零〇一二三四五六七八九十百千两\d]+条)[\s\u3000]*(.*)$/.exec(lines[at]);
  const second = { key: key(), chapter: a.chapter, label: head ? head[1] : `${a.label}（拆分，请改正条号）`, text: head ? [head[2], ...lines.slice(at + 1)].filter(Boolean).join('\n') : lines.slice(at).join('\n') };
  return [...list.slice(0, i), { ...a, text: lines.slice(0, at).join('\n') }, second, ...list.slice(i + 1)];
}
