// The retrospective's six questions (article 004), in the article's order: the mood and how we
// talk and enjoy the work; how we reach our goals; whether everyone is included; whether everyone
// gets support; where OKR helped and what to change in how we use it; what to stop doing.
export const RETROSPECTIVE_QUESTIONS = ['mood', 'reachingGoals', 'inclusion', 'support', 'method', 'stop'] as const;
export type RetrospectiveQuestion = (typeof RETROSPECTIVE_QUESTIONS)[number];
