// Dialogs and other parts a screen does not show at first: their code is fetched when they are
// first wanted, or a moment before, when the pointer or focus reaches what opens them; not with
// the screen, whose JavaScript budget (e2e/budget.e2e.ts) they would otherwise eat.
import { lazy, Suspense, useEffect, useRef, type ComponentType, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type LazyPart<P> = ComponentType<P> & { preload(): void };

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  // A failed fetch (a lost connection) is not remembered, so the next attempt fetches again.
  const once = () => (loading ??= withAriaLocale(load()).catch((error: unknown) => { loading = undefined; throw error; }));
  const Part = lazy(() => once().then((component) => ({ default: component })));
  return Object.assign((props: P) => (
    <ReturnsFocus><Suspense fallback={<PartLoading />}><Part {...(props as P & JSX.IntrinsicAttributes)} /></Suspense></ReturnsFocus>
  ), { preload: () => { void once().catch(() => undefined); } });
}

/**
 * Gives the keyboard back to what opened a part once the part is gone. A dialog does so itself,
 * but one whose code was still coming when its button was pressed (Enter pressed at once, on a
 * slow phone) mounts after its loading overlay and gave the focus to the page instead.
 */
function ReturnsFocus({ children }: { children: ReactNode }): ReactNode {
  const opener = useRef<Element | null | undefined>(undefined);
  if (opener.current === undefined) opener.current = typeof document === 'undefined' ? null : document.activeElement;
  useEffect(() => () => {
    const element = opener.current;
    // After the dialog's own restoring (a frame later): only where the focus was lost to the page.
    requestAnimationFrame(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && element instanceof HTMLElement && element.isConnected) element.focus();
    });
  }, []);
  return children;
}

/** While a dialog's code arrives: the dimmed page it will open on, and a word for screen readers. */
function PartLoading(): ReactNode {
  const { t } = useTranslation();
  return <div className="modal-overlay"><p className="modal part-loading" role="status">{t('common.loading')}</p></div>;
}

/** React Aria's widgets speak the language chosen in Varde (AriaLocale). Its provider comes with the
 *  first part that has such widgets, not with every screen: loading it costs a phone about 0.1 s,
 *  since React Aria asks Intl at once which locales the browser has. */
export async function withAriaLocale<P extends object>(loading: Promise<ComponentType<P>>): Promise<ComponentType<P>> {
  const [Component, { AriaLocale }] = await Promise.all([loading, import('./AriaLocale')]);
  return (props: P) => <AriaLocale><Component {...(props as P & JSX.IntrinsicAttributes)} /></AriaLocale>;
}

const preloading = (parts: Array<{ preload(): void }>) => () => { for (const p of parts) p.preload(); };

/** For a native button that opens `parts`: their code starts coming on hover, touch or focus, before the click. */
export const preloadOn = (...parts: Array<{ preload(): void }>) => {
  const preload = preloading(parts);
  return { onPointerEnter: preload, onPointerDown: preload, onFocus: preload };
};

