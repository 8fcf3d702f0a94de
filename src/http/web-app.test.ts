import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

function builtApp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><head></head><div id="root"></div>');
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(
    path.join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/main-abc123.js', isEntry: true },
      _shared: { file: 'assets/shared-1.js', imports: ['index.html'] },
      'src/portal/portal.tsx': {
        file: 'assets/portal-1.js',
        imports: ['index.html', '_shared'],
        css: ['assets/portal-1.css'],
      },
      'src/help/help.tsx': { file: 'assets/help-1.js', imports: ['index.html', '_shared'] },
      'src/desk/desk.tsx': { file: 'assets/desk-1.js', imports: ['index.html'] },
      'src/portal/sign-in-landing.tsx': { file: 'assets/sign-in-1.js', imports: ['_shared'] },
    }),
  );
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js.gz'), gzipSync('console.log(1)'));
  const app = Fastify();
  registerWebApp(app, dir);
  return app;
}

describe('the web app, served by the Loupe server', () => {
  it('answers every page address with the app, never cached, so the browser routes it', async () => {
    const app = builtApp();
    for (const url of ['/shop/aulso', '/shop/aulso/orders/1001', '/desk', '/desk/inbox', '/sign-in']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
    await app.close();
  });

  it('announces the chunks of the page’s area with it, and no other area’s', async () => {
    const app = builtApp();
    const hints = async (url: string) =>
      [...(await app.inject(url)).body.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g)]
        .map((m) => m[2])
        .sort();
    expect(await hints('/shop/aulso/orders/1001')).toEqual([
      '/assets/portal-1.css',
      '/assets/portal-1.js',
      '/assets/shared-1.js',
    ]);
    expect(await hints('/shop/aulso/help/faq')).toEqual(['/assets/help-1.js', '/assets/shared-1.js']);
    expect(await hints('/shop/aulso/help')).toEqual(['/assets/help-1.js', '/assets/shared-1.js']);
    expect(await hints('/desk/inbox')).toEqual(['/assets/desk-1.js']);
    expect(await hints('/sign-in')).toEqual(['/assets/shared-1.js', '/assets/sign-in-1.js']);
    await app.close();
  });

  it('serves hashed assets cached for a year, and 404 for one that is not there', async () => {
    const app = builtApp();
    const res = await app.inject('/assets/main-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe('console.log(1)');
    expect((await app.inject('/assets/nope.js')).statusCode).toBe(404);
    await app.close();
  });

  it('sends the gzip the build made to a browser that accepts it', async () => {
    const app = builtApp();
    const res = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload).toEqual(gzipSync('console.log(1)'));
    await app.close();
  });

  it('says how to build the app when it is not built', async () => {
    const app = Fastify();
    registerWebApp(app, mkdtempSync(path.join(tmpdir(), 'loupe-empty-')));
    const res = await app.inject('/shop/aulso');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await app.close();
  });
});
