// The organisation in one view, the pyramid made visible: mission, vision, values and themes;
// the Moals of the year; and the unit tree with each unit's rolled-up progress for the period.
import { createContext, lazy, memo, Suspense, useContext, useDeferredValue, useMemo, useState, type CSSProperties } from 'react';
import { Link } from 'wouter';
import { ReviewCallout } from '../review/ReviewCallout';
import { useTranslation } from 'react-i18next';
import type { MeetingFollowUp, Period, UnitProgressNode } from '@varde/core';
import { useArchivedUnits, useOrganisation, useUnitProgress } from '../../api/hooks';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { PeriodSwitcher } from '../../components/PeriodSwitcher';
import { usePeriodChoice } from '../../components/usePeriodChoice';
import { Empty, ErrorState, Loading } from '../../components/States';
import { date } from '../../i18n/format';
import { useFollowUpUnder } from '../../api/meetings';
import { WhenVisible } from '../../components/WhenVisible';
import { useFirstViewDone } from '../../components/firstView';

// Below the tree: the KPIs' code, texts and data come when the reader gets there.
const KpiBoard = lazy(() => import('../kpi/KpiBoard'));

/** Each shown unit's meeting follow-up: read with its parent's level (a request per opened unit, as its children's progress is, never one per unit). */
const FollowUps = createContext<ReadonlyMap<string, MeetingFollowUp>>(new Map());

/** Whether the unit's meetings keep its cadence: compact, beside its name, only for units with meetings due. */
function MeetingCadence({ unitId, isTeam }: { unitId: string; isTeam: boolean }) {
  const { t } = useTranslation();
  const f = useContext(FollowUps).get(unitId);
  // Teams hold the weekly meeting; another unit is shown once it has held one.
  if (!f || (f.held === 0 && (!isTeam || f.due === 0))) return null;
  return (
    <span className="small" data-testid="meeting-cadence">{' · '}
      <span className={f.keepsCadence ? 'muted' : 'cadence-behind'}>
        {!f.keepsCadence && <span aria-hidden="true">▲ </span>}{t('meeting.cadenceShort', { held: f.held, due: f.due })}
      </span>
    </span>
  );
}

/**
 * A unit in the tree. The page's answer lists the root's children; a unit further down comes with
 * its childCount only, and its children are asked for (the unit's own progress answer) when it is
 * opened, so the page costs what its first level costs, however large the organisation. A row
 * holds no read of its own until it is opened (TreeChildren), and is drawn again only when its
 * unit's figures change: a level of many units is cheap to draw.
 */
