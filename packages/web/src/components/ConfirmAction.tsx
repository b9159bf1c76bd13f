// Asks before something is removed or locked: an alert dialog that says what will happen, whose
// first button keeps things as they are, and which stays open with the reason if the server refuses.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormError } from './Fields';
import { formMessage } from './fieldMessages';

export function ConfirmAction({ title, lead, confirmLabel, onConfirm, onClose, danger = true, describeError }: {
  title: string; lead: string; confirmLabel: string; onConfirm(): Promise<unknown>; onClose(): void; danger?: boolean;
  /** Says a refusal better than the general message does, or answers undefined. */
  describeError?(error: unknown): string | undefined;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalOverlay className="modal-overlay confirm-overlay" isOpen isDismissable onOpenChange={(open) => { if (!open) onClose(); }}>
      <Modal className="modal confirm">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{title}</Heading>
          <p>{lead}</p>
          <FormError>{error ? describeError?.(error) ?? formMessage(t, error, []) : ''}</FormError>
          <div className="form-actions">
            <Button className="button secondary" autoFocus onPress={onClose}>{t('common.cancel')}</Button>
            <Button className={danger ? 'button danger' : 'button'} onPress={() => void confirm()}>{busy ? t('common.working') : confirmLabel}</Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
