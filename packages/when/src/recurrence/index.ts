export { parseRecurrence, type Recurrence, type RecurrenceOptions } from './parse-recurrence.js';
export { nextOccurrence } from './next-occurrence.js';
export { describeRecurrence } from './describe-recurrence.js';
export { InvalidCronPatternError, isInvalidCronPatternError, validateCronPattern, type CronPatternProblem } from './cron-pattern.js';
