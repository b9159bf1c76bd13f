// The OKR rules alone, without the schemas: what the web app imports, so zod stays out of its bundle.
export * from './keyResultProgress.js';
export * from './objectiveProgress.js';
export * from './expectedProgress.js';
export * from './trackStatus.js';
export * from './forecast.js';
export * from './forecastStatus.js';
export * from './rollUp.js';
export * from './periodState.js';
export * from './cycleCalendar.js';
export * from './checkInDue.js';
export * from './openBlocker.js';
export * from './confidenceFell.js';
export * from './progressReading.js';
export * from './periodPlan.js';
export * from './checkInChanges.js';
export * from './unitArchive.js';
export * from './periodDeletion.js';
