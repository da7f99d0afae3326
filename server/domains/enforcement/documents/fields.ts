// The values a document was filled with (kept on the document, so a reprint says what was issued), and the
// shared blocks every form prints: the party, the officers, the signature line.
import type { Block } from '../../../platform/docx/model.js';

export interface Party { name: string; address: string | null; creditCode: string | null; legalRep: string | null }
export interface DocFields {
  agency: string; issuedOn: string; party: Party; officers: { name: string; certNo: string }[];
  [key: string]: unknown;
}

/** A field as printable text ('' when absent). */
export const s = (f: DocFields, key: string): string => {
  const v = f[key];
  return v === null || v === undefined ? '' : Array.isArray(v) ? v.join('；') : String(v);
};
/** A list field as strings. */
export const list = (f: DocFields, key: string): string[] => (Array.isArray(f[key]) ? (f[key] as unknown[]).map(String) : []);

/** 被检查单位/当事人 block. */
export const partyBlock = (f: DocFields, label = '当事人'): Block => ({ type: 'fields', rows: [
  [label, f.party.name], ['地址', f.party.address ?? ''], ['统一社会信用代码', f.party.creditCode ?? ''], ['法定代表人（负责人）', f.party.legalRep ?? ''],
] });

/** 执法人员及执法证号. */
export const officersLine = (f: DocFields) => `执法人员：${f.officers.map((o) => `${o.name}（执法证号：${o.certNo}）`).join('、')}`;

/** The authority's seal and date at the foot of a decision. */
export const sealBlock = (f: DocFields): Block => ({ type: 'signature', lines: [`${f.agency}（印章）`, f.issuedOn] });

/** The party's signature lines at the foot of a record. */
export const signLines = (f: DocFields, who = '被检查单位负责人'): Block => ({ type: 'signature', lines: [
  `${who}（签名）：${s(f, 'signer') || '＿＿＿＿'}${s(f, 'refusal') ? `（拒绝签字：${s(f, 'refusal')}）` : ''}`,
  `执法人员（签名）：${f.officers.map((o) => o.name).join('、')}`, f.issuedOn] });

/** The cited articles' numbers and text as of the act's day (field `citations`, day `citedOn`), under a heading. */
export const citedBlocks = (f: DocFields, heading: string): Block[] => list(f, 'citations').length
  ? [{ type: 'heading', text: `${heading}（按${s(f, 'citedOn')}施行的文本）：` }, ...list(f, 'citations').map((x, i): Block => ({ type: 'paragraph', text: `${i + 1}. ${x}`, indent: true }))]
  : [];
