// The way to a cycle's review from the team page, and to the organisation's view of the reviews
// from the organisation page, while the cycle is in review or once it is closed. Its words are the
// review's (i18n/review/), fetched with it: until they are in, nothing shows here.
import { Suspense } from 'react';
import { Link } from 'wouter';
import type { Period } from '@varde/core';
import { useReviewTexts } from '../../i18n/reviewTexts';

export function ReviewCallout({ period, unitId }: { period: Pick<Period, 'id' | 'name' | 'kind' | 'state'>; unitId?: string }) {
  if (period.kind !== 'cycle' || (period.state !== 'review' && period.state !== 'closed')) return null;
  return <Suspense fallback={null}><Callout period={period} unitId={unitId} /></Suspense>;
}

function Callout({ period, unitId }: { period: Pick<Period, 'id' | 'name' | 'state'>; unitId?: string | undefined }) {
  const { t } = useReviewTexts();
  return (
    <div className="card row review-callout" role="note" style={{ justifyContent: 'space-between' }}>
      {unitId && period.state === 'review' && <p style={{ margin: 0, flex: '1 1 16rem' }}>{t('review.inReview', { period: period.name })}</p>}
      {unitId
        ? <Link className="button" to={`/units/${unitId}/reviews/${period.id}`}>{period.state === 'review' ? t('review.open') : t('review.read', { period: period.name })}</Link>
        : <Link className="button" to={`/reviews/${period.id}`}>{t('review.orgOpen')}</Link>}
    </div>
  );
}
