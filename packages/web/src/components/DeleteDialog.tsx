// The question before a deletion, as an alert dialog whose first button keeps what is there: it
// says what goes with it ("with 3 key results and 41 check-ins", counted by the server) and what
// stays without its link, and that it can be undone right after.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import type { DeletionImpact, TrashKind } from '@varde/core';
import { api } from '../api/client';
import { FormError } from './Fields';
import { formMessage } from './fieldMessages';
import { deletionUrl, useRemoval } from './useRemoval';

export interface DeletionSubject { kind: TrashKind; id: string; title: string }

export function DeleteDialog({ subject, onCancel, onDeleted }: { subject: DeletionSubject; onCancel(): void; onDeleted(): void }) {
  const { t, i18n } = useTranslation();
  const remove = useRemoval();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const counted = subject.kind !== 'initiative';
  const impact = useQuery({
    queryKey: ['deletion', subject.kind, subject.id],
    queryFn: () => api.get<DeletionImpact>(`${deletionUrl(subject.kind, subject.id)}/deletion`),
    enabled: counted, staleTime: 0, gcTime: 0,
  });
  const list = (parts: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts);
  const n = impact.data;
  const taken = n ? [
    ...(subject.kind === 'objective' && n.keyResults ? [t('removal.keyResults', { count: n.keyResults })] : []),
    ...(n.checkIns ? [t('removal.checkIns', { count: n.checkIns })] : []),
  ] : [];
  const unlinked = n ? [
    ...(n.initiatives ? [t('removal.initiatives', { count: n.initiatives })] : []),
    ...(n.alignedObjectives ? [t('removal.alignedObjectives', { count: n.alignedObjectives })] : []),
  ] : [];

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await remove(subject.kind, subject.id, onDeleted);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <ModalOverlay className="modal-overlay confirm-overlay" isOpen isDismissable onOpenChange={(open) => { if (!open) onCancel(); }}>
      <AriaModal className="modal confirm">
        <Dialog className="dialog" role="alertdialog" data-testid="delete-dialog">
          <Heading slot="title">{t(`removal.title.${subject.kind}`)}</Heading>
          <FormError>{error ? formMessage(t, error, []) : ''}</FormError>
          {counted && impact.isLoading ? <p className="confirm-lead muted">{t('removal.counting')}</p> : (
            <p className="confirm-lead">
              {taken.length ? t(`removal.lead.${subject.kind}With`, { title: subject.title, list: list(taken) }) : t(`removal.lead.${subject.kind}`, { title: subject.title })}
            </p>
          )}
          {unlinked.length > 0 && <p className="confirm-lead">{t('removal.unlinks', { list: list(unlinked) })}</p>}
          <p className="confirm-lead small muted">{t('removal.undoHint')}</p>
          <div className="form-actions">
            <Button className="button secondary" autoFocus onPress={onCancel}>{t('common.cancel')}</Button>
            <Button className="button danger" onPress={() => void confirm()}>{busy ? t('common.working') : t('removal.confirm')}</Button>
          </div>
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
