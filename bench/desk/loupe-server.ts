// The real Loupe server in a child process (`node bin/loupe.js serve`), so the
// load generator and the server do not share an event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.ts';

const LOUPE_BIN = fileURLToPath(new URL('../../bin/loupe.js', import.meta.url));

/** A running server: its base URL, what it printed on stdout (the dev token is announced there), how to stop it. */
export type LoupeServer = {
  url: string;
  pid: number;
  /** The development staff token the server was started with (LOUPE_DEV_TOKEN: an owner of every shop). */
  staffToken: string | undefined;
  output(): string;
  stop(): Promise<void>;
};

export type LoupeServerOptions = {
  port: number;
  /** DATABASE_URL, LOUPE_DATA_DIR and the like; PORT, HOST, LOG_LEVEL and LOUPE_DEV_TOKEN are set here. */
  env: Record<string, string>;
  /** Options for the server's node, e.g. `--cpu-prof` to see where its time goes. */
  nodeArgs?: string[];
  /** How long to wait for GET /api/v1/health to answer (default 120 s: a first start migrates and seeds). */
  startTimeoutMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/health`);
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `loupe serve` on 127.0.0.1:port with the request log off (LOG_LEVEL=warn),
 * no demo data (LOUPE_DEMO=off) and a random development staff token, and waits until its health route
 * answers (it migrates and syncs the bundled policies first). Its stderr is
 * shown as it comes.
 */
export async function startLoupeServer(options: LoupeServerOptions): Promise<LoupeServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const staffToken = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), LOUPE_BIN, 'serve'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      // A fresh PGlite would get the demo shops' orders and cases; both databases start empty instead.
      LOUPE_DEMO: 'off',
      ...options.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      LOUPE_DEV_TOKEN: staffToken,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const pid = child.pid ?? -1;
  const forget = onCleanup(`end the Loupe server (pid ${pid})`, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (!(await healthy(url))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      forget();
      throw new Error(`loupe serve exited (${child.exitCode ?? child.signalCode}) before answering:\n${out}`);
    }
    if (Date.now() > deadline) {
      forget();
      throw new Error(`loupe serve did not answer ${url}/api/v1/health in time:\n${out}`);
    }
    await sleep(200);
  }

  return {
    url,
    pid,
    staffToken,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exited(child).then(() => false), sleep(15_000).then(() => true)]);
        if (killed) child.kill('SIGKILL');
        await exited(child);
      }
      forget();
    },
  };
}
