// The facilitated retrospective, on the shared screen of the meeting room: one question at a time
// in large type with its note, the mood vote with the first question and the actions last, a timer
// for the two hours, and keys to step through (as the weekly meeting's facilitator has).
import { useEffect, useRef, useState } from 'react';
import type { Retrospective } from '@varde/core';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';
import { clock } from '../meeting/meetingControls';
import { facilitationCommandOf, RETROSPECTIVE_MS, STEPS, stepShareMs } from './facilitationControls';
import { NoteField } from './NoteField';
import { MoodVote } from './MoodVote';
import { ActionsEditor } from './ActionsEditor';

/** A key pressed in a field is the field's. */
function isForThePage(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="radiogroup"]'))) return false;
  return !document.querySelector('.modal-overlay');
}

export function Facilitation({ retro, trail, onLeave }: { retro: Retrospective; trail: Array<{ label: string; to: string }>; onLeave(): void }) {
  const { t } = useRetrospectiveTexts();
  const [step, setStep] = useState(0);
  const [said, setSaid] = useState('');
  const [startedAt] = useState(() => Date.now());
  const [stepSince, setStepSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const note = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const current = STEPS[step]!;
  const titleOf = (s: (typeof STEPS)[number]) => (s === 'actions' ? t('facilitate.actionsStep') : t(`questions.${s}.title`));
  const go = (to: number) => {
    const next = Math.max(0, Math.min(STEPS.length - 1, to));
    if (next === step) return;
    setStep(next);
    setStepSince(Date.now());
    setSaid(t('facilitate.announced', { n: next + 1, total: STEPS.length, title: titleOf(STEPS[next]!) }));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = facilitationCommandOf(e);
      if (!command) return;
      // Escape leaves a field first (its own), then the facilitation.
      if (command === 'leave') {
        const target = e.target as HTMLElement | null;
        if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) { target.blur(); return; }
        e.preventDefault(); onLeave(); return;
      }
      if (!isForThePage(e)) return;
      if (command === 'next') { e.preventDefault(); go(step + 1); }
      else if (command === 'previous') { e.preventDefault(); go(step - 1); }
      else if (command === 'note' && current !== 'actions') { e.preventDefault(); note.current?.focus(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const elapsed = now - startedAt;
  const onStep = now - stepSince;
  const over = elapsed > RETROSPECTIVE_MS;
  return (
    <div className="stack retro-screen" data-testid="retro-facilitation">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={trail} />
          <p className="muted" style={{ margin: 0 }}>{t('title', { unit: retro.unitName })} · {retro.periodName}</p>
        </div>
        <div className={`meeting-timer${over ? ' over' : ''}`} data-testid="retro-timer">
          <div role="timer" aria-label={t('facilitate.timerLabel')} className="meeting-clock">
            {t('facilitate.timerOf', { elapsed: clock(elapsed), total: clock(RETROSPECTIVE_MS) })}
          </div>
          <p className={`small${onStep > stepShareMs ? ' item-over' : ''}`} style={{ margin: 0 }} aria-hidden="true">
            {t('facilitate.share', { spent: clock(onStep), share: clock(stepShareMs) })}
          </p>
        </div>
        <button type="button" className="button secondary" aria-keyshortcuts="Escape" onClick={onLeave}>{t('facilitate.stop')}</button>
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="retro-announcer">{said}</div>
      <nav aria-label={t('facilitate.nav')}>
        <ol className="phase-steps">
          {STEPS.map((s, i) => (
            <li key={s}><button type="button" className="agenda-step" aria-current={i === step ? 'step' : undefined} onClick={() => go(i)}>{i + 1}. {titleOf(s)}</button></li>
          ))}
        </ol>
      </nav>

      <section className="card stack" aria-labelledby="retro-step-heading">
        <p className="muted" style={{ margin: 0 }}>{t('facilitate.step', { n: step + 1, total: STEPS.length })}</p>
        <h1 id="retro-step-heading" ref={heading} className="retro-question">{current === 'actions' ? t('facilitate.actionsStep') : t(`questions.${current}.text`)}</h1>
        {current !== 'actions' && <NoteField key={current} ref={note} retro={retro} question={current} />}
      </section>
      {current === 'mood' && <MoodVote retro={retro} compact />}
      {current === 'actions' && <ActionsEditor retro={retro} />}

      <div className="row meeting-nav">
        {/* aria-disabled, not disabled: a disabled button drops the focus to the page at the first and last step. */}
        <button type="button" className="button secondary" aria-keyshortcuts="P ArrowLeft" aria-disabled={step === 0} style={step === 0 ? { opacity: 0.5 } : undefined} onClick={() => go(step - 1)}>← {t('facilitate.previous')}</button>
        <button type="button" className="button" aria-keyshortcuts="N ArrowRight" aria-disabled={step === STEPS.length - 1} style={step === STEPS.length - 1 ? { opacity: 0.5 } : undefined} onClick={() => go(step + 1)}>{t('facilitate.next')} →</button>
        <p className="small muted" style={{ margin: 0 }}>{t('facilitate.keys')}</p>
      </div>
    </div>
  );
}
