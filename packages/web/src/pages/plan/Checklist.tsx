// Article 004's four questions for the unit's plan, each answered yes, partly or no with a note,
// saved with the plan's version (someone else's save meanwhile is said, and theirs shown); and
// publishing, which the server refuses (422, naming the checklist) while a question is unanswered.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usePlanningTexts } from '../../i18n/planningTexts';
import { useQueryClient } from '@tanstack/react-query';
import type { ChecklistItem, Plan } from '@varde/core';
import { api, ApiError } from '../../api/client';
import { planKeys, planPath } from '../../api/plan';
import { formMessage } from '../../components/fieldMessages';
import { useToast } from '../../components/Toast';
import { dateTime, list } from '../../i18n/format';

type Answer = NonNullable<ChecklistItem['answer']>;
const ANSWERS: readonly Answer[] = ['yes', 'partly', 'no'];

const same = (a: readonly ChecklistItem[], b: readonly ChecklistItem[]) => JSON.stringify(a) === JSON.stringify(b);

function Question({ item, n, onChange, disabled }: { item: ChecklistItem; n: number; onChange(next: ChecklistItem): void; disabled: boolean }) {
  const { t } = usePlanningTexts();
  const id = useId();
  return (
    <fieldset className="checklist-question" data-unanswered={item.answer === null ? '' : undefined} data-question={item.question}>
      <legend>{n}. {t(`workshop.questions.${item.question}`)}</legend>
      <div className="answer-choices">
        {ANSWERS.map((a) => (
          <label key={a}>
            <input type="radio" name={`${id}-answer`} value={a} checked={item.answer === a} disabled={disabled}
              onChange={() => onChange({ ...item, answer: a })} />
            {t(`workshop.answers.${a}`)}
          </label>
        ))}
      </div>
      {item.answer === null && <p className="small muted" style={{ margin: 0 }}>{t('workshop.notAnswered')}</p>}
      <div className="field checklist-note">
        <label htmlFor={`${id}-note`}>{t('workshop.note')}</label>
        <textarea id={`${id}-note`} value={item.note} rows={2} disabled={disabled} onChange={(e) => onChange({ ...item, note: e.target.value })} />
      </div>
    </fieldset>
  );
}

export function Checklist({ plan }: { plan: Plan }) {
  const { t, i18n } = usePlanningTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  // The answers being given here, and the plan's version they started from: a save by someone else
  // is taken in while nothing is typed here, and never over what is.
  const [base, setBase] = useState({ version: plan.version, checklist: plan.checklist });
  const [items, setItems] = useState<ChecklistItem[]>(plan.checklist);
  const [message, setMessage] = useState<{ kind: 'error' | 'note'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = !same(items, base.checklist);
  useEffect(() => {
    if (plan.version === base.version) return;
    if (!dirty) { setBase({ version: plan.version, checklist: plan.checklist }); setItems(plan.checklist); }
  }, [plan.version, plan.checklist, base.version, dirty]);
  const canEdit = plan.can.edit;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api.patch<Plan>(planPath(plan.unitId, plan.periodId), { version: base.version, checklist: items });
      queryClient.setQueryData(planKeys.plan(plan.unitId, plan.periodId), saved);
      setBase({ version: saved.version, checklist: saved.checklist });
      setItems(saved.checklist);
      toast(t('workshop.answersSaved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Theirs are read and shown; the reader gives their answers again over them.
        const fresh = await queryClient.fetchQuery({ queryKey: planKeys.plan(plan.unitId, plan.periodId), queryFn: () => api.get<Plan>(planPath(plan.unitId, plan.periodId)) }).catch(() => null);
        if (fresh) { setBase({ version: fresh.version, checklist: fresh.checklist }); setItems(fresh.checklist); }
        setMessage({ kind: 'error', text: t('workshop.answersStale') });
      } else setMessage({ kind: 'error', text: formMessage(t, err, []) });
    } finally {
      setBusy(false);
    }
  };
  const changedMeanwhile = dirty && plan.version !== base.version;

  return (
    <section className="card stack" aria-labelledby="checklist-heading" style={{ gap: '.7rem' }}>
      <div>
        <h2 id="checklist-heading">{t('workshop.checklist')}</h2>
        <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.checklistLead')}</p>
      </div>
      <form className="stack" style={{ gap: '.7rem' }} noValidate onSubmit={(e) => void save(e)}>
        {message && <div className={message.kind === 'error' ? 'alert error' : 'alert info'} role="alert">{message.text}</div>}
        {changedMeanwhile && <p className="changed-elsewhere" role="note">{t('workshop.answersStale')}</p>}
        {items.map((item, i) => (
          <Question key={item.question} item={item} n={i + 1} disabled={!canEdit}
            onChange={(next) => setItems(items.map((x) => (x.question === next.question ? next : x)))} />
        ))}
        {canEdit && <div><button type="submit" className="button">{busy ? t('common.working') : t('workshop.saveAnswers')}</button></div>}
      </form>
      {canEdit && <PublishPart plan={plan} unsaved={dirty} lang={i18n.language} />}
      {plan.publishedAt && <p className="small muted" style={{ margin: 0 }}>{t('workshop.publishedBy', { name: plan.publishedBy?.name ?? t('comments.someone'), when: dateTime(i18n.language, plan.publishedAt) })}</p>}
    </section>
  );
}

