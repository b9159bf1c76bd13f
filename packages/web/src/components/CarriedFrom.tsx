// Where an objective came from when a review carried it over or parked it (issue 15): the
// original's title and cycle, one click from its history, which stays with the original.
import { Suspense } from 'react';
import { Link } from 'wouter';
import { useObjective, usePeriods } from '../api/hooks';
import { useReviewTexts } from '../i18n/reviewTexts';

/** Its words are the review's (i18n/review/): nothing shows until they are in. */
export function CarriedFrom(props: { id: string; parked: boolean }) {
  return <Suspense fallback={null}><Said {...props} /></Suspense>;
}

function Said({ id, parked }: { id: string; parked: boolean }) {
  const { t } = useReviewTexts();
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
