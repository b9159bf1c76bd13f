// The weekly meeting (issue 14, article 004): while it runs, the room where the team goes through
// its three questions; once ended, its record. Both at /meetings/:meetingId, so the link the team
// shared in the meeting is the link to its record afterwards.
import { useEffect } from 'react';
import { useParams } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { onLiveEvent } from '../../api/live';
import { meetingKeys, useMeeting } from '../../api/meetings';
import { ErrorState, Loading } from '../../components/States';
import { MeetingRoom } from './MeetingRoom';
import { MeetingRecord } from './MeetingRecord';

/** What the agenda is made of: a change to any of it, by anyone, is read again. */
const AGENDA_KINDS = new Set(['checkIn', 'keyResult', 'initiative', 'dependency', 'objective']);

export default function MeetingPage() {
  const { meetingId = '' } = useParams();
  const queryClient = useQueryClient();
  const meeting = useMeeting(meetingId);
  const unitId = meeting.data?.unitId;

  useEffect(() => onLiveEvent((e) => {
    const kind = e.subject.kind as string;
    const ours = (kind === 'meeting' && e.subject.id === meetingId)
      || (AGENDA_KINDS.has(kind) && (!e.subject.unitId || e.subject.unitId === unitId || kind === 'dependency'));
    if (ours) void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
  }), [meetingId, unitId, queryClient]);

  if (meeting.isLoading) return <Loading />;
  if (!meeting.data) return <ErrorState error={meeting.error ?? { status: 404 }} onRetry={() => void meeting.refetch()} />;
  return meeting.data.endedAt ? <MeetingRecord meeting={meeting.data} /> : <MeetingRoom meeting={meeting.data} />;
}
