// What an objective pays into, as the alignment picker holds it: from the objective's alignedTo.
import type { Objective } from '@varde/core';
import type { ChosenAlignment } from './AlignmentPicker';

export const alignmentsOf = (o: Objective | undefined): ChosenAlignment[] => (o?.alignedTo ?? []).map((a) => ({
  alignment: a.kind === 'objective' ? { objectiveId: a.id } : { keyResultId: a.id }, title: a.title, detail: a.unitName,
}));
