// Split a law's text into articles (第X条), each into paragraphs (款) and items (项, （一）…), with the chapter and
// section it stands in. Pure: the import preview, the shipped defaults and the hand-corrected save all use it.
import { articleLabel, itemLabel, parseNumeral } from './numerals.js';

export interface ArticleItem { label: string; number: number; text: string }
export interface ArticleParagraph { text: string; items: ArticleItem[] }
export interface ParsedArticle {
  chapter: string | null; section: string | null;
  /** 第九十九条 (canonical) or a standard's clause number (5.2.1). */
  label: string;
  /** The article's number (99) or null for a clause of a standard. */
  number: number | null;
  /** The whole text, one line per paragraph and item, without the label. */
  text: string;
  paragraphs: ArticleParagraph[];
}
export interface SplitResult { title: string | null; preamble: string; articles: ParsedArticle[]; warnings: string[] }

const NUM = '[零〇一二三四五六七八九十百千两\\d]+';
const ARTICLE = new RegExp(`^第(${NUM})条(?:之(${NUM}))?[\\s\\u3000]*(.*)$`);
const CHAPTER = new RegExp(`^第(${NUM})章[\\s\\u3000]*(.*)$`);
const SECTION = new RegExp(`^第(${NUM})节[\\s\\u3000]*(.*)$`);
const ITEM = new RegExp(`^[（(](${NUM})[)）][\\s\\u3000]*(.*)$`);
const CLAUSE = /^(\d+(?:\.\d+){0,4})[\s\u3000]+(\S.*)$/;

const clean = (line: string) => line.replace(/\u00a0/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
const heading = (m: RegExpMatchArray, kind: string) => `第${m[1]}${kind}${m[2] ? ` ${m[2].replace(/[\s\u3000]+/g, ' ')}` : ''}`;

/** Paragraphs and items of an article's body lines (the label already removed). */
export function structure(lines: string[]): ArticleParagraph[] {
  const paragraphs: ArticleParagraph[] = [];
  for (const raw of lines) {
    const line = clean(raw);
    if (!line) continue;
    const item = ITEM.exec(line);
    const n = item ? parseNumeral(item[1]) : undefined;
    if (item && n !== undefined && paragraphs.length) {
      paragraphs[paragraphs.length - 1].items.push({ label: itemLabel(n), number: n, text: item[2] });
    } else {
      paragraphs.push({ text: line, items: [] });
    }
  }
  return paragraphs;
}

/** The text of paragraphs, one line per paragraph and item. */
export const joinParagraphs = (ps: ArticleParagraph[]) => ps.flatMap((p) => [p.text, ...p.items.map((i) => `${i.label}${i.text}`)]).join('\n');

/** Split a whole text. Standards without 第X条 are split by clause numbers (4.1, 4.1.2 …). */
export function splitLawText(input: string): SplitResult {
  const lines = input.replace(/\r\n?/g, '\n').split('\n').map(clean);
  const warnings: string[] = [];
  const articles: { chapter: string | null; section: string | null; label: string; number: number | null; body: string[] }[] = [];
  const pre: string[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  const byArticle = lines.some((l) => ARTICLE.test(l));
  for (const line of lines) {
    if (!line) continue;
    const ch = CHAPTER.exec(line);
    const se = SECTION.exec(line);
    // A table of contents lists the chapters before the first article; the last heading seen wins.
    if (ch && ch[2].length <= 40) { chapter = heading(ch, '章'); section = null; continue; }
    if (se && se[2].length <= 40) { section = heading(se, '节'); continue; }
    const art = byArticle ? ARTICLE.exec(line) : null;
    const n = art ? parseNumeral(art[1]) : undefined;
    const last = articles.at(-1)?.number ?? 0;
    // 第X条 opens an article when followed by a space, or when it is the next number (a body line may start "第X条规定…").
    if (art && n !== undefined && (/^第\S+?条[\s\u3000]/.test(line) || n === last + 1 || !art[3])) {
      if (articles.length && n <= last && !art[2]) warnings.push(`${articleLabel(n)}出现在${articleLabel(last)}之后，请检查编号或拆分是否正确`);
      else if (articles.length && n > last + 1 && !art[2]) warnings.push(`${articleLabel(last)}之后是${articleLabel(n)}，中间缺少 ${n - last - 1} 条（节选文本可忽略）`);
      const sub = art[2] ? parseNumeral(art[2]) : undefined;
      articles.push({ chapter, section, label: sub ? `${articleLabel(n)}之${sub}` : articleLabel(n), number: n, body: art[3] ? [art[3]] : [] });
      continue;
    }
    const clause = !byArticle ? CLAUSE.exec(line) : null;
    if (clause) { articles.push({ chapter, section, label: clause[1], number: null, body: [clause[2]] }); continue; }
    if (articles.length) articles[articles.length - 1].body.push(line);
    else pre.push(line);
  }
  if (!articles.length) warnings.push('没有识别出任何条文：条文应以“第X条”开头（标准以“4.1”等条款号开头），请检查文本或手工拆分');
  const result = articles.map((a) => {
    const paragraphs = structure(a.body);
    if (!paragraphs.length) warnings.push(`${a.label}没有正文`);
    return { chapter: a.chapter, section: a.section, label: a.label, number: a.number, paragraphs, text: joinParagraphs(paragraphs) };
  });
  return { title: pre[0] ?? null, preamble: pre.slice(1).join('\n'), articles: result, warnings };
}

/** Rebuild an article from its (hand-edited) text: what a save stores, so structure always matches the text. */
export function articleFromText(a: { chapter?: string | null; section?: string | null; label: string; text: string }): ParsedArticle {
  const m = ARTICLE.exec(a.label.trim());
  const number = m ? parseNumeral(m[1]) ?? null : null;
  const paragraphs = structure(a.text.replace(/\r\n?/g, '\n').split('\n'));
  const label = m && number !== null ? (m[2] ? `${articleLabel(number)}之${parseNumeral(m[2])}` : articleLabel(number)) : a.label.trim();
  return { chapter: a.chapter?.trim() || null, section: a.section?.trim() || null, label, number, paragraphs, text: joinParagraphs(paragraphs) };
}

export interface CitationQuery { source: string | null; article: number; paragraph?: number; item?: number }

/** 「安全生产法第九十九条第一款第（五）项」, 「第99条」 → what to look up; undefined when the words are not a citation. */
export function parseCitation(q: string): CitationQuery | undefined {
  const m = new RegExp(`^(.*?)第(${NUM})条(?:第(${NUM})款)?(?:第?[（(](${NUM})[)）]项?)?$`).exec(q.replace(/[\s\u3000《》〈〉]/g, ''));
  if (!m) return undefined;
  const article = parseNumeral(m[2]);
  if (article === undefined) return undefined;
  return { source: m[1] || null, article, paragraph: m[3] ? parseNumeral(m[3]) : undefined, item: m[4] ? parseNumeral(m[4]) : undefined };
}
