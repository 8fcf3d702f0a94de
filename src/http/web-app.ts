import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A chunk of Vite's build manifest (web/dist/.vite/manifest.json). */
type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

/** The page addresses of each area of the app, and the module its code starts from. */
const AREAS = [
  { urls: ['/shop/:shopId/help', '/shop/:shopId/help/*'], entry: 'src/help/help.tsx' },
  { urls: ['/shop/*'], entry: 'src/portal/portal.tsx' },
  { urls: ['/desk', '/desk/*'], entry: 'src/desk/desk.tsx' },
  { urls: ['/sign-in'], entry: 'src/portal/sign-in-landing.tsx' },
];

/**
 * The tags announcing an area's chunks with the page, so the browser fetches
 * them beside the main script instead of after it has run: each module the
 * area imports (not the main entry, already there) and their stylesheets.
 */
export function chunkHints(manifest: Manifest, entry: string): string {
  const modules = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || modules.has(chunk.file)) return;
    modules.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return [
    ...[...modules].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...[...styles].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
  ].join('');
}

function readManifest(distDir: string): Manifest {
  const file = `${distDir}/.vite/manifest.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : {};
}

/**
 * Serves the built web app: hashed assets cached for a year (brotli or gzip
 * as built), and index.html for every page address, never cached, so a new
 * build shows at once, with the chunks of the page's area announced in its
 * head. Without a build the pages say how to make one instead of answering 404.
 */
export function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): void {
  const indexFile = `${distDir}/index.html`;
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  if (indexHtml) {
    app.register(fastifyStatic, {
      root: `${distDir}/assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      // The build wrote .br and .gz beside each asset; the browser gets the smallest it accepts.
      preCompressed: true,
      index: false,
      schemaHide: true,
    });
  }
  const manifest = indexHtml ? readManifest(distDir) : {};
  for (const area of AREAS) {
    const page = indexHtml?.replace('</head>', `${chunkHints(manifest, area.entry)}</head>`);
    const send = (reply: FastifyReply) =>
      page
        ? reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page)
        : reply
            .code(503)
            .type('text/plain; charset=utf-8')
            .send('The web app is not built yet: run `npm run build:web` (npm start and npm test do it), then reload.');
    for (const url of area.urls) app.get(url, { schema: { hide: true } }, async (_request, reply) => send(reply));
  }
}