const TreeNode = memo(function TreeNode({ node, periodId, cycleId, depth }: { node: UnitProgressNode; periodId: string; cycleId: string | undefined; depth: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(depth < 1);
  const hasChildren = node.childCount > 0;
  const listId = `children-${node.unit.id}`;
  return (
    <li>
      <div className="tree-row">
        {/* Depth indents the name only, so that every unit's bar sits in the same column. */}
        <div className="tree-name" style={{ '--depth': depth } as CSSProperties}>
          {hasChildren ? (
            <button type="button" className="disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}
              aria-label={t(open ? 'organisation.collapse' : 'organisation.expand', { name: node.unit.name })}>{open ? '−' : '+'}</button>
          ) : <span className="disclosure-space" />}
          <span>
            <Link to={`/units/${node.unit.id}?period=${periodId}`}>{node.unit.name}</Link>
            <span className="muted small"> · {t(`unitKind.${node.unit.kind}`)} · {t('organisation.objectiveCount', { count: node.subtreeObjectiveCount })}</span>
            <MeetingCadence unitId={node.unit.id} isTeam={node.unit.kind === 'team'} />
          </span>
        </div>
        <ProgressBar progress={node.progress} expected={node.expectedProgress} status={node.trackStatus} reading={node.reading} label={t('unit.progressOf', { name: node.unit.name })} />
        <TrackBadge status={node.trackStatus} reading={node.reading} />
      </div>
      {hasChildren && open && <TreeChildren node={node} listId={listId} periodId={periodId} cycleId={cycleId} depth={depth} />}
    </li>
  );
});

/** An opened unit's children, from its own answer unless the answer above listed them. */
function TreeChildren({ node, listId, periodId, cycleId, depth }: { node: UnitProgressNode; listId: string; periodId: string; cycleId: string | undefined; depth: number }) {
  const { t } = useTranslation();
  const listed = node.children.length === node.childCount;
  const below = useUnitProgress(node.unit.id, periodId, { enabled: !listed });
  const children = listed ? node.children : below.data?.children;
  // The root's level comes with the page's own read; a unit opened further down reads its children's.
  const levelFollowUp = useFollowUpUnder(depth > 0 ? node.unit.id : undefined, cycleId);
  const inherited = useContext(FollowUps);
  const followUps = useMemo(() => (levelFollowUp.data ? new Map([...inherited, ...levelFollowUp.data.map((f) => [f.unitId, f] as const)]) : inherited),
    [inherited, levelFollowUp.data]);
  return (
    <ul className="tree" id={listId} aria-busy={!children && !below.error}>
      {children ? <FollowUps.Provider value={followUps}>{children.map((c) => <TreeNode key={c.unit.id} node={c} periodId={periodId} cycleId={cycleId} depth={depth + 1} />)}</FollowUps.Provider> : (
        <li>
          {/* Where the children will be, indented as they will be. */}
          <div className="tree-row">
            <div className="tree-name" style={{ '--depth': depth + 1 } as CSSProperties}>
              <span className="disclosure-space" />
              {below.error ? <ErrorState error={below.error} onRetry={() => void below.refetch()} />
                : <p className="muted small" role="status" style={{ margin: 0 }}>{t('organisation.loadingChildren', { name: node.unit.name })}</p>}
            </div>
          </div>
        </li>
      )}
    </ul>
  );
}

/** Archived units are left out of the tree and its roll-up; here they are listed on request. */
function ArchivedUnits({ periodId }: { periodId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const units = useArchivedUnits();
  const [shown, setShown] = useState(false);
  const archived = (units.data ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
  if (archived.length === 0) return null;
  return (
    <div style={{ marginTop: '.8rem' }}>
      <button type="button" className="button secondary small" aria-pressed={shown} onClick={() => setShown(!shown)} aria-controls={shown ? 'archived-units' : undefined}>
        {t('unitArchive.showArchived', { count: archived.length })}
      </button>
      {shown && (
        <ul id="archived-units" aria-label={t('unitArchive.archivedList')} style={{ margin: '.6rem 0 0', paddingLeft: '1.1rem' }}>
          {archived.map((u) => (
            <li key={u.id}>
              <Link to={`/units/${u.id}${periodId ? `?period=${periodId}` : ''}`}>{u.name}</Link>
              <span className="muted small"> · {t(`unitKind.${u.kind}`)} · {t('unitArchive.archivedShort', { date: date(i18n.language, u.archivedAt!) })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const org = useOrganisation();
  const { period, periods, isLoading } = usePeriodChoice();
  // The organisation names its root unit, so the page asks for no list of every unit.
  const rootId = org.data?.rootUnitId ?? undefined;
  const year = period ? periods.find((p) => p.kind === 'year' && p.startDate <= period.startDate && p.endDate >= period.endDate) : undefined;
  // The strategy is drawn as soon as the organisation has come; the units under it, and their
  // reads, start in the next render, which React may pause: the two are not one long stretch.
  const strategyDrawn = useDeferredValue(!isLoading && Boolean(org.data));

  useFirstViewDone(!isLoading && !org.isLoading);
  if (isLoading || org.isLoading) return <Loading />;
  if (org.error || !org.data) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  const s = org.data.strategy;

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow"><h1>{org.data.name}</h1><p className="muted lead">{t('organisation.lead')}</p></div>
        <PeriodSwitcher />
      </div>
      {period && <ReviewCallout period={period} />}

      <section className="card pyramid" aria-labelledby="strategy-heading">
        <h2 id="strategy-heading">{t('organisation.strategy')}</h2>
        {!s.mission && !s.vision && s.values.length === 0 && <p className="muted">{t('organisation.noStrategy')}</p>}
        {s.mission && <div className="pyramid-level"><span className="tag">{t('organisation.mission')}</span><p>{s.mission}</p></div>}
        {s.vision && <div className="pyramid-level"><span className="tag">{t('organisation.vision')}</span><p>{s.vision}</p></div>}
        {s.values.length > 0 && (
          <div className="pyramid-level"><span className="tag">{t('organisation.values')}</span>
            <ul className="values">{s.values.map((v) => <li key={v} className="chip">{v}</li>)}</ul></div>
        )}
        {s.themes.length > 0 && (
          <div className="pyramid-level"><span className="tag">{t('organisation.themes')}</span>
            <ul className="pyramid-themes">{s.themes.map((th) => <li key={th.title}><strong>{th.title}</strong>{th.description ? ` — ${th.description}` : ''}</li>)}</ul></div>
        )}
      </section>

      {strategyDrawn ? <OrganisationUnits key={`${period?.id ?? ''} ${year?.id ?? ''}`} rootId={rootId} period={period} year={year} name={org.data.name} /> : <Loading />}
    </div>
  );
}

/**
 * The Moals of the year, the unit tree and the KPIs under the strategy: their reads are owned here,
 * so an answer draws this part of the page and not the strategy above it, and the Moals and the
 * tree are drawn together once every read they show is in (drawn as each came, the Moals pushed
 * the tree down the screen, and the tree what stood below it), in a render React may pause.
 */
const OrganisationUnits = memo(function OrganisationUnits({ rootId, period, year, name }: {
  rootId: string | undefined; period: Period | undefined; year: Period | undefined; name: string;
}) {
  const { t } = useTranslation();
  const tree = useUnitProgress(rootId, period?.id);
  // The Moals are the root's own objectives for the year: no units below it are needed.
  const moals = useUnitProgress(rootId, year?.id, { depth: 0 });
  const followUp = useFollowUpUnder(rootId, period?.kind === 'cycle' ? period.id : undefined);
  const archived = useArchivedUnits();
  const ready = ![tree, moals, followUp, archived].some((q) => q.isLoading);
  const view = useMemo(() => (ready ? { tree: tree.data, moals: moals.data, followUp: followUp.data } : undefined), [ready, tree.data, moals.data, followUp.data]);
  // Null, until the render React may pause draws what was read (read before, it may be in at once).
  const shown = useDeferredValue<typeof view | null>(view, null);
  const followUps = useMemo(() => new Map((shown?.followUp ?? []).map((f) => [f.unitId, f])), [shown?.followUp]);
  if (!shown) return <Loading />;
  return (
    <>
      <section className="card" aria-labelledby="moals-heading">
        <h2 id="moals-heading">{t('organisation.moals', { year: year?.name ?? '' })}</h2>
        {!year && <p className="muted">{t('organisation.noYear')}</p>}
        {shown.moals && shown.moals.objectives.length === 0 && <p className="muted">{t('organisation.noMoals')}</p>}
        {shown.moals && shown.moals.objectives.length > 0 && (
          <ul className="tree">
            {shown.moals.objectives.map((m) => (
              <li key={m.id} className="tree-row">
                <span><strong>{m.title}</strong> <span className="muted small">· {t('organisation.keyResultCount', { count: m.keyResults.length })}</span></span>
                <ProgressBar progress={m.progress} expected={m.expectedProgress} status={m.trackStatus} reading={m.reading} label={t('objective.progressOf', { title: m.title })} />
                <TrackBadge status={m.trackStatus} reading={m.reading} />
              </li>
            ))}
          </ul>
        )}
        {rootId && year && <p className="small" style={{ marginBottom: 0 }}><Link to={`/units/${rootId}?period=${year.id}`}>{t('organisation.openMoals')}</Link></p>}
      </section>

      <section className="card" aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t('organisation.tree', { period: period?.name ?? '' })}</h2>
        {!period && <Empty title={t('unit.noPeriod')}>{t('unit.noPeriodHint')}</Empty>}
        {tree.error && <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />}
        {shown.tree && period && (
          <ul className="tree">
            <FollowUps.Provider value={followUps}><TreeNode node={shown.tree} periodId={period.id} cycleId={period.kind === 'cycle' ? period.id : undefined} depth={0} /></FollowUps.Provider>
          </ul>
        )}
        <ArchivedUnits periodId={period?.id} />
      </section>

      {rootId && (
        <WhenVisible>
          <Suspense fallback={<Loading />}><KpiBoard scope={{ under: rootId }} name={name} showUnit /></Suspense>
        </WhenVisible>
      )}
    </>
  );
});
