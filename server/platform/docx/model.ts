// One printable document, rendered both as Word (.docx) and as a printable HTML page from the same model,
// so that the two never say different things.

/** A block of a document, top to bottom. */
export type Block =
  | { type: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean }
  | { type: 'heading'; text: string }
  | { type: 'fields'; rows: [label: string, value: string][] }
  | { type: 'table'; head: string[]; rows: string[][] }
  | { type: 'signature'; lines: string[] };

export interface DocModel {
  /** The issuing authority, printed above the title (汨水市应急管理局). */
  authority: string;
  title: string;
  /** The 文号 line, e.g. （汨）应急罚〔2022〕12号; omitted when the form has none. */
  number?: string | null;
  blocks: Block[];
  /** A footer line (e.g. 本文书一式两份…). */
  footer?: string;
}

/** All the text of a model in reading order (for tests and search). */
export function plainText(m: DocModel): string {
  const parts = [m.authority, m.title, m.number ?? ''];
  for (const b of m.blocks) {
    if (b.type === 'fields') parts.push(...b.rows.flatMap(([l, v]) => [l, v]));
    else if (b.type === 'table') parts.push(...b.head, ...b.rows.flat());
    else if (b.type === 'signature') parts.push(...b.lines);
    else parts.push(b.text);
  }
  if (m.footer) parts.push(m.footer);
  return parts.filter(Boolean).join('\n');
}
