// The weekly meeting's namespace (i18n/meeting/): fetched with the meeting page, so the main screens
// (the key result page is at its JavaScript budget) do not carry the room's words. The few the team
// page's meeting card and the organisation page's follow-up say stay among the app's texts.
import { useTranslation } from 'react-i18next';

export const MEETING_NS = 'meeting';
const MEETING_TEXTS = [MEETING_NS, 'translation'] as const;

/** The t of a meeting part: a key not among the meeting's is looked up among the app's. */
export const useMeetingTexts = () => useTranslation(MEETING_TEXTS, { nsMode: 'fallback' });
