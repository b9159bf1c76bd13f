// On Mine: the retrospective actions I own that are not done, of any cycle, each marked done here.
import { useState } from 'react';
import { Link } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { MyRetrospectiveAction } from '@varde/core';
import { markActionDone } from '../../api/retrospectives';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/Toast';
import { date } from '../../i18n/format';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';

export default function MyRetrospectiveActions({ actions }: { actions: readonly MyRetrospectiveAction[] }) {
  const { t, i18n } = useRetrospectiveTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = async (a: MyRetrospectiveAction) => {
    if (busy) return;
    setBusy(a.id); setError(null);
    try {
      await markActionDone(a.id);
      await queryClient.invalidateQueries({ queryKey: ['myWork'] });
      void queryClient.invalidateQueries({ queryKey: ['retrospective'] });
      toast(t('mine.markedDone', { text: a.text }));
    } catch (e) { setError(e); } finally { setBusy(null); }
  };
  return (
    <section className="card" aria-labelledby="retro-actions-heading" data-testid="my-retrospective-actions">
      <h2 id="retro-actions-heading">{t('mine.heading', { count: actions.length })}</h2>
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {actions.map((a) => (
          <li key={a.id} className="row" style={{ justifyContent: 'space-between' }}>
            <span><strong>{a.text}</strong><br />
              <Link className="small" to={`/units/${a.unitId}/retrospectives/${a.periodId}`}>{t('mine.from', { unit: a.unitName, period: a.periodName })}</Link>
              {a.dueDate && <span className="small muted"> · {t('mine.due', { date: date(i18n.language, `${a.dueDate}T12:00:00Z`, 'UTC') })}</span>}
            </span>
            <button type="button" className="button secondary small" aria-label={t('mine.markDoneFor', { text: a.text })} onClick={() => void done(a)}>
              {busy === a.id ? t('common.working') : t('mine.markDone')}
            </button>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorState error={error} />}
    </section>
  );
}
