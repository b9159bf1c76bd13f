// Loading, failure and empty states that say what to do next.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKind, type ErrorKind } from './errorKind';

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

/** Says what really happened (no access, not found, a conflict, offline, a server fault); a
 *  screen can say a kind in its own words (settings: for admins only). */
export function ErrorState({ error, onRetry, messages }: { error: unknown; onRetry?: () => void; messages?: Partial<Record<ErrorKind, string>> }) {
  const { t } = useTranslation();
  const kind = errorKind(error, typeof navigator === 'undefined' || navigator.onLine);
  const message = messages?.[kind] ?? t(`controls.errors.${kind}`);
  return (
    <div className="alert error" role="alert">
      <p style={{ margin: 0 }}>{message}</p>
      {onRetry && <button type="button" className="button small secondary" style={{ marginTop: '.5rem' }} onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return <div className="empty"><strong>{title}</strong>{children}</div>;
}
