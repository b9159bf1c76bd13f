// A blocker turned into work: an initiative with an owner on the blocked key result, or a
// dependency on the unit that can lift it. The blocker's words start the title and description.
import { useMemo, useState } from 'react';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@varde/core';
import { api } from '../../api/client';
import { useUnits } from '../../api/hooks';
import { meetingKeys } from '../../api/meetings';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { OwnerSelect } from '../unit/OwnerSelect';
import type { ListedBlocker } from './BlockerList';

function useHandle(meeting: Meeting, onClose: () => void, saved: string, body: () => Record<string, unknown>) {
  const queryClient = useQueryClient();
  return useSave(async () => {
    const answer = await api.post<Meeting>(`/meetings/${meeting.id}/blockers`, body());
    if (answer && typeof answer === 'object' && 'agenda' in answer) queryClient.setQueryData(meetingKeys.one(meeting.id), answer);
  }, onClose, saved);
}

export function BlockerInitiativeDialog({ meeting, blocker, onClose }: { meeting: Meeting; blocker: ListedBlocker; onClose(): void }) {
  const { t } = useMeetingTexts();
  const [title, setTitle] = useState(blocker.text.slice(0, 200));
  const [ownerId, setOwnerId] = useState('');
  const { error, busy, onSubmit } = useHandle(meeting, onClose, t('meeting.initiativeMade'),
    () => ({ how: 'initiative', checkInId: blocker.checkInId, title, ownerId: ownerId || null }));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ title, ownerId });
  return (
    <Modal title={t('meeting.toInitiativeTitle')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="small muted" style={{ margin: 0 }}>{t('meeting.fromBlocker', { text: blocker.text, title: blocker.keyResultTitle })}</p>
        <FormError>{formMessage(t, error, ['title', 'ownerId'])}</FormError>
        <TextInput label={t('initiative.title')} value={title} onChange={setTitle} error={errors.title} isRequired autoFocus />
        <OwnerSelect label={t('initiative.owner')} unitId={meeting.unitId} value={ownerId} onChange={(id) => setOwnerId(id)} error={errors.ownerId} known={[]} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('meeting.toInitiative')} />
      </form>
    </Modal>
  );
}

export function BlockerDependencyDialog({ meeting, blocker, onClose }: { meeting: Meeting; blocker: ListedBlocker; onClose(): void }) {
  const { t } = useMeetingTexts();
  const units = useUnits();
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [description, setDescription] = useState(blocker.text);
  const choices = useMemo(() => (units.data ?? []).filter((u) => u.id !== meeting.unitId && !u.archivedAt)
    .sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ id: u.id, label: u.name })), [units.data, meeting.unitId]);
  const { error, busy, onSubmit } = useHandle(meeting, onClose, t('dependency.raised'),
    () => ({ how: 'dependency', checkInId: blocker.checkInId, toUnitId: toUnitId ?? '', description }));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ toUnitId, description });
  return (
    <Modal title={t('meeting.toDependencyTitle')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="small muted" style={{ margin: 0 }}>{t('meeting.fromBlocker', { text: blocker.text, title: blocker.keyResultTitle })}</p>
        <FormError>{formMessage(t, error, ['toUnitId', 'description'])}</FormError>
        <SelectField label={t('dependency.toUnit')} value={toUnitId} onChange={setToUnitId} choices={choices} error={errors.toUnitId} isRequired
          placeholder={units.isLoading ? t('common.loading') : undefined} />
        <TextInput label={t('dependency.description')} value={description} onChange={setDescription} multiline isRequired error={errors.description} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('meeting.toDependency')} />
      </form>
    </Modal>
  );
}
