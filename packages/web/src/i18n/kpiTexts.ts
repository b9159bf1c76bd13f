// The KPIs' namespace (i18n/kpi/): fetched with the first KPI board, page or dialog, so the
// screens that show none (the key result page is at its JavaScript budget) do not carry it.
import { useTranslation } from 'react-i18next';

export const KPI_NS = 'kpi';
const KPI_TEXTS = [KPI_NS, 'translation'] as const;

/** The t of a KPI part: a key not among the KPIs' is looked up among the app's (common.cancel). */
export const useKpiTexts = () => useTranslation(KPI_TEXTS, { nsMode: 'fallback' });
