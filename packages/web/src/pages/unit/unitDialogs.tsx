// The team page's dialogs. A button anywhere on the page (the summary, an objective's card, a key
// result's line) opens one by naming it; its code comes when first wanted, or on hover before the
// click (lazyPart, preloadOn).
import type { Initiative, KeyResult, Objective } from '@varde/core';
import { lazyPart } from '../../components/lazyPart';
import type { Choice } from '../../components/SelectField';
import type { CheckInTarget } from './CheckInDialog';
import { alignmentsOf } from './alignments';

export const CheckInDialog = lazyPart(() => import('./CheckInDialog').then((m) => m.CheckInDialog));
export const ObjectiveDialog = lazyPart(() => import('./ObjectiveDialog').then((m) => m.ObjectiveDialog));
export const KeyResultDialog = lazyPart(() => import('./KeyResultDialog').then((m) => m.KeyResultDialog));
export const InitiativeDialog = lazyPart(() => import('./InitiativeDialog').then((m) => m.InitiativeDialog));
export const ObjectiveHistoryDialog = lazyPart(() => import('./ObjectiveHistoryDialog').then((m) => m.ObjectiveHistoryDialog));

export type UnitDialog =
  | { kind: 'checkIn'; target: CheckInTarget }
  | { kind: 'newObjective' }
  | { kind: 'editObjective'; objective: Objective }
  | { kind: 'newKeyResult'; objectiveId: string }
  | { kind: 'editKeyResult'; keyResult: KeyResult }
  | { kind: 'initiative'; existing?: Initiative; keyResultId?: string }
  | { kind: 'objectiveHistory'; objective: { id: string; title: string } };

/** The dialog that is open. `known`: the people the page names, offered first as owners. */
export function OpenDialog({ dialog, unitId, periodId, known, keyResults, onClose }: {
  dialog: UnitDialog; unitId: string; periodId: string; known: Choice[]; keyResults: Choice[]; onClose(): void;
}) {
  switch (dialog.kind) {
    case 'objectiveHistory': return <ObjectiveHistoryDialog objective={dialog.objective} onClose={onClose} />;
    case 'checkIn': return <CheckInDialog keyResult={dialog.target} onClose={onClose} />;
    case 'newObjective': return <ObjectiveDialog unitId={unitId} periodId={periodId} known={known} onClose={onClose} />;
    case 'editObjective': return <ObjectiveDialog unitId={unitId} periodId={periodId} known={known} existing={dialog.objective}
      existingAlignments={alignmentsOf(dialog.objective)} onClose={onClose} />;
    case 'newKeyResult': return <KeyResultDialog unitId={unitId} objectiveId={dialog.objectiveId} known={known} onClose={onClose} />;
    case 'editKeyResult': return <KeyResultDialog unitId={unitId} objectiveId={dialog.keyResult.objectiveId} existing={dialog.keyResult} known={known} onClose={onClose} />;
    case 'initiative': return <InitiativeDialog unitId={unitId} periodId={periodId} existing={dialog.existing} preselected={dialog.keyResultId}
      keyResults={keyResults} known={known} onClose={onClose} />;
  }
}
