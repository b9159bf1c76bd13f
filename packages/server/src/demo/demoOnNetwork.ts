// Demo data is for trying Varde: its accounts share a password that is printed in the README and
// on the sign-in page, so on a network anyone could sign in as its admin. Varde therefore serves
// a demo beyond loopback only when told to in so many words (VARDE_DEMO=1).
import type { Config } from '../config.js';
import { isLoopbackHost } from '../config.js';
import type { Deps } from '../app/context.js';
import { findDefaultOrganisation } from '../store/organisations.js';

export type DemoOnNetwork = { serve: 'no demo' | 'loopback only' | 'on the network' } | { refuse: string };

/** Whether this start would serve demo data (already there, or about to be seeded) beyond loopback, and may. */
export async function demoOnNetwork(deps: Deps, config: Pick<Config, 'host' | 'demo' | 'demoExplicit'>): Promise<DemoOnNetwork> {
  const org = await findDefaultOrganisation(deps.store.db);
  const demo = org ? org.isDemo : config.demo;
  if (!demo) return { serve: 'no demo' };
  if (isLoopbackHost(config.host)) return { serve: 'loopback only' };
  if (config.demoExplicit) return { serve: 'on the network' };
  const ownOrganisation = org
    ? '  - to set up your own organisation: end the demo (Settings → Organisation → End the demo) while Varde runs with HOST=127.0.0.1 or VARDE_DEMO=1'
    : '  - to set up your own organisation: set VARDE_DEMO=0 to start without demo data';
  return {
    refuse: [
      `Varde will not serve its demo organisation on HOST=${config.host}: every demo account has the same public password, so anyone who reaches Varde could sign in as its admin.`,
      '  - to try Varde on this machine only: set HOST=127.0.0.1 (the default)',
      '  - to serve the demo on the network anyway: set VARDE_DEMO=1',
      ownOrganisation,
    ].join('\n'),
  };
}
