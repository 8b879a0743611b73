import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseUnavailableError, openDatabase, type Database } from './db/client';
import { logger } from './lib/logger';
import { seedDemoData, type DemoLogins } from './demo/demo-seed';
import { createRealtime } from './realtime/socket-server';
import { startSmsWorker } from './modules/sms/sms.service';
import { smsTransportFor } from './modules/sms/sms.transport';
import { createPositionStore, startCourierHousekeeping } from './modules/couriers/couriers.service';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Prints one clear line and exits non-zero (config, port or database problems). */
function fail(message: string): never {
  process.stderr.write(`Tận Nhà 1022 cannot start: ${message}\n`);
  process.exit(1);
}

/** The demo sign-ins as `npm start` prints them. */
function demoLoginLines(logins: DemoLogins): string[] {
  if (logins.kind === 'shared') {
    return [
      `  Demo logins (password for all: ${logins.password}):`,
      '    admin · manager1, manager2 · dispatcher1, dispatcher2 · operator1…operator3 · courier1…courier12',
    ];
  }
  if (logins.kind === 'unknown') {
    return ['  Demo logins: passwords as set when the data was first written (DEMO_PASSWORD)'];
  }
  const width = Math.max(...logins.logins.map((l) => l.username.length));
  return [
    '  Demo logins (each account its own password; also in DATA_DIR/demo-passwords):',
    ...logins.logins.map((l) => `    ${l.username.padEnd(width)}  ${l.password}`),
  ];
}

async function start(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.problems.join('; '));
    throw err;
  }

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await database.migrate();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) fail(err.message);
    fail(`database migration failed: ${(err as Error).message}`);
  }

  const demo = config.demoData
    ? await seedDemoData(database.db, { password: config.demoPassword, dataDir: config.dataDir })
    : undefined;

  // One live position store, shared by HTTP, the sockets and housekeeping.
  const positions = createPositionStore(database.db);
  const app = createApp({ database, config, webDist, positions });
  const server = createServer(app);
  const realtime = createRealtime(server, {
    db: database.db,
    sessionSecret: config.sessionSecret,
    positions,
  });
  // SMS leave through the durable outbox; without Twilio credentials they land on the /outbox page.
  const smsWorker = startSmsWorker({
    db: database.db,
    transport: await smsTransportFor(config, logger),
    logger,
  });
  // Courier breadcrumbs past their retention are deleted hourly; stopping flushes buffered positions.
  const stopCourierHousekeeping = startCourierHousekeeping(database.db, positions);

  server.on('error', (err: NodeJS.ErrnoException) => {
    void database.close();
    if (err.code === 'EADDRINUSE')
      fail(
        `port ${config.port} is already in use; stop the other program or set PORT to a free port.`,
      );
    if (err.code === 'EACCES')
      fail(`no permission to listen on port ${config.port}; use a port above 1023.`);
    fail(err.message);
  });
  server.listen(config.port, () => {
    const lines = [
      '',
      `  Tận Nhà 1022 is running at ${config.publicBaseUrl}`,
      `  Database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir} (for one machine; use PostgreSQL in production)` : 'PostgreSQL server'}`,
    ];
    if (demo)
      lines.push(
        `  Demo data: ${demo.seededNow ? 'written now' : 'already present'}`,
        ...demoLoginLines(demo.logins),
      );
    process.stdout.write(lines.join('\n') + '\n\n');
    logger.info({ port: config.port, database: database.kind }, 'listening');
  });

  // Graceful shutdown: stop accepting, let requests in flight finish, then close the database.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void Promise.all([
      realtime.close(),
      stopCourierHousekeeping().catch(() => undefined),
      smsWorker.stop(),
    ]).then(() => {
      server.close(async () => {
        await database.close().catch(() => undefined);
        process.exit(0);
      });
      server.closeIdleConnections();
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A bug in one request must not take the server down; it is logged with its stack.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

void start().catch((err) => fail((err as Error).message));
