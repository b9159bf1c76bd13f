// The planning workshop's and the coach's namespace (i18n/planning/), apart from i18n/index.ts so
// the parts that speak it can be loaded without starting i18next (in tests too).
import { useTranslation } from 'react-i18next';

export const PLANNING_NS = 'planning';
const PLANNING_TEXTS = [PLANNING_NS, 'translation'] as const;

/** The t of a part that speaks both the workshop's words and the app's: a key not among the
 *  workshop's is looked up among the app's. */
export const usePlanningTexts = () => useTranslation(PLANNING_TEXTS, { nsMode: 'fallback' });
