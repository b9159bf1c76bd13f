// Loading, failure and empty states that say what to do next.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const message = status === 404 ? t('errors.notFound') : status === 403 ? t('errors.forbidden') : status === 0 ? t('errors.network') : t('errors.generic');
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
