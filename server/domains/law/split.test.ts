// The splitter on the real text of 安全生产法 (2021), from plain text and from a real Word file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxText, uploadedText } from './docx-text.js';
import { articleLabel, normalize, numeral, parseNumeral } from './numerals.js';
import { articleFromText, parseCitation, splitLawText } from './split.js';
import { generateDefaults } from './defaults/generate.js';

const fixture = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'anquan-shengchan-fa-2021-excerpt.txt'), 'utf8');

describe('Chinese numerals', () => {
  it('reads and writes the numbers laws use', () => {
    expect(parseNumeral('九十九')).toBe(99);
    expect(parseNumeral('一百零二')).toBe(102);
    expect(parseNumeral('十')).toBe(10);
    expect(parseNumeral('二十一')).toBe(21);
    expect(parseNumeral('一百一十')).toBe(110);
    expect(parseNumeral('99')).toBe(99);
    expect(parseNumeral('九x')).toBeUndefined();
    for (let n = 1; n <= 1200; n++) expect(parseNumeral(numeral(n))).toBe(n);
    expect(articleLabel(102)).toBe('第一百零二条');
  });
  it('normalises full-width letters, spaces and brackets for search', () => {
    expect(normalize('ＧＢ　30871 (一)')).toBe('gb30871（一）');
  });
});

describe('splitting 安全生产法 (2021) into 条, 款, 项', () => {
  const r = splitLawText(fixture);
  const art = (label: string) => r.articles.find((a) => a.label === label)!;

  it('finds every article of the excerpt in order, with its chapter', () => {
    expect(r.title).toBe('中华人民共和国安全生产法');
    expect(r.articles.map((a) => a.number)).toEqual([21, 28, 30, 35, 36, 40, 41, 43, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102]);
    expect(art('第二十一条').chapter).toBe('第二章 生产经营单位的安全生产保障');
    expect(art('第九十九条').chapter).toBe('第六章 法律责任');
  });

  it('splits paragraphs (款) and items (项)', () => {
    expect(art('第二十八条').paragraphs).toHaveLength(4);
    const a97 = art('第九十七条');
    expect(a97.paragraphs).toHaveLength(1);
    expect(a97.paragraphs[0].items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
    expect(a97.paragraphs[0].items[6].text).toBe('特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的。');
    expect(art('第九十九条').paragraphs[0].items).toHaveLength(8);
    expect(art('第三十六条').paragraphs[3].text).toMatch(/^餐饮等行业的生产经营单位使用燃气的/);
    expect(art('第一百零二条').text).toMatch(/处五万元以下的罚款；生产经营单位拒不执行的/);
  });

  it('warns where numbers jump, as an excerpt does', () => {
    expect(r.warnings).toContain('第二十一条之后是第二十八条，中间缺少 6 条（节选文本可忽略）');
    expect(r.warnings.some((w) => w.includes('出现在'))).toBe(false);
  });

  it('reads the same articles out of a real Word file', async () => {
    const doc = new Document({ sections: [{ children: fixture.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
    const buf = await Packer.toBuffer(doc);
    const fromWord = splitLawText(uploadedText(buf));
    expect(fromWord.articles.map((a) => [a.label, a.text])).toEqual(r.articles.map((a) => [a.label, a.text]));
    expect(() => docxText(Buffer.from('not a zip file at all'))).toThrow(/docx/);
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => uploadedText(Buffer.from([0xb0, 0xb2, 0xc8, 0xab]))).toThrow(/UTF-8/);
  });

  it('numbers a line starting 第X条 inside an article as body when it is not the next article', () => {
    const s = splitLawText('第一条　总则。\n第五条规定的情形除外。\n第二条　第二条的正文。');
    expect(s.articles.map((a) => a.label)).toEqual(['第一条', '第二条']);
    expect(s.articles[0].paragraphs.map((p) => p.text)).toEqual(['总则。', '第五条规定的情形除外。']);
  });

  it('splits a standard by its clause numbers', () => {
    const s = splitLawText('GB 30871-2022\n5.1 作业前应进行危险有害因素辨识\n5.2 作业前应对参加作业的人员进行安全措施交底');
    expect(s.articles.map((a) => a.label)).toEqual(['5.1', '5.2']);
  });

  it('rebuilds an article from hand-edited text', () => {
    const a = articleFromText({ label: '第99条', text: '生产经营单位有下列行为之一的：\n（一）甲；\n(二)乙。\n第二款。' });
    expect(a.label).toBe('第九十九条');
    expect(a.number).toBe(99);
    expect(a.paragraphs.map((p) => p.items.length)).toEqual([2, 0]);
  });
});

describe('citations typed by people', () => {
  it('parses source, article, paragraph and item', () => {
    expect(parseCitation('安全生产法第九十九条')).toEqual({ source: '安全生产法', article: 99 });
    expect(parseCitation('第99条')).toEqual({ source: null, article: 99 });
    expect(parseCitation('《安全生产法》第九十七条第一款第（七）项')).toMatchObject({ source: '安全生产法', article: 97, paragraph: 1, item: 7 });
    expect(parseCitation('可燃气体报警')).toBeUndefined();
  });
});

describe('the shipped product data', () => {
  it('is what the generator writes from the checked fixture (regenerate 0061 after editing the fixture or defaults/)', () => {
    const shipped = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'db', 'migrations', '0061_law_defaults.sql'), 'utf8');
    expect(shipped).toBe(generateDefaults());
    expect(shipped).toContain('用于生产、储存、装卸危险物品的建设项目竣工投入生产或者使用前，安全设施未经验收合格的');
  });
});
