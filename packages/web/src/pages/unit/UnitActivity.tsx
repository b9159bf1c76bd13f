// What happened on the unit's OKRs, newest first: under the objectives on the team page.
import { useTranslation } from 'react-i18next';
import { keys, useOrganisation } from '../../api/hooks';
import { HISTORY_NS } from '../../i18n';
import { EventList } from '../../components/history/EventList';
import { useEventPages } from '../../components/history/useEventPages';
import { ErrorState, Loading } from '../../components/States';

export function UnitActivity({ unitId }: { unitId: string }) {
  const { t } = useTranslation(HISTORY_NS);
  const org = useOrganisation();
  const pages = useEventPages(keys.unitActivity(unitId), `/units/${unitId}/activity`);
  if (pages.first.isLoading || org.isLoading) return <Loading />;
  if (pages.first.error) return <ErrorState error={pages.first.error} onRetry={() => void pages.first.refetch()} />;
  return (
    <>
      <p className="small muted" style={{ margin: 0 }}>{t('unitActivity.lead')}</p>
      <EventList pages={pages} timeZone={org.data?.timeZone} />
    </>
  );
}
