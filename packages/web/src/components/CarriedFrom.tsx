// Where an objective came from when a review carried it over or parked it (issue 15): the
// original's title and cycle, one click from its history, which stays with the original.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useObjective, usePeriods } from '../api/hooks';

export function CarriedFrom({ id, parked }: { id: string; parked: boolean }) {
  const { t } = useTranslation();
  const original = useObjective(id);
  const periods = usePeriods();
  const period = periods.data?.find((p) => p.id === original.data?.periodId);
  if (!original.data) return null;
  return (
    <p className="small" style={{ margin: '.3rem 0 0' }} data-testid="carried-from">
      <Link to={`/objectives/${id}`}>{t(parked ? 'review.carriedFromBacklog' : 'review.carriedFrom', { title: original.data.title, period: period?.name ?? '' })}</Link>
    </p>
  );
}
