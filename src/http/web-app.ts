import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The pages of the web app: the router in the browser decides what each shows. */
const APP_PAGES = ['/shop/*', '/desk', '/desk/*', '/sign-in'];

/**
 * Serves the built web app: hashed assets cached for a year (brotli or gzip
 * as built), and index.html
 * for every page address, never cached, so a new build shows at once. Without
 * a build the pages say how to make one instead of answering 404.
 */
export function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): void {
  const indexFile = `${distDir}/index.html`;
  const built = existsSync(indexFile);
  const indexHtml = built ? readFileSync(indexFile, 'utf8') : undefined;
  if (built) {
    app.register(fastifyStatic, {
      root: `${distDir}/assets`,
      prefix: '/assets/',
      immutable: true,
      // The build wrote .br and .gz beside each asset; the browser gets the smallest it accepts.
      preCompressed: true,
      maxAge: '365d',
      index: false,
      schemaHide: true,
    });
  }
  const sendPage = (reply: FastifyReply) =>
    indexHtml
      ? reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml)
      : reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run `npm run build:web` (npm start and npm test do it), then reload.');
  for (const url of APP_PAGES) app.get(url, { schema: { hide: true } }, async (_request, reply) => sendPage(reply));
}
