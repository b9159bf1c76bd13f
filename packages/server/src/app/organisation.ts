// Reading and changing the organisation and its strategy.
import { fieldChanges, organisationRhythm, type Organisation, type OrganisationPatch } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, organisationSubject } from '../events/subjects.js';
import { getOrganisation, updateOrganisation } from '../store/organisations.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { notFound, staleVersion } from './errors.js';

export async function readOrganisation(deps: Deps, actor: Actor): Promise<Organisation> {
  const org = await getOrganisation(deps.store.db, actor.orgId);
  if (!org) throw notFound('The organisation');
  return org;
}

export async function changeOrganisation(deps: Deps, actor: Actor, patch: OrganisationPatch): Promise<Organisation> {
  await authorise(policies.changeOrganisation(actor), 'change the organisation');
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const org = await getOrganisation(trx, actor.orgId);
    if (!org) throw notFound('The organisation');
    const { version, strategy, ...fields } = patch;
    const next: Organisation = { ...org, ...fields, ...organisationRhythm(org, fields), strategy: { ...org.strategy, ...strategy } };
    const outcome = await updateOrganisation(trx, org.id, version, next, isoNow(deps));
    if (outcome !== 'updated') throw outcome === 'stale' ? staleVersion('The organisation') : notFound('The organisation');
    const changed = (await getOrganisation(trx, org.id))!;
    record('organisation.changed', organisationSubject(changed), fieldChanges(org, changed, fieldsOf<Organisation>('organisation')));
    return changed;
  });
}
