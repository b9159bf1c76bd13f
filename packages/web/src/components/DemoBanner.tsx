// Says on every page, while demo data exists, that this is a demo whose password is public, and
// shows admins the way to end it. A labelled note, not a live region: it is there to be found,
// not announced again on every screen.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useSetupState } from '../api/hooks';

export function DemoBanner({ isAdmin = false }: { isAdmin?: boolean }) {
  const { t } = useTranslation();
  const state = useSetupState();
  if (!state.data?.demo) return null;
  return (
    <div className="demo-banner" role="note" aria-label={t('demo.bannerLabel')}>
      <p>
        {t('demo.banner')}
        {isAdmin && <> <Link to="/settings#end-demo">{t('demo.bannerEnd')}</Link></>}
      </p>
    </div>
  );
}
