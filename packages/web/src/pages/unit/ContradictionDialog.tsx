// Flag one of this unit's key results as contradicting another unit's, with a note; and clear a
// flag once the two no longer pull apart.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Contradiction } from '@varde/core';
import { api } from '../../api/client';
import { useAlignmentTargets } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useSave } from '../../components/useSave';
import { useToast } from '../../components/Toast';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';

export function ContradictionDialog({ periodId, keyResults, onClose }: { periodId: string; keyResults: Choice[]; onClose(): void }) {
  const { t } = useTranslation();
  const [ours, setOurs] = useState<string | null>(keyResults[0]?.id ?? null);
  const [q, setQ] = useState('');
  const [theirs, setTheirs] = useState<{ id: string; label: string } | null>(null);
  const [note, setNote] = useState('');
  const targets = useAlignmentTargets(periodId, q);
  const options = (targets.data ?? []).filter((x) => x.kind === 'keyResult' && x.id !== ours);
  const { error, busy, onSubmit } = useSave(() => api.post('/contradictions', { keyResultIds: [ours ?? '', theirs?.id ?? ''], note }), onClose, t('contradiction.flagged'));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ ours, theirs, note });
  return (
    <Modal title={t('contradiction.flagTitle')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['keyResultIds', 'keyResultIds.0', 'keyResultIds.1', 'note'])}</FormError>
        <SelectField label={t('contradiction.ours')} value={ours} onChange={setOurs} choices={keyResults} error={errors['keyResultIds.0']} isRequired />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label">{t('contradiction.theirs')}</legend>
          {theirs ? <p className="chip" style={{ margin: 0 }}>{theirs.label}</p> : <p className="hint" style={{ margin: 0 }}>{t('contradiction.theirsHint')}</p>}
          <TextInput label={t('contradiction.search')} value={q} onChange={setQ} />
          <p className="visually-hidden" aria-live="polite">{t('align.count', { count: options.length })}</p>
          <ul className="picker-results" aria-label={t('align.results')}>
            {options.length === 0 && <li className="muted small" style={{ padding: '.5rem .7rem' }}>{targets.isLoading ? t('common.loading') : t('align.none')}</li>}
            {options.map((x) => (
              <li key={x.id}>
                <button type="button" aria-pressed={theirs?.id === x.id} onClick={() => setTheirs({ id: x.id, label: `${x.title} (${x.unitName})` })}>
                  <div><strong>{x.title}</strong></div>
                  <div className="muted small">{t('align.keyResultDetail', { objective: x.objectiveTitle, unit: x.unitName })}</div>
                </button>
              </li>
            ))}
          </ul>
          {(errors.keyResultIds ?? errors['keyResultIds.1']) && <span className="field-error">{errors.keyResultIds ?? errors['keyResultIds.1']}</span>}
        </fieldset>
        <TextInput label={t('contradiction.note')} value={note} onChange={setNote} multiline isRequired error={errors.note} hint={t('contradiction.noteHint')} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('contradiction.flag')} />
      </form>
    </Modal>
  );
}

export function ClearContradiction({ flag, onClose }: { flag: Contradiction; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmAction title={t('contradiction.clearTitle')} confirmLabel={t('contradiction.clear')} danger={false}
      lead={t('contradiction.clearLead', { a: flag.keyResults[0]!.title, b: flag.keyResults[1]!.title })} onClose={onClose}
      onConfirm={async () => {
        await api.del(`/contradictions/${flag.id}`);
        await queryClient.invalidateQueries();
        toast(t('contradiction.cleared'));
      }} />
  );
}
