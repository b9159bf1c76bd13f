// A key result's open blocker: what its newest check-in names as blocking it, by whom and when.
// Shown under the key result line until a later check-in clears it.
import { useTranslation } from 'react-i18next';
import { ago } from '../i18n/format';

export interface Blocker { text: string; since: string; authorName: string | null }

export function BlockerNote({ blocker, title }: { blocker: Blocker | null | undefined; title?: string }) {
  const { t } = useTranslation();
  if (!blocker) return null;
  const when = ago(t, blocker.since);
  const who = blocker.authorName ? t('blocker.byWhen', { name: blocker.authorName, when }) : when;
  return (
    <p className="blocker-note" aria-label={title ? t('blocker.labelFor', { title }) : undefined} role={title ? 'note' : undefined}>
      <span aria-hidden="true">⚠</span>{' '}
      <strong>{t('blocker.label')}:</strong> <span className="blocker-text">{blocker.text}</span>{' '}
      <span className="small">({who})</span>
    </p>
  );
}
