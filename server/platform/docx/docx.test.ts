import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { type DocModel, plainText } from './model.js';

const model: DocModel = {
  authority: '汨水市应急管理局', title: '责令限期整改指令书', number: '（汨）应急责改〔2022〕3号',
  blocks: [
    { type: 'paragraph', text: '汨水市恒达化工有限公司：' },
    { type: 'paragraph', text: '经查，你单位存在下列问题：<储罐区> & "报警器"失效', indent: true },
    { type: 'fields', rows: [['整改期限', '2022年6月30日']] },
    { type: 'table', head: ['序号', '问题'], rows: [['1', '报警器失效']] },
    { type: 'signature', lines: ['汨水市应急管理局（印章）', '2022年6月1日'] },
  ],
};

describe('document rendering', () => {
  it('writes a .docx (a zip with word/document.xml)', async () => {
    const buf = await renderDocx(model);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(buf.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('escapes every text in the printable page', () => {
    const html = renderHtml(model);
    expect(html).toContain('&lt;储罐区&gt; &amp; &quot;报警器&quot;');
    expect(html).not.toContain('<储罐区>');
    expect(html).toContain('（汨）应急责改〔2022〕3号');
  });

  it('lists the plain text in reading order', () => {
    expect(plainText(model).split('\n').slice(0, 3)).toEqual(['汨水市应急管理局', '责令限期整改指令书', '（汨）应急责改〔2022〕3号']);
  });
});
