// An edit under way is never overwritten by someone else's change: the dialog keeps what it was
// opened with, and this notice in it says who changed the object meanwhile, with a button that
// reads it again (dropping what was typed, which the person chooses to do). Reloadable is the
// dialog's side: it holds the object and opens the form anew with the fresh copy.
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventEntry } from '@varde/core';
import { useMe } from '../api/hooks';
import { onLiveEvent } from '../api/live';

/** The latest change by someone else that `about` says concerns the dialog's object. */
export function useChangedElsewhere(about: (e: EventEntry) => boolean): [EventEntry | null, () => void] {
  const me = useMe().data?.person.id;
  const [changed, setChanged] = useState<EventEntry | null>(null);
  const test = useRef(about);
  test.current = about;
  useEffect(() => onLiveEvent((e) => { if (e.actor?.id !== me && test.current(e)) setChanged(e); }), [me]);
  return [changed, () => setChanged(null)];
}

export function ChangedElsewhere({ about, onReload, describe }: {
  about: (e: EventEntry) => boolean;
  /** Reads the object again and starts the form from it; without it the notice only tells. */
  onReload?: (() => void) | undefined;
  /** The words for a change, when the default ("changed this meanwhile") does not fit. */
  describe?: ((e: EventEntry) => string | null) | undefined;
}) {
  const { t } = useTranslation();
  const [changed, dismiss] = useChangedElsewhere(about);
  if (!changed) return null;
  const name = changed.actor?.name ?? 'Varde';
  const deleted = changed.type.endsWith('.deleted');
  const text = describe?.(changed) ?? t(deleted ? 'live.elsewhere.deleted' : 'live.elsewhere.changed', { name });
  return (
    <div className="changed-elsewhere" role="note" data-testid="changed-elsewhere">
      <p>{text}</p>
      {onReload && !deleted && <button type="button" className="button small secondary" onClick={() => { dismiss(); onReload(); }}>{t('live.elsewhere.reload')}</button>}
    </div>
  );
}

/** Holds a dialog's object and, on reload(), reads it afresh and draws the dialog again from it. */
export function Reloadable<T>({ initial, read, children }: {
  initial: T; read: (current: T) => Promise<T>; children: (current: T, reload: () => void) => ReactNode;
}) {
  const [state, setState] = useState({ current: initial, generation: 0 });
  const reload = () => {
    void read(state.current).then((fresh) => setState((s) => ({ current: fresh, generation: s.generation + 1 })), () => {});
  };
  return <Fragment key={state.generation}>{children(state.current, reload)}</Fragment>;
}
