/**
 * Report arithmetic: pure functions over counts, intervals and calendars that the report use cases feed with
 * what the store aggregated. Nothing here reads a clock or a database.
 */
export {
  attributeCycle,
  spanOf,
  totalAttribution,
  type Attribution,
  type HeldTime,
  type Holder,
} from './attribution';
export { availabilityOf, type AvailabilityResult, type IncidentDowntime, type Outage } from './availability';
export {
  addCounts,
  complianceOf,
  NO_CYCLES,
  trendOf,
  type Compliance,
  type CycleCounts,
  type ErrorBudget,
  type TrendDirection,
} from './compliance';
export { countByPeriod, type CycleOutcome } from './count-cycles';
export {
  belowPercentOf,
  creditsOf,
  type CreditLine,
  type Credits,
  type CreditSources,
  type Measure,
} from './credits';
export { clip, intersect, subtract, union, workingTimeIn } from './intervals';
export { maintenanceIntervals, parseMaintenanceWindow, type ParsedWindow } from './maintenance';
export {
  boundsOf,
  bucketOf,
  PERIOD_KINDS,
  periodContaining,
  periodsEnding,
  periodsFrom,
  type Period,
  type PeriodKind,
} from './periods';
export { ratingOf, satisfactionOf, type Satisfaction, type SatisfactionOptions } from './satisfaction';
