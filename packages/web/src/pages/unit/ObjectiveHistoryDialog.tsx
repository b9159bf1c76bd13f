// An objective's whole story in a dialog over the team page: its own changes, its key results'
// and their check-ins, newest first.
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { keys, useOrganisation } from '../../api/hooks';
import { HISTORY_NS } from '../../i18n';
import { Modal } from '../../components/Modal';
import { EventList } from '../../components/history/EventList';
import { useEventPages } from '../../components/history/useEventPages';
import { ErrorState, Loading } from '../../components/States';

export function ObjectiveHistoryDialog({ objective, onClose }: { objective: { id: string; title: string }; onClose(): void }) {
  const { t } = useTranslation(HISTORY_NS);
  const org = useOrganisation();
  const pages = useEventPages(keys.objectiveHistory(objective.id), `/objectives/${objective.id}/history`);
  return (
    <Modal title={t('objectiveHistory.title', { title: objective.title })} isOpen onClose={onClose}>
      {pages.first.isLoading || org.isLoading ? <Loading />
        : pages.first.error ? <ErrorState error={pages.first.error} onRetry={() => void pages.first.refetch()} />
        : <EventList pages={pages} timeZone={org.data?.timeZone} ownId={objective.id} headingLevel={4} />}
      <div className="form-actions">
        <Button className="button secondary" onPress={onClose}>{t('objectiveHistory.close')}</Button>
      </div>
    </Modal>
  );
}
