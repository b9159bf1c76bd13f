// The history of a key result drawn with uPlot: actual check-ins against the expected line from
// start to target, and the forecast to the period's end. The page shows the same data as a table.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  actual: Array<[number, number]>; // [unix seconds, value]
  expected: Array<[number, number]>;
  forecast: Array<[number, number]>;
  /** The forecast's band (empty when it has none): from the latest check-in to its low and high ends. */
  low: Array<[number, number]>;
  high: Array<[number, number]>;
  labels: { when: string; actual: string; expected: string; forecast: string; low: string; high: string };
  /** The Intl locale of the user's language: the legend's dates and numbers are written in it, not uPlot's English. */
  locale: string;
}

/** uPlot wants one shared x axis: every series is sampled at the union of the times. The check-ins
 *  are null where there is none; the expected line and the forecast are straight lines, so they are
 *  read off the line at every time they span, and the legend gives "expected" beside each check-in. */
function align(s: ChartSeries): uPlot.AlignedData {
  const xs = [...new Set([...s.actual, ...s.expected, ...s.forecast, ...s.low, ...s.high].map((p) => p[0]))].sort((a, b) => a - b);
  const at = (series: Array<[number, number]>) => { const m = new Map(series); return xs.map((x) => m.get(x) ?? null); };
  const along = (line: Array<[number, number]>) => xs.map((x) => {
    const i = line.findIndex((p) => p[0] >= x);
    if (i < 0 || line[i]![0] !== x && i === 0) return null;
    const [x1, y1] = line[i]!;
    if (x1 === x) return y1;
    const [x0, y0] = line[i - 1]!;
    return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  });
  const band = s.low.length > 0 ? [along(s.low), along(s.high)] : [];
  return [xs, at(s.actual), along(s.expected), along(s.forecast), ...band];
}

export function HistoryChart({ series, title }: { series: ChartSeries; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const fmt = new Intl.DateTimeFormat(series.locale, { day: 'numeric', month: 'short' });
    const when = new Intl.DateTimeFormat(series.locale, { day: 'numeric', month: 'short', year: 'numeric' });
    const num = new Intl.NumberFormat(series.locale, { maximumFractionDigits: 2 });
    const value = (_u: uPlot, v: number | null) => (v === null ? '–' : num.format(v));
    const plot = new uPlot({
      width: Math.max(280, el.clientWidth), height: 280, title,
      scales: { x: { time: true } },
      axes: [{ values: (_u, vals) => vals.map((v) => fmt.format(new Date(v * 1000))) }, {
        values: (_u, vals) => vals.map((v) => num.format(v)),
        // As wide as its longest label: uPlot's fixed 50 px cut "60,000" down to "0,000".
        size: (_u, labels) => Math.max(50, 16 + 8 * Math.max(0, ...(labels ?? []).map((l) => String(l).length))),
      }],
      series: [
        { label: series.labels.when, value: (_u, v) => (v === null ? '–' : when.format(new Date(v * 1000))) },
        { label: series.labels.actual, value, stroke: '#0f4c5c', width: 2.5, points: { show: true, size: 6 }, spanGaps: true },
        { label: series.labels.expected, value, stroke: '#4a555c', width: 1.5, dash: [6, 6], spanGaps: true },
        { label: series.labels.forecast, value, stroke: '#c2410c', width: 2, dash: [2, 4], spanGaps: true },
        // the band only when the forecast has one
        ...(series.low.length > 0 ? [
          { label: series.labels.low, value, stroke: '#c2410c', width: 1, dash: [1, 6], spanGaps: true },
          { label: series.labels.high, value, stroke: '#c2410c', width: 1, dash: [1, 6], spanGaps: true },
        ] : []),
      ],
    }, align(series), el);
    const resize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height: 280 });
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); plot.destroy(); };
  }, [series, title]);
  return <div ref={box} className="chart" aria-hidden="true" />;
}
