// A KPI's values over time as an SVG line over its healthy range (a band), with the range's ends
// and the first and last dates written out. The table beside it holds the same values in words.
import type { Kpi, KpiCheckIn } from '@varde/core';
import { date, number } from '../../i18n/format';

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

export function KpiChart({ kpi, points, title, lang }: { kpi: Kpi; points: readonly Pick<KpiCheckIn, 'value' | 'at'>[]; title: string; lang: string }) {
  const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0) return null;
  const times = sorted.map((p) => new Date(p.at).getTime());
  const ends = [kpi.low, kpi.high].filter((v): v is number => v !== null);
  const values = [...sorted.map((p) => p.value), ...ends];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const span = hi - lo || Math.abs(hi) || 1;
  const [vMin, vMax] = [lo - span * 0.08, hi + span * 0.08];
  const [tMin, tMax] = [times[0]!, times[times.length - 1]!];
  const x = (t: number) => PAD.left + (tMax === tMin ? 0.5 : (t - tMin) / (tMax - tMin)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - vMin) / (vMax - vMin)) * (H - PAD.top - PAD.bottom);
  const bandTop = kpi.direction === 'above' ? vMax : kpi.high ?? vMax;
  const bandBottom = kpi.direction === 'below' ? vMin : kpi.low ?? vMin;
  const line = sorted.map((p, i) => `${x(times[i]!)},${y(p.value)}`).join(' ');
  return (
    <svg className="kpi-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} style={{ width: '100%', height: 'auto', maxHeight: 280 }}>
      <rect x={PAD.left} width={W - PAD.left - PAD.right} y={y(bandTop)} height={Math.max(0, y(bandBottom) - y(bandTop))} fill="var(--on-soft)" />
      {ends.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--on)" strokeDasharray="4 4" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="currentColor">{number(lang, v)}</text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="var(--line)" />
      <polyline points={line} fill="none" stroke="var(--accent, currentColor)" strokeWidth="2.5" strokeLinejoin="round" />
      {sorted.map((p, i) => <circle key={`${p.at}-${i}`} cx={x(times[i]!)} cy={y(p.value)} r="3.5" fill="var(--accent, currentColor)" />)}
      <text x={PAD.left} y={H - 8} fontSize="12" fill="currentColor">{date(lang, sorted[0]!.at)}</text>
      <text x={W - PAD.right} y={H - 8} fontSize="12" textAnchor="end" fill="currentColor">{date(lang, sorted[sorted.length - 1]!.at)}</text>
    </svg>
  );
}
