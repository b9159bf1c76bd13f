// @varde/core: the OKR rules and the schemas every layer shares. Pure, no I/O.
export * from './schemas/common.js';
export * from './schemas/organisation.js';
export * from './schemas/person.js';
export * from './schemas/unit.js';
export * from './schemas/period.js';
export * from './schemas/keyResult.js';
export * from './schemas/checkIn.js';
export * from './schemas/objective.js';
export * from './schemas/initiative.js';
export * from './schemas/progress.js';
export * from './schemas/myWork.js';
export * from './schemas/alignmentTarget.js';
export * from './schemas/trash.js';
export * from './schemas/event.js';
export * from './schemas/history.js';
export * from './schemas/live.js';
export * from './schemas/dependency.js';
export * from './schemas/comment.js';
export * from './schemas/contradiction.js';
export * from './schemas/unitAlignment.js';
export * from './schemas/hint.js';
export * from './schemas/plan.js';
export * from './schemas/meeting.js';

export * from './rules.js';
