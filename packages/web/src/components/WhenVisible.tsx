// Draws its children once they come near the screen: a part below the first view (a comment
// thread, a unit's dependencies) fetches its code and data when the reader gets there, not with
// the screen, whose JavaScript budget it would eat (e2e/budget.e2e.ts). Until then its place
// says it is coming, for a screen reader too.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function WhenVisible({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !place.current) return;
    if (typeof IntersectionObserver === 'undefined') { setNear(true); return; }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { setNear(true); observer.disconnect(); }
    }, { rootMargin: '100px' });
    observer.observe(place.current);
    return () => observer.disconnect();
  }, [near]);
  return <div ref={place}>{near ? children : <p className="muted" role="status">{t('common.loading')}</p>}</div>;
}
