// Decides whether a cycle's ritual dates fit it: the planning window opens before it closes and
// ends by the cycle's end (article 004: the workshop comes before the cycle, or in its first days),
// and the review and retrospective come once the cycle has started, the retrospective not before
// the review (it looks back on how the cycle was worked, after the results are scored).

export const RITUAL_DATE_FIELDS = ['planningStartDate', 'planningEndDate', 'reviewDate', 'retrospectiveDate'] as const;
export type RitualDateField = (typeof RITUAL_DATE_FIELDS)[number];

export interface RitualDates {
  startDate: string;
  endDate: string;
  planningStartDate?: string | null | undefined;
  planningEndDate?: string | null | undefined;
  reviewDate?: string | null | undefined;
  retrospectiveDate?: string | null | undefined;
}

export interface RitualDateProblem {
  field: RitualDateField;
  /** too_early: before the date it must follow; too_late: after the date it must precede. */
  code: 'too_early' | 'too_late';
  message: string;
  /** The field and date it is out of order with. */
  params: { after?: string; before?: string; date: string };
}

/** Every rule the dates break, each naming its field; empty when they fit. Dates are ISO days
 *  (YYYY-MM-DD), which compare as strings; a missing or null date is not judged. */
export function ritualDateProblems(p: RitualDates): RitualDateProblem[] {
  const problems: RitualDateProblem[] = [];
  const notBefore = (field: RitualDateField, value: string | null | undefined, other: string | null | undefined, otherName: string, what: string) => {
    if (value && other && value < other) problems.push({ field, code: 'too_early', message: `must not be before ${what} (${other})`, params: { after: otherName, date: other } });
  };
  const notAfter = (field: RitualDateField, value: string | null | undefined, other: string | null | undefined, otherName: string, what: string) => {
    if (value && other && value > other) problems.push({ field, code: 'too_late', message: `must not be after ${what} (${other})`, params: { before: otherName, date: other } });
  };
  notAfter('planningStartDate', p.planningStartDate, p.endDate, 'endDate', "the cycle's end");
  notBefore('planningEndDate', p.planningEndDate, p.planningStartDate, 'planningStartDate', 'the start of the planning window');
  notAfter('planningEndDate', p.planningEndDate, p.endDate, 'endDate', "the cycle's end");
  notBefore('reviewDate', p.reviewDate, p.startDate, 'startDate', "the cycle's start");
  notBefore('reviewDate', p.reviewDate, p.planningEndDate, 'planningEndDate', 'the end of the planning window');
  notBefore('retrospectiveDate', p.retrospectiveDate, p.startDate, 'startDate', "the cycle's start");
  notBefore('retrospectiveDate', p.retrospectiveDate, p.reviewDate, 'reviewDate', 'the review');
  return problems;
}
