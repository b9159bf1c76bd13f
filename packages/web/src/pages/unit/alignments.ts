// What an objective pays into, as the alignment picker holds it: from the objective's alignedTo.
import type { Alignment, AlignmentTarget, Objective } from '@varde/core';
import type { ChosenAlignment } from './AlignmentPicker';

export const alignmentsOf = (o: Objective | undefined): ChosenAlignment[] => (o?.alignedTo ?? []).map((a) => ({
  alignment: alignmentTo(a.kind, a.id), title: a.title, detail: a.unitName,
}));

/** The link to a target of this kind. */
export function alignmentTo(kind: AlignmentTarget['kind'], id: string): Alignment {
  return kind === 'objective' ? { objectiveId: id } : kind === 'keyResult' ? { keyResultId: id } : { kpiId: id };
}
