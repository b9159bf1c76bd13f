// Ending the meeting stores its record (who came, what moved since the last one, notes and
// decisions); the page then shows the record in place of the room.
import { useState } from 'react';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { Meeting } from '@varde/core';
import { api } from '../../api/client';
import { meetingKeys } from '../../api/meetings';
import { Modal } from '../../components/Modal';
import { ErrorState } from '../../components/States';

export function EndMeetingDialog({ meeting, onClose, onEnded }: { meeting: Meeting; onClose(): void; onEnded(): void }) {
  const { t } = useMeetingTexts();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const end = async () => {
    if (busy) return;
    setBusy(true); setError(null);
    try {
      const current = queryClient.getQueryData<Meeting>(meetingKeys.one(meeting.id)) ?? meeting;
      const ended = await api.post<Meeting>(`/meetings/${meeting.id}/end`, { version: current.version });
      queryClient.setQueryData(meetingKeys.one(meeting.id), ended);
      void queryClient.invalidateQueries({ queryKey: ['meeting'] });
      onEnded();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('meeting.endTitle')} isOpen onClose={onClose}>
      <div className="form">
        <p style={{ margin: 0 }}>{t('meeting.endLead', { count: meeting.attendeeIds.length })}</p>
        {error !== null && <ErrorState error={error} />}
        <div className="form-actions">
          <Button className="button secondary" onPress={onClose}>{t('common.cancel')}</Button>
          <Button className="button" autoFocus onPress={() => void end()}>{busy ? t('common.working') : t('meeting.endConfirm')}</Button>
        </div>
      </div>
    </Modal>
  );
}
