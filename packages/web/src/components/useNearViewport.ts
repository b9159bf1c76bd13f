// Whether an element has come near the screen: a part further down a page (a unit's activity) is
// fetched, code and data, when the reader scrolls towards it, not with the page. A browser without
// IntersectionObserver gets it at once.
import { useEffect, useRef, useState } from 'react';

export function useNearViewport<E extends Element>(margin = '400px'): [React.RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { setNear(true); observer.disconnect(); }
    }, { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return [ref, near];
}
