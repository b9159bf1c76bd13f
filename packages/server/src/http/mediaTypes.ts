// Content negotiation for the few answers that come in more than one form (the audit trail as
// JSON or CSV). Only a client that names text/csv gets it: a wildcard (*/*) keeps JSON, the
// API's language.

function qualityOf(accept: string, type: string): number | undefined {
  let best: number | undefined;
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== type) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(value)) best = Math.max(best ?? 0, value);
  }
  return best;
}

/** Whether the Accept header asks for text/csv at least as much as for application/json. */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const csv = qualityOf(accept, 'text/csv');
  if (csv === undefined || csv <= 0) return false;
  return csv >= (qualityOf(accept, 'application/json') ?? 0);
}
