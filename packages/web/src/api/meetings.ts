// Data for the weekly meeting (issue 14): one meeting with its agenda, a unit's meetings, and the
// follow-up (meetings held against those due by the unit's cadence) for a unit or for every unit
// at once. Apart from hooks.ts so that only the screens that show meetings carry it.
import { useQuery } from '@tanstack/react-query';
import type { Meeting, MeetingFollowUp, MeetingFollowUps, MeetingPatch, Page } from '@varde/core';
import { api, ApiError, query } from './client';
import { brought } from './firstAnswers';

export type MeetingSummary = Pick<Meeting, 'id' | 'unitId' | 'periodId' | 'kind' | 'facilitatorId' | 'startedAt' | 'endedAt' | 'attendeeIds'>;

export const meetingKeys = {
  one: (id: string) => ['meeting', id] as const,
  list: (unitId: string, periodId: string) => ['meeting', 'list', unitId, periodId] as const,
  followUp: (unitId: string, periodId: string) => ['meeting', 'followUp', unitId, periodId] as const,
  followUpAll: (periodId: string, under = '') => ['meeting', 'followUp', 'all', periodId, under] as const,
};

export const useMeeting = (id: string) => useQuery({
  queryKey: meetingKeys.one(id), queryFn: () => api.get<Meeting>(`/meetings/${id}`), enabled: Boolean(id),
});

/** The unit's meetings in the cycle, newest first (the first page: the unit page shows the latest). */
export const useUnitMeetings = (unitId: string, periodId: string | undefined, limit = 20) => useQuery({
  queryKey: meetingKeys.list(unitId, periodId ?? ''),
  queryFn: () => api.get<Page<MeetingSummary>>(`/meetings${query({ unit: unitId, period: periodId, limit })}`),
  enabled: Boolean(unitId && periodId),
  ...brought<Page<MeetingSummary>>(`/meetings${query({ unit: unitId, period: periodId, limit })}`),
});

export const useUnitFollowUp = (unitId: string, periodId: string | undefined) => useQuery({
  queryKey: meetingKeys.followUp(unitId, periodId ?? ''),
  queryFn: () => api.get<MeetingFollowUp>(`/units/${unitId}/meetings/follow-up${query({ period: periodId })}`),
  enabled: Boolean(unitId && periodId),
  ...brought<MeetingFollowUp>(`/units/${unitId}/meetings/follow-up${query({ period: periodId })}`),
});

/** The follow-up of a unit and the units directly below it, in one read (the organisation page asks
 *  a level at a time as it opens the tree, not per unit, and never for every unit at once). */
export const useFollowUpUnder = (unitId: string | undefined, periodId: string | undefined) => useQuery({
  queryKey: meetingKeys.followUpAll(periodId ?? '', unitId),
  queryFn: async () => (await api.get<MeetingFollowUps>(`/meetings/follow-up${query({ period: periodId, under: unitId })}`)).items,
  enabled: Boolean(periodId) && Boolean(unitId),
  staleTime: 60_000,
});

/**
 * A change to the meeting with its version. Someone else's change meanwhile (409) is read and the
 * change applied once more to the fresh version: the fields a change names are the one person's
 * (the facilitator's item, one item's note), so the later write wins as it would in the room.
 */
export async function patchMeeting(meeting: Pick<Meeting, 'id' | 'version'>, change: Omit<MeetingPatch, 'version'>): Promise<Meeting> {
  try {
    return await api.patch<Meeting>(`/meetings/${meeting.id}`, { ...change, version: meeting.version });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const fresh = await api.get<Meeting>(`/meetings/${meeting.id}`);
    return api.patch<Meeting>(`/meetings/${meeting.id}`, { ...change, version: fresh.version });
  }
}
