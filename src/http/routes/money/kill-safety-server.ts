// The server `kill-safety.test.ts` kills with SIGKILL in the middle of a burst
// of refunds: the money routes on the database named by LOUPE_KILL_DATABASE_URL
// (PostgreSQL) or LOUPE_KILL_DATA_DIR (a PGlite folder), on a free port of
// 127.0.0.1, which it prints as `listening <port>`. SIGTERM closes it cleanly.
import type { AddressInfo } from 'node:net';
import { liveContext } from '../../../services/service-context.ts';
import { openDatabase } from '../../../storage/database.ts';
import { moneyTestServer } from './test-server.ts';

const url = process.env.LOUPE_KILL_DATABASE_URL;
const dataDir = process.env.LOUPE_KILL_DATA_DIR;
if (!url && !dataDir) throw new Error('set LOUPE_KILL_DATABASE_URL or LOUPE_KILL_DATA_DIR');
const database = await openDatabase(url ? { url, poolSize: 10 } : { dataDir });
const app = moneyTestServer(liveContext(database.db));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);

process.once('SIGTERM', () => {
  app
    .close()
    .then(() => database.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
