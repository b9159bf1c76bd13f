// Add a key result to an objective, or change one (with the version read, so a concurrent edit
// is refused rather than overwritten).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyResult } from '@varde/core';
import { api } from '../../api/client';
import { FormError } from '../../components/Fields';
import { type Choice } from '../../components/SelectField';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { DeleteButton } from '../../components/DeleteButton';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { draftToBody, emptyDraft, KeyResultFields, type KeyResultDraft } from './KeyResultFields';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';

interface KeyResultDialogProps { unitId: string; objectiveId: string; existing?: KeyResult | undefined; known: readonly Choice[]; onClose(): void }

/** `known`: the people the page names, offered as owner whatever the organisation's size. A key
 *  result being edited can be read again when someone else changes it meanwhile. */
export function KeyResultDialog(props: KeyResultDialogProps) {
  const { existing } = props;
  if (!existing) return <KeyResultForm {...props} />;
  return (
    <Reloadable initial={existing} read={(k) => api.get<KeyResult>(`/key-results/${k.id}`)}>
      {(current, reload) => <KeyResultForm {...props} existing={current} onReload={reload} />}
    </Reloadable>
  );
}

function KeyResultForm({ unitId, objectiveId, existing, known, onClose, onReload }: KeyResultDialogProps & { onReload?: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<KeyResultDraft>(existing ? {
    title: existing.title, type: existing.type, start: String(existing.start), target: String(existing.target), measure: existing.measure, ownerId: existing.ownerId ?? '',
  } : emptyDraft());
  const { error, busy, onSubmit } = useSave(
    () => (existing
      ? api.patch(`/key-results/${existing.id}`, { ...draftToBody(draft), version: existing.version })
      : api.post('/key-results', { ...draftToBody(draft), objectiveId })),
    onClose,
    t('controls.keyResultSaved'),
  );
  const isDirty = useIsDirty(draft);
  return (
    <Modal title={existing ? t('keyResult.edit') : t('keyResult.new')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['title', 'type', 'start', 'target', 'measure', 'ownerId'])}</FormError>
        {existing && <ChangedElsewhere about={(e) => e.subject.kind === 'keyResult' && e.subject.id === existing.id} onReload={onReload} />}
        <KeyResultFields draft={draft} onChange={setDraft} errors={localFieldErrors(t, error)} unitId={unitId} known={known} />
        <DialogActions busy={busy} onCancel={onClose}
          extra={existing?.can.delete && <DeleteButton subject={{ kind: 'keyResult', id: existing.id, title: existing.title }} onDeleted={onClose} />} />
      </form>
    </Modal>
  );
}
