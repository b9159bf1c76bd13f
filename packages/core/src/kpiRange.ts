// Which ends of its range a KPI needs for its direction, as one rule for the schemas, the server's
// check of a patch on the KPI as it would be after it, and the web form.

export interface KpiRangeIssue { field: 'low' | 'high'; message: string; code: 'required' | 'order' }
/** Which of low and high a direction needs: above needs low, below needs high, between both with low ≤ high.
 *  A patch is checked with this on the KPI as it would be after the patch. */
export function kpiRangeIssues(k: { direction?: string | undefined; low?: number | null | undefined; high?: number | null | undefined }): KpiRangeIssue[] {
  const issues: KpiRangeIssue[] = [];
  if (k.direction === undefined) return issues;
  const need = (field: 'low' | 'high') => { if (k[field] === undefined || k[field] === null) issues.push({ field, message: `is required for a KPI kept ${k.direction}`, code: 'required' }); };
  if (k.direction === 'above' || k.direction === 'between') need('low');
  if (k.direction === 'below' || k.direction === 'between') need('high');
  if (k.direction === 'between' && typeof k.low === 'number' && typeof k.high === 'number' && k.low > k.high) {
    issues.push({ field: 'high', message: 'must not be below low', code: 'order' });
  }
  return issues;
}
