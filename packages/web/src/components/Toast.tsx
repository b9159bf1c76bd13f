// A short confirmation after a save ("Check-in saved"), shown for a few seconds at the foot of
// the screen and announced politely by screen readers. Mounted once, in the app's frame;
// useToast() answers the function that shows a message (a no-op outside the frame).
//
// A message may carry one action ("Undo" after a deletion). It then stays longer, and not at all
// out of sight while the pointer is over it or focus is in it (WCAG 2.2.1: the time can be had).
// Focus is not moved to it: Tab reaches it (it comes last on the page), and Ctrl+Z or ⌘Z, pressed
// anywhere but in a text field, takes the action, as the button says.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastAction { label: string; onAction(): void }
type Show = (message: string, action?: ToastAction) => void;

const ToastContext = createContext<Show>(() => {});

export function useToast(): Show {
  return useContext(ToastContext);
}

const SHOWN_MS = 5000;
/** With an action: time to read the message, find the button and press it. */
export const SHOWN_WITH_ACTION_MS = 10_000;

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
    || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type));
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toast, setToast] = useState<{ id: number; message: string; action?: ToastAction | undefined } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const held = useRef({ hover: false, focus: false });
  const region = useRef<HTMLDivElement>(null);

  const countDown = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => { if (!held.current.hover && !held.current.focus) setToast(null); }, ms);
  }, []);
  const show = useCallback<Show>((message, action) => {
    // A new id for each message, so the same words twice are announced twice.
    setToast((prev) => ({ id: (prev?.id ?? 0) + 1, message, action }));
    countDown(action ? SHOWN_WITH_ACTION_MS : SHOWN_MS);
  }, [countDown]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const act = useCallback(() => {
    if (!toast?.action) return;
    const { onAction } = toast.action;
    // Focus was in the toast: it goes back to the page rather than with the toast to nowhere.
    if (region.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
    held.current = { hover: false, focus: false };
    setToast(null);
    onAction();
  }, [toast]);

  useEffect(() => {
    if (!toast?.action) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || isTextEntry(e.target)) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toast, act]);

  // Let go (pointer out, focus out): the full time again, so nobody loses it while reaching for it.
  const release = (what: 'hover' | 'focus') => {
    held.current[what] = false;
    if (toast) countDown(toast.action ? SHOWN_WITH_ACTION_MS : SHOWN_MS);
  };
  const shortcut = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';
  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* The live region is always there, so that what appears in it is read out. */}
      <div ref={region} className="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="toast"
        onPointerEnter={() => { held.current.hover = true; }} onPointerLeave={() => release('hover')}
        onFocus={() => { held.current.focus = true; }}
        onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) release('focus'); }}
        onKeyDown={(e) => { if (e.key === 'Escape' && toast) { document.getElementById('main')?.focus(); held.current = { hover: false, focus: false }; setToast(null); } }}>
        {toast && (
          <div key={toast.id} className={toast.action ? 'toast with-action' : 'toast'}>
            <span>{toast.message}</span>
            {toast.action && (
              <>
                <button type="button" className="toast-action" onClick={act} aria-keyshortcuts="Control+Z Meta+Z">{toast.action.label}</button>
                <kbd className="toast-shortcut" title={t('removal.shortcutHint', { shortcut })}>{shortcut}</kbd>
              </>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
