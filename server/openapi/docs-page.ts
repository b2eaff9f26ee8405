/** Renders the API reference as one static HTML page: no script, one hashed inline style, nothing fetched. */
import { createHash } from 'node:crypto';
import type { JsonSchema, OpenApiDocument } from '../../domain/http/openapi.ts';

const STYLE = [
  'body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}',
  'h2{border-bottom:2px solid #ccc;margin-top:2.5rem}',
  'section.op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}',
  '.method{display:inline-block;min-width:4.5rem;font-weight:700}',
  '.auth{font-size:.85em;padding:0 .4em;border-radius:4px;background:#eee;margin-left:.5em}',
  'code,pre{font-family:ui-monospace,monospace;font-size:.85em}',
  'pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:24rem}',
].join('');

/** The Content-Security-Policy of the docs page: only its own inline style, by hash. */
export const DOCS_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function schemaBlock(title: string, schema: unknown): string {
  return `<details><summary>${escapeHtml(title)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function operationHtml(path: string, method: string, op: JsonSchema): string {
  const security = op.security as unknown[];
  const parameters = op.parameters as JsonSchema[];
  const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)?.content['application/json']?.schema;
  const ok = (op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)['200']?.content?.['application/json']?.schema;
  const parts = [
    `<h3><span class="method">${escapeHtml(method.toUpperCase())}</span><code>${escapeHtml(path)}</code>`,
    `<span class="auth">${security.length > 0 ? 'bearer token' : 'public'}</span></h3>`,
    `<p>${escapeHtml(String(op.summary))} <small>(<code>${escapeHtml(String(op.operationId))}</code>)</small></p>`,
  ];
  for (const where of ['path', 'query'] as const) {
    const list = parameters.filter((p) => p.in === where);
    if (list.length > 0) {
      parts.push(schemaBlock(`${where} parameters: ${list.map((p) => `${String(p.name)}${p.required ? '' : '?'}`).join(', ')}`, list));
    }
  }
  if (body !== undefined) {
    parts.push(schemaBlock('request body', body));
  }
  parts.push(schemaBlock('200 response', ok ?? {}));
  return `<section class="op" id="${escapeHtml(String(op.operationId))}">${parts.join('')}</section>`;
}

/** The whole reference page, grouped by tag, built from the OpenAPI document. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags as string[])[0] ?? 'general';
      byTag.get(tag)?.push(operationHtml(path, method, op));
    }
  }
  const errorCodes = escapeHtml(doc.info.description);
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('')}`);
  const toc = [...byTag.keys()].map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' · ');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(doc.info.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>`,
    `<p>${errorCodes}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>`,
    `<nav>${toc}</nav>${sections.join('')}</body></html>`,
  ].join('');
}
