// Who may take each step of a dependency between two units. The unit that needs something raises
// it (its members); the unit asked answers it (its members acknowledge or decline); either side
// closes it. Admins may do all of it. A member of a third unit may read it but take no step: the
// dependency is the two units' agreement. An archived unit raises nothing (its work has stopped),
// but a dependency it had can still be answered and closed.
import { nextDependencyStates, type DependencyState, type DependencyStep } from './dependencyFlow.js';

export interface DependencyActor { isAdmin: boolean }
/** The two units as they stand for the actor. */
export interface DependencySides { from: { actorIsMember: boolean }; to: { actorIsMember: boolean } }
export interface DependencyCan { acknowledge: boolean; decline: boolean; resolve: boolean }

export function mayRaiseDependency(actor: DependencyActor, from: { actorIsMember: boolean; archivedAt: string | null }): boolean {
  return from.archivedAt === null && (actor.isAdmin || from.actorIsMember);
}

/** Whether the actor's side may take `step`, whatever state the dependency is in. */
export function mayTakeDependencyStep(actor: DependencyActor, sides: DependencySides, step: DependencyStep): boolean {
  if (actor.isAdmin) return true;
  if (step === 'resolved') return sides.from.actorIsMember || sides.to.actorIsMember;
  return sides.to.actorIsMember;
}

/** The steps the actor may take now: allowed to their side and next in the flow. */
export function dependencyCan(actor: DependencyActor, dependency: { state: DependencyState; sides: DependencySides }): DependencyCan {
  const next = nextDependencyStates(dependency.state);
  const may = (step: DependencyStep) => next.includes(step) && mayTakeDependencyStep(actor, dependency.sides, step);
  return { acknowledge: may('acknowledged'), decline: may('declined'), resolve: may('resolved') };
}
