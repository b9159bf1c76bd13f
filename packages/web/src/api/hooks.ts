// Data for the screens, named for what they return. TanStack Query caches and refreshes it.
import { keepPreviousData, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type {
  AlignmentTarget, CheckIn, CheckInHistory, Initiative, KeyResult, Me, MyWork, ObjectiveWithKeyResults, Objective,
  Organisation, Page, Period, Person, SetupState, Unit, UnitProgress, UnitWithAncestors,
} from '@varde/core';
import { api, query } from './client';
import { brought, broughtItems } from './firstAnswers';
import { namedOnce } from '@varde/core/rules';

export type { SetupState };

export const keys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  myWork: ['myWork'] as const,
  organisation: ['organisation'] as const,
  units: ['units'] as const,
  archivedUnits: ['units', 'archived'] as const,
  periods: ['periods'] as const,
  people: ['people'] as const,
  unit: (id: string) => ['units', 'one', id] as const,
  peopleByIds: (ids: string) => ['people', 'ids', ids] as const,
  members: (unitId: string) => ['people', 'members', unitId] as const,
  peopleNamed: (q: string, limit: number) => ['people', 'named', q, limit] as const,
  unitProgress: (unitId: string, periodId: string, depth?: number) => ['unitProgress', unitId, periodId, depth ?? 'default'] as const,
  history: (unitId: string, periodId: string) => ['history', unitId, periodId] as const,
  objectives: (unitId: string, periodId: string) => ['objectives', unitId, periodId] as const,
  objective: (id: string) => ['objective', id] as const,
  initiatives: (unitId: string, periodId: string) => ['initiatives', unitId, periodId] as const,
  keyResult: (id: string) => ['keyResult', id] as const,
  checkIns: (id: string) => ['checkIns', id] as const,
  alignmentTargets: (periodId: string, q: string) => ['alignmentTargets', periodId, q] as const,
  // Under 'history', which a check-in refreshes (CheckInDialog), as it refreshes the sparklines.
  objectiveHistory: (id: string) => ['history', 'events', 'objective', id] as const,
  keyResultHistory: (id: string) => ['history', 'events', 'keyResult', id] as const,
  unitActivity: (id: string) => ['history', 'events', 'unit', id] as const,
  // Not under 'history': what Mine showed since the last visit stays as it was for the visit.
  myActivity: ['myActivity'] as const,
  audit: (filters: string) => ['audit', filters] as const,
};

type Opts<T> = Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'>;

/** all()'s first page of a list. */
const firstPageOf = (url: string) => `${url}${url.includes('?') ? '&' : '?'}limit=500`;

/** The same for a list that all() reads: the page's first page of it. */
const broughtList = <T>(url: string) => broughtItems<T>(firstPageOf(url));

/** Reads every page of a list. Not for a screen of a large organisation: there the lists of every
 *  unit and every person run to megabytes (settings reads them; the team and key result pages do not). */
export async function all<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep: string = url.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(cursor ? `${url}${sep}limit=500&cursor=${encodeURIComponent(cursor)}` : firstPageOf(url));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const useSetupState = () => useQuery({ queryKey: keys.setup, queryFn: () => api.get<SetupState>('/setup'), ...brought<SetupState>('/setup') });
export const useMe = (opts?: Opts<Me>) => useQuery({ queryKey: keys.me, queryFn: () => api.get<Me>('/me'), retry: false, ...brought<Me>('/me'), ...opts });
export const useMyWork = () => useQuery({ queryKey: keys.myWork, queryFn: () => api.get<MyWork>('/me/work'), ...brought<MyWork>('/me/work') });
export const useOrganisation = () => useQuery({ queryKey: keys.organisation, queryFn: () => api.get<Organisation>('/organisation'), ...brought<Organisation>('/organisation') });
/** One unit with the units above it (its breadcrumb) and what the signed-in person may do with it. */
export const useUnit = (id: string | undefined) => useQuery({
  queryKey: keys.unit(id ?? ''), queryFn: () => api.get<UnitWithAncestors>(`/units/${id}`), enabled: Boolean(id), staleTime: 60_000,
  ...brought<UnitWithAncestors>(`/units/${id}`),
});
export const useUnits = () => useQuery({ queryKey: keys.units, queryFn: () => all<Unit>('/units'), staleTime: 60_000 });
/** Only the archived units: the organisation page lists them without reading every unit. */
export const useArchivedUnits = () => useQuery({ queryKey: keys.archivedUnits, queryFn: () => all<Unit>('/units?archived=true'), staleTime: 60_000 });
export const usePeople = () => useQuery({ queryKey: keys.people, queryFn: () => all<Person>('/people'), staleTime: 60_000 });
/** The most ids one request names (PEOPLE_IDS_MAX on the server). */
const IDS_PER_REQUEST = 100;
/**
 * The people a screen names (owners, authors), asked for by id: a request or two whatever the
 * size of the organisation. `enabled` false waits until every id is known, so the screen asks once.
 */
