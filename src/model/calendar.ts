/** Where a run sits in time: the year of its first step and the steps in a year. */
export interface Calendar {
  startYear: number;
  stepsPerYear: number;
}

/**
 * The calendar year of a step (1-based): steps 1..stepsPerYear fall in startYear; step 0 (what
 * holds before the run) counts as the year before. The one place a step becomes a year.
 */
export function yearOfStep(calendar: Calendar, step: number): number {
  return calendar.startYear + Math.floor((step - 1) / calendar.stepsPerYear);
}
