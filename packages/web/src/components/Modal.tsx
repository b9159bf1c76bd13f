// A modal dialog: focus moves in, stays in, and returns to the trigger on close; Escape closes.
// While its form holds changes (isDirty), a click outside or Escape first asks whether to
// discard them, in an alert dialog whose first button keeps editing. `discard` words the question
// for what would be lost when that is not a form's changes (a password shown only once).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

export interface DiscardQuestion { title: string; lead: string; keep: string; confirm: string }

export function Modal({ title, isOpen, onClose, isDirty = false, discard, children }: {
  title: string; isOpen: boolean; onClose(): void; isDirty?: boolean; discard?: DiscardQuestion | undefined; children: ReactNode;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const dismiss = () => { if (isDirty) setAsking(true); else onClose(); };
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => { if (!open) dismiss(); }} isDismissable>
      <AriaModal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
          {/* Inside the dialog, so that its focus scope holds the question's while it is asked. */}
          <ModalOverlay className="modal-overlay confirm-overlay" isOpen={asking} onOpenChange={(open) => { if (!open) setAsking(false); }} isDismissable>
            <AriaModal className="modal confirm">
              <Dialog className="dialog" role="alertdialog">
                <Heading slot="title">{discard?.title ?? t('controls.discardTitle')}</Heading>
                <p>{discard?.lead ?? t('controls.discardLead')}</p>
                <div className="form-actions">
                  <Button className="button secondary" autoFocus onPress={() => setAsking(false)}>{discard?.keep ?? t('controls.keepEditing')}</Button>
                  <Button className="button danger" onPress={() => { setAsking(false); onClose(); }}>{discard?.confirm ?? t('controls.discard')}</Button>
                </div>
              </Dialog>
            </AriaModal>
          </ModalOverlay>
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}

/** Whether any of `values` differs from what it was when the form opened. */
export function useIsDirty(values: unknown): boolean {
  const [initial] = useState(() => JSON.stringify(values));
  return JSON.stringify(values) !== initial;
}
