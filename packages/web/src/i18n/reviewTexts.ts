// The review's namespace (i18n/review/): fetched with the review page, the
// organisation's view of the reviews or a way to them, so the key result page (at its JavaScript
// budget) never carries it.
import { useTranslation } from 'react-i18next';

export const REVIEW_NS = 'review';
const REVIEW_TEXTS = [REVIEW_NS, 'translation'] as const;

/** The t of a review screen: a key not among the review's is looked up among the app's (common.cancel). */
export const useReviewTexts = () => useTranslation(REVIEW_TEXTS, { nsMode: 'fallback' });
