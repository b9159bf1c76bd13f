// Where a screen sits: a navigation landmark with the path of links above it.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Breadcrumbs({ trail }: { trail: ReadonlyArray<{ to: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('unit.breadcrumbs')}>
      <ol className="breadcrumbs">
        {trail.map((c) => <li key={c.to}><Link to={c.to}>{c.label}</Link></li>)}
      </ol>
    </nav>
  );
}
