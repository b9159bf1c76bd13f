// too-many-objectives: a team with more objectives than it can keep in focus. "Begynn smått!
// Husk at andre ting enn det som ligger i OKR også krever kapasitet" (article 001).
import { unitHint, type CoachRule } from './plan.js';

export const tooManyObjectives: CoachRule = (plan, { maxObjectivesPerTeam }) =>
  plan.unit.kind === 'team' && plan.objectives.length > maxObjectivesPerTeam
    ? [unitHint('too-many-objectives', 'warning', plan.unit.id, { count: plan.objectives.length, limit: maxObjectivesPerTeam })]
    : [];
