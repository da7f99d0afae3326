// DocModel → a printable HTML page (A4, print styles), self-contained, every text escaped.
import type { Block, DocModel } from './model.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]).replace(/\n/g, '<br>');

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph': return `<p class="${b.indent ? 'indent' : ''} ${b.align ?? ''}${b.bold ? ' bold' : ''}">${esc(b.text)}</p>`;
    case 'heading': return `<h3>${esc(b.text)}</h3>`;
    case 'fields': return `<table class="fields">${b.rows.map(([l, v]) => `<tr><th>${esc(l)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
    case 'table': return `<table class="grid"><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
      b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'signature': return `<div class="signature">${b.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`;
  }
}

/** The model as one printable page. */
export function renderHtml(m: DocModel): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.title)}${m.number ? ` ${esc(m.number)}` : ''}</title>
<style>
@page { size: A4; margin: 25mm 26mm 25mm 28mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.8; max-width: 170mm; margin: 0 auto; color: #000; }
.authority { text-align: center; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 0; }
h1 { text-align: center; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 18pt; margin: 4pt 0 8pt; }
h3 { font-size: 12pt; margin: 8pt 0 2pt; }
.number, .right { text-align: right; } .center { text-align: center; } .bold { font-weight: bold; }
.indent { text-indent: 2em; } p { margin: 2pt 0; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; } th, td { border: 1px solid #000; padding: 3pt 6pt; vertical-align: top; text-align: left; }
table.fields th { width: 28%; white-space: nowrap; } .signature { text-align: right; margin-top: 18pt; } .footer { margin-top: 18pt; font-size: 10.5pt; }
@media screen { body { padding: 16px; } }
</style></head><body>
<p class="authority">${esc(m.authority)}</p><h1>${esc(m.title)}</h1>${m.number ? `<p class="number">${esc(m.number)}</p>` : ''}
${m.blocks.map(block).join('\n')}
${m.footer ? `<p class="footer">${esc(m.footer)}</p>` : ''}
</body></html>`;
}