/** Publishing: what still stands in the way is said beside the button, which the reader may press
 *  anyway (the server decides, and its refusal is said in words naming the checklist). */
function PublishPart({ plan, unsaved, lang }: { plan: Plan; unsaved: boolean; lang: string }) {
  const { t } = usePlanningTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const noteId = useId();
  const unanswered = plan.checklist.filter((c) => c.answer === null);
  const drafts = plan.objectives.filter((o) => o.status === 'draft');
  useEffect(() => { if (outcome) result.current?.focus(); }, [outcome]);
  const questions = list(lang, unanswered.map((c) => `«${t(`workshop.questions.${c.question}`)}»`));
  const publish = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      await api.post(`${planPath(plan.unitId, plan.periodId)}/publish`, { version: plan.version });
      const text = t('workshop.publishedNow', { count: drafts.length });
      setOutcome({ kind: 'done', text });
      toast(text);
    } catch (err) {
      const refusal = err instanceof ApiError && err.status === 422 ? err.errors.find((e) => e.field === 'checklist' || e.field.startsWith('checklist.')) : undefined;
      // The server names the open questions; as it knows them, which may be newer than this page.
      const open = typeof refusal?.params?.questions === 'string' ? refusal.params.questions.split(',').filter(Boolean) : unanswered.map((c) => c.question);
      setOutcome({ kind: 'error', text: refusal
        ? t('workshop.publishRefusedChecklist', { questions: list(lang, open.map((q) => `«${t(`workshop.questions.${q}`)}»`)) })
        : formMessage(t, err, []) });
    } finally {
      // Not awaited: the message says what happened, and the page's reads come in behind it.
      void queryClient.invalidateQueries();
      setBusy(false);
    }
  };
  return (
    <div className="stack" style={{ gap: '.5rem', borderTop: '1px solid var(--line)', paddingTop: '.7rem' }} aria-labelledby="publish-heading" role="group">
      <h3 id="publish-heading">{t('workshop.publishTitle')}</h3>
      <p className="small muted" style={{ margin: 0 }}>{t('workshop.publishLead')}</p>
      {outcome && <div ref={result} tabIndex={-1} className={outcome.kind === 'error' ? 'alert error' : 'alert info'} role={outcome.kind === 'error' ? 'alert' : 'status'}>{outcome.text}</div>}
      <div id={noteId}>
        {unanswered.length > 0 && <p className="small" style={{ margin: 0 }}><span aria-hidden="true">⚠ </span>{t('workshop.unansweredNote', { count: unanswered.length, questions })}</p>}
        {unsaved && <p className="small" style={{ margin: 0 }}>{t('workshop.unsavedNote')}</p>}
        {drafts.length === 0 && <p className="small muted" style={{ margin: 0 }}>{t('workshop.nothingToPublish')}</p>}
      </div>
      <div>
        <button type="button" className="button" aria-describedby={noteId} disabled={drafts.length === 0} onClick={() => void publish()}>
          {busy ? t('common.working') : t('workshop.publish')}
        </button>
      </div>
    </div>
  );
}
