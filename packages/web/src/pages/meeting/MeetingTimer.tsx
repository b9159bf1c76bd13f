// The fifteen minutes (article 004): the time since the meeting started, the share each agenda
// item has and how long the one on screen has taken. It ticks on screen only: role "timer" is not
// read out as it changes, so a screen reader hears the time when it asks, and one announcement
// (onOver) when the meeting runs over. The signal is quiet: a colour, a mark and words, no sound.
import { useEffect, useRef, useState } from 'react';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import { clock, itemShareMs, MEETING_MS as TOTAL_MS } from './meetingControls';

export function MeetingTimer({ startedAt, items, shown, onOver }: { startedAt: string; items: number; shown: number; onOver(): void }) {
  const { t } = useMeetingTexts();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The item's own time starts when it is shown.
  const itemSince = useRef({ shown, at: Date.now() });
  if (itemSince.current.shown !== shown) itemSince.current = { shown, at: Date.now() };
  const elapsed = now - new Date(startedAt).getTime();
  const share = itemShareMs(items);
  const onItem = now - itemSince.current.at;
  const over = elapsed > TOTAL_MS;
  const told = useRef(over);
  useEffect(() => {
    if (over && !told.current) { told.current = true; onOver(); }
  }, [over, onOver]);
  return (
    <div className={`meeting-timer${over ? ' over' : ''}`} data-testid="meeting-timer">
      <div role="timer" aria-label={t('meeting.timerLabel')} className="meeting-clock">
        {over && <span aria-hidden="true">⏰ </span>}
        {t('meeting.timerOf', { elapsed: clock(elapsed), total: clock(TOTAL_MS) })}
      </div>
      {over && <p className="meeting-over" style={{ margin: 0 }}>{t('meeting.overBy', { time: clock(elapsed - TOTAL_MS) })}</p>}
      {items > 0 && (
        <p className={`small${onItem > share ? ' item-over' : ''}`} style={{ margin: 0 }} aria-hidden="true">
          {t('meeting.itemShare', { spent: clock(onItem), share: clock(share) })}
        </p>
      )}
    </div>
  );
}
