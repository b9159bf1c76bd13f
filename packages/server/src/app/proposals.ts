// Bottom-up planning (issue 13): a unit proposes one of its drafts to the unit directly above; that
// unit sees it in its workshop and may adopt it as a draft of its own, which the proposing
// objective then pays into. Or the proposing unit withdraws it while it is open.
import { createdChanges, fieldChanges, type Alignment, type EventSubject, type Proposal } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, objectiveSubject } from '../events/subjects.js';
import { closeProposal, getProposal, insertProposal, openProposalOf, type ProposalRecord } from '../store/plans.js';
import { getObjective, replaceAlignments } from '../store/objectives.js';
import { keyResultsOf } from '../store/keyResults.js';
import { getUnit } from '../store/units.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { conflictOn, invalid, notFound } from './errors.js';
import { createObjective } from './objectives.js';
import { presentProposals } from './plans.js';
import type { Actor, Deps } from './context.js';

const eventView = (p: ProposalRecord) => ({
  objectiveId: p.objectiveId, fromUnitId: p.fromUnit.id, toUnitId: p.toUnit.id, state: p.state, adoptedObjectiveId: p.adoptedObjectiveId,
});
const FIELDS = fieldsOf<ReturnType<typeof eventView>>('proposal');
/** A proposal belongs to the proposing unit and its objective, and is named by the objective's title. */
const proposalSubject = (p: ProposalRecord, title: string): EventSubject =>
  ({ kind: 'proposal', id: p.id, name: title, unitId: p.fromUnit.id, objectiveId: p.objectiveId });

async function present(deps: Deps, db: Db, actor: Actor, id: string): Promise<Proposal> {
  const record = await getProposal(db, actor.orgId, id);
  if (!record) throw notFound('The proposal');
  const [presented] = await presentProposals(deps, db, actor, [record]);
  if (!presented) throw notFound('The proposed objective');
  return presented;
}

export async function proposeObjective(deps: Deps, actor: Actor, objectiveId: string): Promise<Proposal> {
  const id = newId();
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const o = await getObjective(trx, actor.orgId, objectiveId);
    if (!o) throw notFound('The objective');
    await authorise(policies.changeOkrsOf(trx, actor, o.unitId), "propose this unit's drafts");
    const unit = (await getUnit(trx, actor.orgId, o.unitId))!;
    if (unit.parentId === null) throw invalid('unitId', "is the organisation's own: there is no unit above to propose it to", 'no_unit_above');
    if (o.status !== 'draft') throw invalid('status', 'must be draft: only a draft is proposed to the unit above', 'not_draft');
    if (await openProposalOf(trx, actor.orgId, objectiveId)) throw conflictOn('id', 'is already proposed to the unit above', 'already_proposed');
    await insertProposal(trx, { id, orgId: actor.orgId, objectiveId, fromUnitId: o.unitId, toUnitId: unit.parentId, proposedBy: actor.personId, now });
    const made = (await getProposal(trx, actor.orgId, id))!;
    record('proposal.made', proposalSubject(made, o.title), createdChanges(eventView(made), FIELDS));
    return present(deps, trx, actor, id);
  });
}

export async function withdrawProposal(deps: Deps, actor: Actor, objectiveId: string): Promise<Proposal> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const open = await openProposalOf(trx, actor.orgId, objectiveId);
    if (!open) throw notFound('An open proposal of the objective');
    await authorise(policies.changeOkrsOf(trx, actor, open.fromUnit.id), "withdraw this unit's proposals");
    if (!(await closeProposal(trx, actor.orgId, open.id, { state: 'withdrawn', by: actor.personId, now }))) throw conflictOn('state', 'is no longer open', 'not_open');
    const after = (await getProposal(trx, actor.orgId, open.id))!;
    const title = (await getObjective(trx, actor.orgId, objectiveId))?.title ?? '';
    record('proposal.withdrawn', proposalSubject(after, title), fieldChanges(eventView(open), eventView(after), FIELDS));
    return present(deps, trx, actor, open.id);
  });
}

/** In one transaction: a draft of the receiving unit for the same cycle, with the proposed draft's
 *  title, description and key results (owners left to the adopting unit); the proposal adopted
 *  with it; and the proposing objective paying into it. */
export async function adoptProposal(deps: Deps, actor: Actor, id: string): Promise<Proposal> {
  const adoptedId = newId();
  return unitOfWork(deps, actor, async (work) => {
    const { trx, record, now } = work;
    const p = await getProposal(trx, actor.orgId, id);
    if (!p) throw notFound('The proposal');
    await authorise(policies.changeOkrsOf(trx, actor, p.toUnit.id), 'adopt proposals made to this unit');
    if (p.state !== 'open') throw conflictOn('state', `is ${p.state} already`, 'not_open');
    const source = await getObjective(trx, actor.orgId, p.objectiveId);
    if (!source) throw notFound('The proposed objective');
    // Parked in the backlog since it was proposed: there is no cycle to adopt it into.
    if (source.periodId === null) throw conflictOn('state', 'is parked in the backlog', 'not_open');
    const krs = await keyResultsOf(trx, actor.orgId, [source.id]);
    await createObjective(deps, work, actor, adoptedId, {
      unitId: p.toUnit.id, periodId: source.periodId, title: source.title, description: source.description, kind: source.kind, status: 'draft',
      ownerIds: [], alignments: [],
      keyResults: krs.map((k) => ({ title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure, ownerId: null, weight: k.weight })),
    });
    const alignments: Alignment[] = [...source.alignments, { objectiveId: adoptedId }];
    await replaceAlignments(trx, actor.orgId, source.id, alignments);
    record('objective.changed', objectiveSubject(source), fieldChanges(source, { alignments }, ['alignments']));
    if (!(await closeProposal(trx, actor.orgId, id, { state: 'adopted', adoptedObjectiveId: adoptedId, by: actor.personId, now }))) throw conflictOn('state', 'is no longer open', 'not_open');
    const after = (await getProposal(trx, actor.orgId, id))!;
    record('proposal.adopted', proposalSubject(after, source.title), fieldChanges(eventView(p), eventView(after), FIELDS));
    return present(deps, trx, actor, id);
  });
}
