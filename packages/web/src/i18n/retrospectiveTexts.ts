// The retrospective's namespace (i18n/retrospective/): fetched with the parts that speak it (the
// retrospective page, the team page's card, Mine's actions), so the screens without them do not carry it.
import { useTranslation } from 'react-i18next';

export const RETROSPECTIVE_NS = 'retrospective';
const RETROSPECTIVE_TEXTS = [RETROSPECTIVE_NS, 'translation'] as const;

/** The t of a part that speaks the retrospective's words and the app's: a key not among the
 *  retrospective's is looked up among the app's. */
export const useRetrospectiveTexts = () => useTranslation(RETROSPECTIVE_TEXTS, { nsMode: 'fallback' });
