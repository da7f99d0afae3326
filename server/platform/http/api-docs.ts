// A self-contained API reference page rendered from the OpenAPI document (no external scripts).

interface Op { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> }
interface Doc { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Op>> }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
const json = (v: unknown) => esc(JSON.stringify(v, null, 2));

export function renderApiDocs(doc: Doc): string {
  const groups = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? '其他';
      const params = (op.parameters ?? []).map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? '，必填' : ''})</li>`).join('');
      const body = op.requestBody?.content ? Object.values(op.requestBody.content)[0]?.schema : undefined;
      const responses = Object.entries(op.responses ?? {}).map(([code, r]) => {
        const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
        return `<details><summary>${esc(code)} ${esc(r.description ?? '')}</summary>${schema ? `<pre>${json(schema)}</pre>` : ''}</details>`;
      }).join('');
      const html = `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code> ${esc(op.summary ?? '')}</h3>
        ${op.description ? `<p>${esc(op.description)}</p>` : ''}${params ? `<ul>${params}</ul>` : ''}
        ${body ? `<details><summary>请求内容</summary><pre>${json(body)}</pre></details>` : ''}${responses}</section>`;
      groups.set(tag, [...(groups.get(tag) ?? []), html]);
    }
  }
  const toc = [...groups.keys()].map((t, i) => `<a href="#g${i}">${esc(t)}</a>`).join(' · ');
  const sections = [...groups.entries()].map(([t, ops], i) => `<h2 id="g${i}">${esc(t)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} API</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:1100px;margin:auto;padding:16px;color:#222}
.op{border:1px solid #e5e5e5;border-radius:6px;padding:8px 12px;margin:8px 0}.op h3{font-size:15px;margin:4px 0}
.m{display:inline-block;min-width:60px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 4px}
.get{background:#1677ff}.post{background:#52c41a}.patch{background:#fa8c16}.delete{background:#f5222d}.put{background:#722ed1}
pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description ?? '')}</p>
<p>机器可读文档：<a href="/api/openapi.json">/api/openapi.json</a></p><nav>${toc}</nav>${sections}</body></html>`;
}
