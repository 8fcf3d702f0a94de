import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { testDatabase, testServerUrl } from '../../../test/database.ts';

// `loupe serve` as `npm start` runs it: the owner login of the first start, printed once, signs in over a real socket.

const BIN = fileURLToPath(new URL('../../../bin/loupe.js', import.meta.url));
const postgres = testServerUrl() ? await testDatabase({ poolSize: 2 }) : undefined;
const dataDir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), 'loupe-serve-owner-'));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `loupe serve` on a free port, answers its start-up output and where it listens, and stops it. */
async function serveOnce(use: (base: string) => Promise<void>): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOUPE_DEMO: 'off' };
  delete env.DATABASE_URL;
  delete env.LOUPE_DATA_DIR;
  delete env.LOUPE_OWNER_EMAIL;
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  if (dataDir) env.LOUPE_DATA_DIR = dataDir;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = / at (http:\/\/\S+) \(docs/.exec(stdout)?.[1];
      if (url && stdout.includes('Staff token')) resolve(url);
    });
    exited.then(() => reject(new Error(`the server exited before listening: ${stderr}`)));
  });
  await new Promise((r) => setTimeout(r, 50));
  try {
    await use(base);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return stdout;
}

it(`prints an owner login at the first start only, and it signs in over HTTP (${postgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let login: { email: string; password: string } | undefined;
  const first = await serveOnce(async () => {});
  const match = /Owner login \(shown only this once\): (\S+) \/ (\S+)/.exec(first);
  expect(match, first).not.toBeNull();
  login = { email: match?.[1] ?? '', password: match?.[2] ?? '' };
  expect(login.email).toBe('owner@localhost');

  const second = await serveOnce(async (base) => {
    const res = await fetch(`${base}/api/v1/sessions/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    expect(res.status).toBe(201);
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    const me = await fetch(`${base}/api/v1/sessions/current`, { headers: { cookie: cookies.join('; ') } });
    expect(await me.json()).toMatchObject({ authenticatedBy: 'session', role: 'owner', shopId: '*' });
  });
  expect(second).not.toContain('Owner login');
  expect(second).not.toContain(login.password);
}, 60_000);
