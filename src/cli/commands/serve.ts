import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { describeDemo, seedDemoOnFirstStart } from '../../demo/seed-demo-on-first-start.ts';
import { DomainError } from '../../domain/errors.ts';
import { buildServer } from '../../http/build-server.ts';
import { startTableMaintenance } from '../../jobs/start-table-maintenance.ts';
import { loadBundledPolicies } from '../../policies/load-policy-file.ts';
import { expireOverdueReturns } from '../../services/expire-overdue-returns.ts';
import { createFirstOwner } from '../../services/people/create-first-owner.ts';
import { liveContext } from '../../services/service-context.ts';
import { syncBundledPolicies } from '../../services/sync-bundled-policies.ts';
import { openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { purgeExpiredSessions } from '../../storage/repositories/sessions.ts';
import { startMail } from './serve-mail.ts';

/** Options of `loupe serve`; unset ones come from PORT and HOST, then 3000 and 0.0.0.0. */
export type ServeOptions = { port?: string; host?: string };

/** How often authorized returns past their ship-by date are expired. */
const EXPIRY_SWEEP_MS = 15 * 60_000;

function readPort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DomainError('INVALID_INPUT', `port: "${text}" is not a port number (0 to 65535)`);
  return port;
}

function readPoolSize(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1)
    throw new DomainError('INVALID_INPUT', `DATABASE_POOL_SIZE: "${text}" is not a number of connections`);
  return size;
}

/**
 * Serves the HTTP API until SIGINT or SIGTERM: opens the database
 * (PostgreSQL at DATABASE_URL, else PGlite in LOUPE_DATA_DIR or ./data),
 * migrates it, brings the bundled shops and policy versions in, prints a
 * development staff token (LOUPE_DEV_TOKEN, else a new random one) and, when
 * there is no staff account yet, makes an owner of every shop
 * (LOUPE_OWNER_EMAIL, default owner@localhost) and prints its random password
 * once. On a signal it stops taking requests, lets those in flight finish,
 * closes the database and exits.
 */
export async function serveCommand(options: ServeOptions = {}): Promise<number> {
  const port = readPort(options.port ?? process.env.PORT ?? '3000');
  const host = options.host ?? process.env.HOST ?? '0.0.0.0';
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const policies = loadBundledPolicies();
  const database = await openDatabase({ poolSize: readPoolSize(process.env.DATABASE_POOL_SIZE) });
  const ctx = liveContext(database.db);
  await migrate(database.db);
  const synced = await syncBundledPolicies(ctx);
  const demo = await seedDemoOnFirstStart(ctx, { embedded: database.kind === 'pglite', synced });
  const owner = await createFirstOwner(ctx, process.env.LOUPE_OWNER_EMAIL || 'owner@localhost');
  const devToken = process.env.LOUPE_DEV_TOKEN || randomBytes(24).toString('base64url');
  const app = buildServer({ policies, logger, context: ctx, devToken });
  await app.listen({ port, host });
  const mail = await startMail(ctx, logger);
  // PostgreSQL's autovacuum keeps statistics fresh; PGlite has no autovacuum worker, so Loupe does it.
  const maintenance =
    database.kind === 'pglite'
      ? startTableMaintenance(database.db, {
          onMaintained: (tables) => logger.info({ tables }, 'vacuumed and analyzed tables that had grown'),
          onError: (err) => logger.error({ err }, 'table maintenance failed'),
        })
      : undefined;

  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const address = app.server.address();
  const url = `http://${shown}:${typeof address === 'object' && address ? address.port : port}`;
  const added = synced.filter((s) => s.versionAdded).map((s) => `${s.shop} ${s.version}`);
  process.stdout.write(
    [
      `Loupe serves ${[...policies.keys()].join(', ')} at ${url} (docs: ${url}/docs)`,
      `Database: ${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} at ${database.location}`,
      added.length ? `Policy versions added: ${added.join(', ')}` : 'Policy versions: up to date',
      `Staff token (development, owner of every shop): ${devToken}`,
      ...(owner ? [`Owner login (shown only this once): ${owner.email} / ${owner.password}`] : []),
      mail.line,
      ...(demo ? [`Demo: ${describeDemo(demo)}`] : []),
      '',
    ].join('\n'),
  );

  const sweep = setInterval(() => {
    expireOverdueReturns(ctx).then(
      (expired) => expired.length > 0 && logger.info({ expired }, 'expired returns past their ship-by date'),
      (err: unknown) => logger.error({ err }, 'expiring returns failed'),
    );
    purgeExpiredSessions(ctx.db, ctx.now()).catch((err: unknown) =>
      logger.error({ err }, 'purging expired sessions failed'),
    );
  }, EXPIRY_SWEEP_MS);
  sweep.unref();

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    clearInterval(sweep);
    logger.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => mail.stop())
      .then(() => maintenance?.stop())
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}
