// What the coach says about an objective, a key result or a unit's plan: for each hint what to look
// at, why (a sentence from the practice) and how to fix it, its severity in words and a sign, not in
// colour alone. A member may dismiss a hint with a reason (asked in a small dialog); a dismissed
// hint stays, muted, with the reason, who and when, and can be taken back. Plain elements and one
// lazily loaded dialog: it is drawn on the team page too, whose JavaScript budget is tight.
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hintAbout } from '@varde/core';
import { PLANNING_NS, usePlanningTexts } from '../i18n/planningTexts';
import { Loading } from './States';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { HintSubject, HintView } from '../api/plan';
import { dateTime } from '../i18n/format';
import { formMessage } from './fieldMessages';
import { lazyPart, preloadOn } from './lazyPart';
import { useToast } from './Toast';

const DismissHintDialog = lazyPart(() => import('./DismissHintDialog').then((m) => m.DismissHintDialog));

type HintPart = 'look' | 'why' | 'fix';

/** The coach's sentence for a hint, with what its params name; a count picks the plural form. */
export function hintText(t: TFunction, hint: Pick<HintView, 'code' | 'params'>, part: HintPart): string {
  const count = hint.params.count ?? hint.params.milestones;
  return t(`coach.codes.${hint.code}.${part}`, { ...hint.params, ...(typeof count === 'number' ? { count } : {}) });
}

const hintKey = (subject: HintSubject, h: HintView) => `${subject.kind}:${subject.id}:${h.code}:${hintAbout(h)}`;

function OneHint({ hint, subject, canEdit, onDismiss, onTakeBack, busy }: {
  hint: HintView; subject: HintSubject; canEdit: boolean; onDismiss(): void; onTakeBack(): void; busy: boolean;
}) {
  const { t, i18n } = usePlanningTexts();
  const look = hintText(t, hint, 'look');
  const dismissed = hint.dismissal;
  const explained = (
    <>
      <p className="hint-why"><strong>{t('coach.why')}:</strong> {hintText(t, hint, 'why')}</p>
      <p className="hint-fix"><strong>{t('coach.fix')}:</strong> {hintText(t, hint, 'fix')}</p>
    </>
  );
  return (
    <li className={`hint hint-${hint.severity}${dismissed ? ' dismissed' : ''}`} data-hint-key={hintKey(subject, hint)} data-hint-code={hint.code}
      data-dismissed={dismissed ? 'true' : 'false'}>
      <p className="hint-look">
        <span className="hint-sign" aria-hidden="true">{hint.severity === 'warning' ? '⚠' : 'ℹ'}</span>
        <span className="hint-severity">{dismissed ? t('coach.dismissedTag') : t(`coach.severity.${hint.severity}`)}:</span>{' '}
        <span className="visually-hidden">{t('coach.look')}: </span>{look}
      </p>
      {!dismissed && hint.severity === 'warning' && explained}
      {/* Advice is a second look, not a fault: its reasons open on demand, so a plan's warnings stand out. */}
      {!dismissed && hint.severity === 'advice' && (
        <details className="hint-more">
          <summary>{t('coach.whyAndFix')}</summary>
          {explained}
        </details>
      )}
      {dismissed && (
        <p className="hint-dismissal">
          {t('coach.dismissedBy', { name: dismissed.by?.name ?? t('comments.someone'), when: dateTime(i18n.language, dismissed.at) })} «{dismissed.reason}»
        </p>
      )}
      {canEdit && (
        <div>
          {dismissed
            ? <button type="button" className="button quiet small" data-hint-action="" disabled={busy} aria-label={t('coach.takeBackNamed', { hint: look })} onClick={onTakeBack}>{t('coach.takeBack')}</button>
            : <button type="button" className="button quiet small" data-hint-action="" {...preloadOn(DismissHintDialog)} aria-label={t('coach.dismissNamed', { hint: look })} onClick={onDismiss}>{t('coach.dismiss')}</button>}
        </div>
      )}
    </li>
  );
}

/** The hints about one subject, in the order the coach gives them. `title` names the subject for
 *  the list's label. After a dismissal or a take-back, focus goes to the hint's new button. */
export function HintList({ hints, subject, title, canEdit }: { hints: readonly HintView[]; subject: HintSubject; title: string; canEdit: boolean }) {
  const { t } = usePlanningTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useRef<HTMLUListElement>(null);
  const [dismissing, setDismissing] = useState<HintView | null>(null);
  // The hint whose button takes focus once the page shows it in its new state (dismissed or not).
  const [focusOn, setFocusOn] = useState<{ key: string; dismissed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fresh = hints.map((h) => `${hintKey(subject, h)}:${h.dismissal?.id ?? ''}`).join('|');
  useEffect(() => {
    if (focusOn === null) return;
    const button = list.current?.querySelector<HTMLElement>(`[data-hint-key="${CSS.escape(focusOn.key)}"][data-dismissed="${String(focusOn.dismissed)}"] [data-hint-action]`);
    if (button) { button.focus(); setFocusOn(null); }
  }, [focusOn, fresh]);
  if (hints.length === 0) return null;
  const takeBack = async (h: HintView) => {
    if (!h.dismissal || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.del(`/hints/dismissals/${h.dismissal.id}`);
      setFocusOn({ key: hintKey(subject, h), dismissed: false });
      await queryClient.invalidateQueries();
      toast(t('coach.takenBack'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ul ref={list} className="hint-list" aria-label={t('coach.listLabel', { title })}>
        {hints.map((h) => (
          <OneHint key={hintKey(subject, h)} hint={h} subject={subject} canEdit={canEdit} busy={busy}
            onDismiss={() => setDismissing(h)} onTakeBack={() => void takeBack(h)} />
        ))}
      </ul>
      {error !== null && <div className="alert error" role="alert">{formMessage(t, error, [])}</div>}
      {dismissing && (
        <DismissHintDialog hint={dismissing} subject={subject} look={hintText(t, dismissing, 'look')}
          onClose={(done) => { if (done) setFocusOn({ key: hintKey(subject, dismissing), dismissed: true }); setDismissing(null); }} />
      )}
    </>
  );
}

/** The compact form for a page where the coach is not the point (the team page): a count that opens the list. */
export function HintCount({ hints, subject, title, canEdit }: { hints: readonly HintView[]; subject: HintSubject; title: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // The coach's sentences come when the list is about to be opened.
  const loadTexts = () => { void i18n.loadNamespaces(PLANNING_NS); };
  const id = `hints-${subject.kind}-${subject.id}`;
  if (hints.length === 0) return null;
  const live = hints.filter((h) => !h.dismissal);
  const warning = live.some((h) => h.severity === 'warning');
  const count = live.length;
  return (
    <div className="hint-count">
      <button type="button" className={`chip hint-chip${warning ? ' warning' : ''}`} aria-expanded={open} aria-controls={open ? id : undefined}
        onPointerEnter={loadTexts} onFocus={loadTexts} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{warning ? '⚠' : 'ℹ'}</span> {t('coach.count', { count })}
        {hints.length > count ? <span className="muted"> · {t('coach.countDismissed', { count: hints.length - count })}</span> : null}
        <span className="visually-hidden"> {t('coach.about', { title })}</span>
      </button>
      {open && <div id={id}><Suspense fallback={<Loading />}><HintList hints={hints} subject={subject} title={title} canEdit={canEdit} /></Suspense></div>}
    </div>
  );
}
