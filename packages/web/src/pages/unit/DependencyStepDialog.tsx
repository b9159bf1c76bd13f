// Take a dependency's next step: acknowledge it with a reply, decline it with the reason (which
// must be given), or resolve it, with a note if one likes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dependency } from '@varde/core';
import { api } from '../../api/client';
import { FormError, TextInput } from '../../components/Fields';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';

export type DependencyStepChoice = 'acknowledged' | 'declined' | 'resolved';

export function DependencyStepDialog({ dependency, step, onClose }: { dependency: Dependency; step: DependencyStepChoice; onClose(): void }) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const { error, busy, onSubmit } = useSave(() => api.patch(`/dependencies/${dependency.id}`, {
    version: dependency.version, state: step, ...(reply.trim() ? { reply } : {}),
  }), onClose, t(`dependency.done.${step}`));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ reply });
  return (
    <Modal title={t(`dependency.stepTitle.${step}`)} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p style={{ margin: 0 }}><strong>{dependency.description}</strong></p>
        <p className="small muted" style={{ margin: 0 }}>{t('dependency.betweenUnits', { from: dependency.fromUnit.name, to: dependency.toUnit.name })}</p>
        <FormError>{formMessage(t, error, ['reply'])}</FormError>
        <TextInput label={t(`dependency.replyLabel.${step}`)} value={reply} onChange={setReply} multiline isRequired={step === 'declined'}
          error={errors.reply} autoFocus />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t(`dependency.step.${step}`)} />
      </form>
    </Modal>
  );
}
