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

export * from './keyResultProgress.js';
export * from './objectiveProgress.js';
export * from './expectedProgress.js';
export * from './trackStatus.js';
export * from './forecast.js';
export * from './rollUp.js';
export * from './periodState.js';
export * from './cycleCalendar.js';
export * from './checkInDue.js';
