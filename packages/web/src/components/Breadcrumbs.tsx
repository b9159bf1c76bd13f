// Where a screen sits: a navigation landmark with the path of links above it.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@varde/core';

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

/** The organisation page, then every unit from the top down to `unitId` (itself included when
 *  `withUnit`), each link keeping the period. Made from the cached unit list, so no extra request. */
export function unitTrail(units: readonly Unit[] | undefined, unitId: string | undefined, periodId: string, organisationLabel: string, withUnit: boolean): Crumb[] {
  const byId = new Map((units ?? []).map((u) => [u.id, u]));
  const path: Unit[] = [];
  const start = unitId ? byId.get(unitId) : undefined;
  for (let at = withUnit ? start : start?.parentId ? byId.get(start.parentId) : undefined; at; at = at.parentId ? byId.get(at.parentId) : undefined) path.unshift(at);
  return [{ to: `/organisation?period=${periodId}`, label: organisationLabel },
    ...path.map((u) => ({ to: `/units/${u.id}?period=${periodId}`, label: u.name }))];
}
