import type { KpiDirection } from '@varde/core';
import { kpiRangeIssues } from '@varde/core/rules';

// A number as a person types it in the KPI forms: a decimal comma or point, spaces between thousands.
export function parseKpiNumber(text: string): number | null | 'invalid' {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}

type RangeIssueText = (issue: { field: string; code: string; message: string }) => string;
/** A KPI's range as its form holds it (direction, and low and high as typed), read for sending,
 *  with what is wrong with it by field: a number that is none, then core's kpiRangeIssues. */
export function kpiRangeOf(values: { direction: KpiDirection; low: string; high: string }, say: { notNumber: string; issue: RangeIssueText }):
  { range: { direction: KpiDirection; low: number | null; high: number | null }; errors: Record<string, string> } {
  const low = parseKpiNumber(values.low);
  const high = parseKpiNumber(values.high);
  const errors: Record<string, string> = {};
  if (low === 'invalid') errors.low = say.notNumber;
  if (high === 'invalid') errors.high = say.notNumber;
  const range = { direction: values.direction, low: low === 'invalid' ? null : low, high: high === 'invalid' ? null : high };
  for (const issue of kpiRangeIssues(range)) errors[issue.field] ??= say.issue(issue);
  return { range, errors };
}
