import { pino } from 'pino';
import { DomainError } from '../../domain/errors.ts';
import { buildServer } from '../../http/build-server.ts';
import { loadBundledPolicies } from '../../policies/load-policy-file.ts';

/** Options of `loupe serve`; unset ones come from PORT and HOST, then 3000 and 0.0.0.0. */
export type ServeOptions = { port?: string; host?: string };

function readPort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DomainError('INVALID_INPUT', `port: "${text}" is not a port number (0 to 65535)`);
  return port;
}

/**
 * Serves the HTTP API with the bundled policies until SIGINT or SIGTERM, then
 * stops taking requests, lets those in flight finish, and exits.
 */
export async function serveCommand(options: ServeOptions = {}): Promise<number> {
  const port = readPort(options.port ?? process.env.PORT ?? '3000');
  const host = options.host ?? process.env.HOST ?? '0.0.0.0';
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const policies = loadBundledPolicies();
  const app = buildServer({ policies, logger });
  await app.listen({ port, host });

  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const address = app.server.address();
  const url = `http://${shown}:${typeof address === 'object' && address ? address.port : port}`;
  process.stdout.write(`Loupe serves ${[...policies.keys()].join(', ')} at ${url} (docs: ${url}/docs)\n`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
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
