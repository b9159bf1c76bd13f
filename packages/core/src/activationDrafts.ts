// Decides whether a cycle may go from planning to active: not while a unit still has drafts in it
// that it has not published (article 004: every team finishes its workshop before the cycle
// starts), unless an admin confirms that the cycle starts anyway, leaving those drafts as drafts.

export interface UnitDrafts { id: string; name: string; draftCount: number }

export interface ActivationRefusal {
  code: 'unpublished_drafts';
  message: string;
  /** The units with drafts, by name, each with its number of drafts. */
  units: UnitDrafts[];
}

/** The refusal, or undefined when the cycle may become active: there are no drafts, or it is confirmed. */
export function activationRefusal(units: readonly UnitDrafts[], confirmed: boolean): ActivationRefusal | undefined {
  const waiting = units.filter((u) => u.draftCount > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  if (confirmed || waiting.length === 0) return undefined;
  const named = waiting.map((u) => `${u.name} (${u.draftCount} ${u.draftCount === 1 ? 'draft' : 'drafts'})`).join(', ');
  return { code: 'unpublished_drafts', message: `cannot be active while units have unpublished drafts: ${named}; publish them, or send confirm: true to start the cycle anyway`, units: waiting };
}
