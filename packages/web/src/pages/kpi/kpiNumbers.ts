// A number as a person types it in the KPI forms: a decimal comma or point, spaces between thousands.
export function parseKpiNumber(text: string): number | null | 'invalid' {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}
