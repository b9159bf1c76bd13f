// Decides whether a cycle may go from review to closed: not while a unit with objectives in it has
// not closed its review (article 004: every team reviews the cycle before it ends), unless an admin
// confirms that the cycle closes anyway, naming the units that did not.

export interface UnitReviewState { id: string; name: string; closed: boolean }

export interface ClosingRefusal {
  code: 'reviews_not_closed';
  message: string;
  /** The units whose review is not closed, by name. */
  units: Array<{ id: string; name: string }>;
}

/** The refusal, or undefined when the cycle may close: every review is closed, or it is confirmed. */
export function closingRefusal(units: readonly UnitReviewState[], confirmed: boolean): ClosingRefusal | undefined {
  const open = units.filter((u) => !u.closed)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id))
    .map((u) => ({ id: u.id, name: u.name }));
  if (confirmed || open.length === 0) return undefined;
  return {
    code: 'reviews_not_closed',
    message: `cannot be closed while units have not closed their review: ${open.map((u) => u.name).join(', ')}; close them, or send confirm: true to close the cycle anyway`,
    units: open,
  };
}
