// The retrospective's namespace (i18n/retrospective/): its loaders are registered here, in the chunks
// of the parts that speak it (the retrospective page, the team page's card, Mine's actions), so the
// screens without them carry neither the texts nor the code that fetches them.
import { useTranslation } from 'react-i18next';
import { partTexts } from './index';

export const RETROSPECTIVE_NS = 'retrospective';
const RETROSPECTIVE_TEXTS = [RETROSPECTIVE_NS, 'translation'] as const;

partTexts[RETROSPECTIVE_NS] = {
  nb: () => import('./retrospective/nb.json'),
  sv: () => import('./retrospective/sv.json'),
  en: () => import('./retrospective/en.json'),
};

/** The t of a part that speaks the retrospective's words and the app's: a key not among the
 *  retrospective's is looked up among the app's. */
export const useRetrospectiveTexts = () => useTranslation(RETROSPECTIVE_TEXTS, { nsMode: 'fallback' });
