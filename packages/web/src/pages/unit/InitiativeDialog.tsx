// Add or change an initiative: the work that moves one or more of the unit's key results.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative, Page } from '@varde/core';
import { api, query } from '../../api/client';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { OwnerSelect } from './OwnerSelect';
import { Modal, useIsDirty } from '../../components/Modal';
import { Check, CheckboxList } from '../../components/Checkboxes';
import { DialogActions } from '../../components/DialogActions';
import { DeleteButton } from '../../components/DeleteButton';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';

const STATUSES = ['planned', 'in-progress', 'blocked', 'done', 'cancelled'] as const;

interface InitiativeDialogProps {
  unitId: string; periodId: string; existing?: Initiative | undefined; keyResults: Choice[]; known: readonly Choice[]; preselected?: string | undefined; onClose(): void;
}

/** The unit's initiative as it is now (there is no read of one initiative alone). */
const readInitiative = async (i: Initiative, unitId: string, periodId: string): Promise<Initiative> =>
  (await api.get<Page<Initiative>>(`/initiatives${query({ unit: unitId, period: periodId, limit: 500 })}`)).items.find((x) => x.id === i.id) ?? i;

/** `known`: the people the page names, offered as owner whatever the organisation's size. An
 *  initiative being edited can be read again when someone else changes it meanwhile. */
export function InitiativeDialog(props: InitiativeDialogProps) {
  const { existing, unitId, periodId } = props;
  if (!existing) return <InitiativeForm {...props} />;
  return (
    <Reloadable initial={existing} read={(i) => readInitiative(i, unitId, periodId)}>
      {(current, reload) => <InitiativeForm {...props} existing={current} onReload={reload} />}
    </Reloadable>
  );
}

function InitiativeForm({ unitId, periodId, existing, keyResults, known, preselected, onClose, onReload }: InitiativeDialogProps & { onReload?: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [ownerId, setOwnerId] = useState(existing?.ownerId ?? '');
  const [status, setStatus] = useState<string>(existing?.status ?? 'planned');
  const [linked, setLinked] = useState<string[]>(existing?.keyResultIds ?? (preselected ? [preselected] : []));
  const { error, busy, onSubmit } = useSave(() => {
    const body = { title, description, ownerId: ownerId || null, status, keyResultIds: linked };
    return existing ? api.patch(`/initiatives/${existing.id}`, { ...body, version: existing.version }) : api.post('/initiatives', { ...body, unitId, periodId });
  }, onClose, t('controls.initiativeSaved'));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ title, description, ownerId, status, linked });
  return (
    <Modal title={existing ? t('initiative.edit') : t('initiative.new')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['title', 'description', 'ownerId', 'status', 'keyResultIds'])}</FormError>
        {existing && <ChangedElsewhere about={(e) => e.subject.kind === 'initiative' && e.subject.id === existing.id} onReload={onReload} />}
        <TextInput label={t('initiative.title')} value={title} onChange={setTitle} error={errors.title} isRequired autoFocus />
        <TextInput label={t('initiative.description')} value={description} onChange={setDescription} multiline error={errors.description} />
        <OwnerSelect label={t('initiative.owner')} unitId={unitId} value={ownerId} onChange={(id) => setOwnerId(id)} error={errors.ownerId} known={known} hint={t('initiative.ownerHint')} />
        <SelectField label={t('initiative.statusLabel')} value={status} onChange={setStatus} error={errors.status}
          choices={STATUSES.map((s) => ({ id: s, label: t(`initiative.status.${s}`) }))} />
        <CheckboxList label={t('initiative.moves')} value={linked} onChange={setLinked} error={errors.keyResultIds}
          hint={keyResults.length === 0 ? t('initiative.noKeyResults') : undefined}>
          {keyResults.map((k) => <Check key={k.id} value={k.id}>{k.label}</Check>)}
        </CheckboxList>
        <DialogActions busy={busy} onCancel={onClose}
          extra={existing && <DeleteButton subject={{ kind: 'initiative', id: existing.id, title: existing.title }} onDeleted={onClose} />} />
      </form>
    </Modal>
  );
}
