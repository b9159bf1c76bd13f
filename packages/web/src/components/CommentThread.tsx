// The comment thread of an objective or a key result: who wrote what and when, with the people it
// mentions set apart; a field to write in, which offers the people whose names follow an @; the
// author edits and deletes their own, an admin deletes any (each comment says so in `can`). Plain
// elements, no widget library: it is drawn on pages with a tight JavaScript budget.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Comment } from '@varde/core';
import { api, ApiError } from '../api/client';
import { usePeopleNamed } from '../api/hooks';
import { commentsPath, coordinationKeys, useComments, type CommentsOn } from '../api/coordination';
import { dateTime } from '../i18n/format';
import { formMessage, localFieldErrors } from './fieldMessages';
import { ErrorState } from './States';
import { useToast } from './Toast';

/** The @word being typed just before the caret, if any: what to offer names for. */
function mentionAt(text: string, caret: number): { start: number; word: string } | null {
  const m = /(?:^|[^\p{L}\p{N}])@([\p{L}\p{N}'’.-]{1,30}(?: [\p{L}\p{N}'’.-]{0,30})?)$/u.exec(text.slice(0, caret));
  return m ? { start: caret - m[1]!.length - 1, word: m[1]! } : null;
}

function CommentBody({ comment }: { comment: Comment }) {
  return (
    <p className="comment-body">
      {comment.parts.map((p, i) => ('personId' in p ? <strong key={i} className="mention">{p.text}</strong> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

/** A text field for a comment, with the names to mention offered under it. */
function CommentField({ label, value, onChange, error, autoFocus }: { label: string; value: string; onChange(v: string): void; error?: string | undefined; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const typing = mentionAt(value, caret);
  const people = usePeopleNamed(typing?.word ?? '', 5, typing !== null);
  const offered = typing ? (people.data?.items ?? []).filter((p) => p.active) : [];
  const mention = (name: string) => {
    if (!typing) return;
    const next = `${value.slice(0, typing.start)}@${name} ${value.slice(caret)}`;
    onChange(next);
    const at = typing.start + name.length + 2;
    setCaret(at);
    requestAnimationFrame(() => { field.current?.focus(); field.current?.setSelectionRange(at, at); });
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={field} value={value} rows={3} autoFocus={autoFocus} aria-invalid={error ? true : undefined} aria-describedby={described}
        onChange={(e) => { onChange(e.target.value); setCaret(e.target.selectionStart); }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)} />
      <span id={`${id}-hint`} className="hint">{t('comments.mentionHint')}</span>
      <p className="visually-hidden" aria-live="polite">{typing ? t('comments.offered', { count: offered.length }) : ''}</p>
      {offered.length > 0 && (
        <ul className="mention-offers" aria-label={t('comments.offersLabel')}>
          {offered.map((p) => (
            <li key={p.id}><button type="button" className="chip" onClick={() => mention(p.name)}>{t('comments.mention', { name: p.name })}</button></li>
          ))}
        </ul>
      )}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

function OneComment({ comment, on }: { comment: Comment; on: CommentsOn }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [mode, setMode] = useState<'show' | 'edit' | 'delete'>('show');
  const [text, setText] = useState(comment.body);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: coordinationKeys.comments(on) });
      setMode('show');
      toast(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const when = dateTime(i18n.language, comment.createdAt);
  const author = comment.author?.name ?? t('comments.someone');
  return (
    <li className="comment">
      <p className="small" style={{ margin: 0 }}>
        <strong>{author}</strong> <span className="muted">· {when}{comment.editedAt ? ` · ${t('comments.edited')}` : ''}</span>
      </p>
      {mode === 'edit' ? (
        <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => api.patch(`/comments/${comment.id}`, { version: comment.version, body: text }), t('comments.saved')); }}>
          {error !== null && !localFieldErrors(t, error).body && <div className="alert error" role="alert">{formMessage(t, error, ['body'])}</div>}
          <CommentField label={t('comments.editLabel', { author, when })} value={text} onChange={setText} error={localFieldErrors(t, error).body} autoFocus />
          <div className="row">
            <button type="submit" className="button small">{busy ? t('common.working') : t('common.save')}</button>
            <button type="button" className="button secondary small" onClick={() => { setMode('show'); setText(comment.body); setError(null); }}>{t('common.cancel')}</button>
          </div>
        </form>
      ) : <CommentBody comment={comment} />}
      {mode === 'delete' && (
        <div className="row" role="group" aria-label={t('comments.deleteQuestion')}>
          <span>{t('comments.deleteQuestion')}</span>
          <button type="button" className="button secondary small" autoFocus onClick={() => setMode('show')}>{t('comments.keep')}</button>
          <button type="button" className="button danger small" onClick={() => void run(() => api.del(`/comments/${comment.id}`), t('comments.deleted'))}>{busy ? t('common.working') : t('comments.delete')}</button>
        </div>
      )}
      {mode === 'show' && (comment.can.edit || comment.can.delete) && (
        <div className="row">
          {comment.can.edit && <button type="button" className="button quiet small" aria-label={t('comments.editOf', { author, when })} onClick={() => setMode('edit')}>{t('common.edit')}</button>}
          {comment.can.delete && <button type="button" className="button quiet small" aria-label={t('comments.deleteOf', { author, when })} onClick={() => setMode('delete')}>{t('comments.delete')}</button>}
        </div>
      )}
      {mode !== 'edit' && error !== null && <div className="alert error" role="alert">{formMessage(t, error, [])}</div>}
    </li>
  );
}

/** `title` names what the thread is on, for the list's label ("Comments on «…»"). */
export function CommentThread({ on, title, headingLevel = 2 }: { on: CommentsOn; title: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const toast = useToast();
  const thread = useComments(on);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const post = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(commentsPath(on), { body: text });
      setText('');
      await queryClient.invalidateQueries({ queryKey: coordinationKeys.comments(on) });
      toast(t('comments.posted'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = localFieldErrors(t, error).body;
  const comments = thread.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('comments.title')}</Heading>
      {thread.error && !(thread.error instanceof ApiError && thread.error.status === 404) && <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />}
      {thread.data && comments.length === 0 && <p className="muted">{t('comments.none')}</p>}
      {comments.length > 0 && (
        <ol className="comment-list" aria-label={t('comments.listLabel', { title })}>
          {comments.map((c) => <OneComment key={`${c.id}:${c.version}`} comment={c} on={on} />)}
        </ol>
      )}
      {thread.hasNextPage && <div><button type="button" className="button secondary small" onClick={() => void thread.fetchNextPage()}>{thread.isFetchingNextPage ? t('common.loading') : t('comments.more')}</button></div>}
      <form className="form" noValidate onSubmit={(e) => void post(e)}>
        {error !== null && !fieldError && <div className="alert error" role="alert">{formMessage(t, error, ['body'])}</div>}
        <CommentField label={t('comments.write')} value={text} onChange={setText} error={fieldError} />
        <div><button type="submit" className="button">{busy ? t('common.working') : t('comments.post')}</button></div>
      </form>
    </section>
  );
}
