// A short confirmation after a save ("Check-in saved"), shown for a few seconds at the foot of
// the screen and announced politely by screen readers. Mounted once, in the app's frame;
// useToast() answers the function that shows a message (a no-op outside the frame).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const ToastContext = createContext<(message: string) => void>(() => {});

export function useToast(): (message: string) => void {
  return useContext(ToastContext);
}

const SHOWN_MS = 5000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ id: number; message: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((message: string) => {
    clearTimeout(timer.current);
    // A new id for each message, so the same words twice are announced twice.
    setToast((prev) => ({ id: (prev?.id ?? 0) + 1, message }));
    timer.current = setTimeout(() => setToast(null), SHOWN_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* The live region is always there, so that what appears in it is read out. */}
      <div className="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="toast">
        {toast && <div key={toast.id} className="toast">{toast.message}</div>}
      </div>
    </ToastContext.Provider>
  );
}
