import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from '../../domain/policy/escape-html.ts';
import { htmlPage } from '../../domain/policy/html-page.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { indexPageSchema } from './index-page.schema.ts';

/** The index: each shop's portal, help center and policy page, the back office, the API docs. */
function renderIndex(policies: PolicyLookup): string {
  const shops = policies
    .ids()
    .flatMap((id) => policies.get(id) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const id = encodeURIComponent(p.id);
      const policy = `/api/v1/shops/${id}/policy?format=html`;
      return [
        `<li><a href="/shop/${escapeHtml(id)}">${escapeHtml(p.name)}</a>: `,
        `<a href="/shop/${escapeHtml(id)}/help">help center</a>, `,
        `<a href="${escapeHtml(policy)}">policy</a> <span class="muted">(${escapeHtml(p.version)})</span></li>`,
      ].join('');
    });
  const body = [
    '<header><h1>Loupe</h1><p>After-sales policies as data, decided the same way every time.</p></header>',
    '<main id="main">',
    '<h2>Shops</h2>',
    '<p>Each shop’s customer portal (find an order, ask for a return, follow a case), its help center and its policy.</p>',
    shops.length ? `<ul class="links">${shops.join('')}</ul>` : '<p>No policies are loaded.</p>',
    '<h2>Care team</h2>',
    '<ul class="links"><li><a href="/desk">Back office</a>: inbox, cases, policies, import, mailbox, dashboard</li></ul>',
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