export const usePeopleByIds = (ids: ReadonlyArray<string | null | undefined>, enabled = true) => {
  const wanted = namedOnce(ids);
  return useQuery({
    queryKey: keys.peopleByIds(wanted.join(',')),
    queryFn: async () => {
      const chunks: string[][] = [];
      for (let i = 0; i < wanted.length; i += IDS_PER_REQUEST) chunks.push(wanted.slice(i, i + IDS_PER_REQUEST));
      const pages = await Promise.all(chunks.map((c) => api.get<Page<Person>>(`/people?ids=${c.join(',')}&limit=${IDS_PER_REQUEST}`)));
      return pages.flatMap((p) => p.items);
    },
    enabled: enabled && wanted.length > 0,
    staleTime: 60_000,
    // The team page's names come in the page (its first answers), when they fit one request.
    ...(wanted.length > 0 && wanted.length <= IDS_PER_REQUEST ? broughtItems<Person>(`/people?ids=${wanted.join(',')}&limit=${IDS_PER_REQUEST}`) : {}),
    // A new owner keeps the names already shown on screen while the new set is read.
    placeholderData: keepPreviousData,
  });
};
/** A unit's members (at most 500, one page). */
export const useMembers = (unitId: string | undefined) => useQuery({
  queryKey: keys.members(unitId ?? ''), queryFn: async () => (await api.get<Page<Person>>(`/people?unit=${unitId}&limit=500`)), enabled: Boolean(unitId), staleTime: 60_000,
});
/** The first `limit` people by name whose name contains `q` (everyone for ''); `nextCursor` says whether there are more. */
export const usePeopleNamed = (q: string, limit: number, enabled = true) => useQuery({
  queryKey: keys.peopleNamed(q, limit),
  queryFn: () => api.get<Page<Person>>(`/people?q=${encodeURIComponent(q)}&limit=${limit}`),
  enabled, staleTime: 60_000, placeholderData: keepPreviousData,
});
export const usePeriods = () => useQuery({ queryKey: keys.periods, queryFn: () => all<Period>('/periods'), staleTime: 60_000, ...broughtList<Period>('/periods') });

/**
 * A unit's objectives and the units below it, each rolled up over its whole subtree. The server
 * lists its children by default (each with `childCount`, its own children left out); `depth` 0
 * lists none, for when only the unit's own figures are shown. `enabled` false waits, e.g. until
 * a unit in the tree is opened.
 */
export const useUnitProgress = (unitId: string | undefined, periodId: string | undefined, { depth, enabled = true }: { depth?: number; enabled?: boolean } = {}) => useQuery({
  queryKey: keys.unitProgress(unitId ?? '', periodId ?? '', depth),
  queryFn: () => api.get<UnitProgress>(`/units/${unitId}/progress${query({ period: periodId, depth })}`),
  enabled: enabled && Boolean(unitId && periodId),
  ...brought<UnitProgress>(`/units/${unitId}/progress${query({ period: periodId, depth })}`),
});
export const useCheckInHistory = (unitId: string | undefined, periodId: string | undefined) => useQuery({
  queryKey: keys.history(unitId ?? '', periodId ?? ''),
  queryFn: () => api.get<CheckInHistory>(`/units/${unitId}/check-in-history${query({ period: periodId })}`),
  enabled: Boolean(unitId && periodId),
  ...brought<CheckInHistory>(`/units/${unitId}/check-in-history${query({ period: periodId })}`),
});
export const useObjectives = (unitId: string | undefined, periodId: string | undefined) => useQuery({
  queryKey: keys.objectives(unitId ?? '', periodId ?? ''),
  queryFn: () => all<Objective>(`/objectives${query({ unit: unitId, period: periodId })}`),
  enabled: Boolean(unitId && periodId),
  ...broughtList<Objective>(`/objectives${query({ unit: unitId, period: periodId })}`),
});
export const useObjective = (id: string | undefined) => useQuery({
  queryKey: keys.objective(id ?? ''), queryFn: () => api.get<ObjectiveWithKeyResults>(`/objectives/${id}`), enabled: Boolean(id),
  ...brought<ObjectiveWithKeyResults>(`/objectives/${id}`),
});
export const useInitiatives = (unitId: string | undefined, periodId: string | undefined) => useQuery({
  queryKey: keys.initiatives(unitId ?? '', periodId ?? ''),
  queryFn: () => all<Initiative>(`/initiatives${query({ unit: unitId, period: periodId })}`),
  enabled: Boolean(unitId && periodId),
  ...broughtList<Initiative>(`/initiatives${query({ unit: unitId, period: periodId })}`),
});
export const useKeyResult = (id: string | undefined) => useQuery({
  queryKey: keys.keyResult(id ?? ''), queryFn: () => api.get<KeyResult>(`/key-results/${id}`), enabled: Boolean(id),
  ...brought<KeyResult>(`/key-results/${id}`),
});
export const useCheckIns = (id: string | undefined) => useQuery({
  queryKey: keys.checkIns(id ?? ''), queryFn: () => all<CheckIn>(`/key-results/${id}/check-ins`), enabled: Boolean(id),
});
export const useAlignmentTargets = (periodId: string | undefined, q: string) => useQuery({
  queryKey: keys.alignmentTargets(periodId ?? '', q),
  queryFn: async () => (await api.get<Page<AlignmentTarget>>(`/alignment-targets${query({ period: periodId, q })}`)).items,
  enabled: Boolean(periodId),
  placeholderData: (previous) => previous,
});
