// Starts Varde: reads the configuration, opens and migrates the store, seeds the demo
// organisation into an empty database (refusing to serve it on a network unless told to), serves
// HTTP, prints the set-up token when an exposed installation still needs its set-up, and shuts
// down cleanly on SIGTERM/SIGINT.
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost, readConfig } from './config.js';
import { openStore } from './store/database.js';
import { buildApp } from './http/buildApp.js';
import { systemClock, type Deps } from './app/context.js';
import { createSweeper } from './jobs/sweeper.js';
import { SetupToken } from './auth/setupToken.js';
import { offerSetupToken } from './app/setup.js';
import { demoOnNetwork } from './demo/demoOnNetwork.js';
import { composeDeps, startComponents, stopComponents } from './composition.js';

async function main(): Promise<void> {
  const config = readConfig();
  // The logger comes with the app, after the store; until then a lost connection goes to stderr.
  let lostConnection = (error: Error): void => { process.stderr.write(`PostgreSQL closed an idle connection: ${error.message}\n`); };
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onLostConnection: (error) => lostConnection(error) });
  // Told each new set-up token once the app and its logger exist (tokens are issued only after listening).
  let announceSetupToken = (_token: string): void => {};
  const deps: Deps = composeDeps(store, systemClock, {
    secureCookies: config.secureCookies, sessionIdleSeconds: config.sessionIdleSeconds, sessionMaxSeconds: config.sessionMaxSeconds,
    trustProxy: config.trustProxy, exposed: !isLoopbackHost(config.host), setupToken: new SetupToken((token) => announceSetupToken(token)),
  });
  // Before seeding: a refused start must not leave demo data behind in an empty database.
  const demo = await demoOnNetwork(deps, config);
  if ('refuse' in demo) {
    await store.close();
    throw new Error(demo.refuse);
  }
  // The built web app, found from this file: dist/main.js is the production bundle (see
  // build.mjs), so the path must not depend on where the http/ module would have been.
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = await buildApp(deps, { logger: { level: config.logLevel }, webRoot });
  app.log.info({ database: store.dialect, location: store.location }, 'store ready');
  lostConnection = (err) => app.log.warn({ err }, 'PostgreSQL closed an idle connection; a new one opens when needed');
  announceSetupToken = (token) => {
    const address = app.server.address() as AddressInfo | null;
    const host = deps.security.exposed && ['0.0.0.0', '::'].includes(config.host) ? os.hostname() : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address?.port ?? config.port}/setup?token=${token}`;
    // In the message, not a field: fields named setupToken are redacted (http/logRedaction.ts), and
    // this one line is where the operator is meant to find it.
    app.log.warn({ url }, `Varde needs its first-run set-up; on a network it asks for the set-up token ${token}`);
    process.stdout.write(`\nVarde needs its first-run set-up. Open ${url}\nor give this set-up token on the set-up page:\n\n    ${token}\n\n`);
  };

  if (demo.serve === 'on the network') {
    app.log.warn({ host: config.host }, 'serving the demo organisation beyond loopback (VARDE_DEMO=1): the demo accounts\' password is public, so anyone who reaches Varde can sign in as its admin; end the demo in Settings before real use');
  }
  if (config.demo) {
    // Imported only when wanted: a start without the demo need not load its data and seeding code.
    const { seedDemoIfEmpty } = await import('./demo/seedDemo.js');
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) {
      app.log.info({ organisation: seeded.organisation, accounts: seeded.accounts.map((a) => a.email), password: seeded.password },
        'seeded the demo organisation');
      process.stdout.write(`\nDemo organisation "${seeded.organisation}" is ready. Sign in with password "${seeded.password}" as:\n`
        + seeded.accounts.map((a) => `  ${a.email.padEnd(32)} ${a.name}${a.isAdmin ? ' (admin)' : ''}`).join('\n')
        + '\nThe password is public: the demo is for trying Varde. To set up your own organisation, sign in as the admin and'
        + '\nend the demo (Settings → Organisation → End the demo).\n\n');
    }
  }

  await startComponents(deps);
  const sweeper = createSweeper(deps, {
    onSwept: (swept) => { if (swept.sessions + swept.signInFailures + swept.trash > 0) app.log.debug(swept, 'deleted ended sessions, old sign-in failures and deletions past undoing'); },
    onError: (err) => app.log.warn({ err }, 'sweeping ended sessions and old trash failed; the next sweep tries again'),
  });
  sweeper.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      // Ends the live streams first (routes/live.ts), which the server would otherwise wait for;
      // their browsers reconnect elsewhere and resume from their Last-Event-ID.
      await app.close();
      await sweeper.stop();
      await stopComponents(deps);
      await store.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  await offerSetupToken(deps);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
