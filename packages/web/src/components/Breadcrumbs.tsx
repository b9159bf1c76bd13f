// Where a screen sits: a navigation landmark with the path of links above it.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { UnitWithAncestors } from '@varde/core';

export interface Crumb { to: string; label: string }

export function Breadcrumbs({ trail }: { trail: ReadonlyArray<Crumb> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('unit.breadcrumbs')}>
      <ol className="breadcrumbs">
        {trail.map((c) => <li key={c.to}><Link to={c.to}>{c.label}</Link></li>)}
      </ol>
    </nav>
  );
}

/** The organisation page, then every unit from the top down to `unit` (itself included when
 *  `withUnit`), each link keeping the period. Made from the unit's own answer, which lists the
 *  units above it, so no list of the organisation's units is read. */
/** `periodId` null (an objective parked in the backlog): the pages open on their current cycle. */
export function unitTrail(unit: UnitWithAncestors | undefined, periodId: string | null, organisationLabel: string, withUnit: boolean): Crumb[] {
  const path = unit ? [...unit.ancestors, ...(withUnit ? [unit] : [])] : [];
  const query = periodId ? `?period=${periodId}` : '';
  return [{ to: `/organisation${query}`, label: organisationLabel },
    ...path.map((u) => ({ to: `/units/${u.id}${query}`, label: u.name }))];
}
