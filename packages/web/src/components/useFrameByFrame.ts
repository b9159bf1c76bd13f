// How many of a long list's items to draw: the first `first` at once, then one more each time the
// browser has painted a frame, so the list is laid out and painted a piece at a time and a phone
// can answer a tap between the pieces, instead of one long stretch for the whole list. Each step
// is a transition: React may pause its render, and an urgent update goes first.
import { startTransition, useEffect, useState } from 'react';

/** A tab in the background paints no frames: its list grows at this pace instead. */
const UNPAINTED_MS = 100;

export function useFrameByFrame(total: number, first = 1): number {
  const [count, setCount] = useState(first);
  const done = count >= total;
  useEffect(() => {
    if (done) return;
    let stepped = false;
    const step = () => {
      if (stepped) return;
      stepped = true;
      startTransition(() => setCount((n) => n + 1));
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout set in an animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => { timer = setTimeout(step); });
    const fallback = setTimeout(step, UNPAINTED_MS);
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); clearTimeout(fallback); };
  }, [count, done]);
  return Math.min(count, total);
}
