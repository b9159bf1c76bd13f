// A key result's history of changes: its definition's changes and its check-ins, newest first.
import { keys, useOrganisation } from '../../api/hooks';
import { EventList } from '../../components/history/EventList';
import { useEventPages } from '../../components/history/useEventPages';
import { ErrorState, Loading } from '../../components/States';

export function KeyResultHistory({ keyResultId }: { keyResultId: string }) {
  const org = useOrganisation();
  const pages = useEventPages(keys.keyResultHistory(keyResultId), `/key-results/${keyResultId}/history`);
  if (pages.first.isLoading || org.isLoading) return <Loading />;
  if (pages.first.error) return <ErrorState error={pages.first.error} onRetry={() => void pages.first.refetch()} />;
  return <EventList pages={pages} timeZone={org.data?.timeZone} ownId={keyResultId} />;
}
