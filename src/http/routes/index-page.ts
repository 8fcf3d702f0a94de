import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from '../../domain/policy/escape-html.ts';
import { htmlPage } from '../../domain/policy/html-page.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { indexPageSchema } from './index-page.schema.ts';

/** The index: each shop's policy page and the API docs, until the web app arrives. */
function renderIndex(policies: PolicyLookup): string {
  const shops = policies
    .ids()
    .flatMap((id) => policies.get(id) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const href = `/api/v1/shops/${encodeURIComponent(p.id)}/policy?format=html`;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(p.name)}</a> <span class="muted">(policy ${escapeHtml(p.version)})</span></li>`;
    });
  const body = [
    '<header><h1>Loupe</h1><p>After-sales policies as data, decided the same way every time.</p></header>',
    '<main id="main">',
    '<h2>Shop policies</h2>',
    shops.length ? `<ul class="links">${shops.join('')}</ul>` : '<p>No policies are loaded.</p>',
    '<h2>API</h2>',
    '<ul class="links"><li><a href="/docs">API documentation</a> (<a href="/docs/json">OpenAPI JSON</a>)</li></ul>',
    '</main>',
  ].join('\n');
  return htmlPage('Loupe', body);
}

/** GET /: a small HTML index. */
export const indexPageRoute: FastifyPluginAsync<{ policies: PolicyLookup }> = async (app, { policies }) => {
  const page = renderIndex(policies);
  app.get('/', { schema: indexPageSchema }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
};
