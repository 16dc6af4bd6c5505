import { compileCalendar } from '../../engine/calendar/compile';
import { dateHolidaysLookup } from '../../engine/calendar/region-lookup';
import type { WorkingTime } from '../../engine/calendar/timeline';
import { validateCalendar } from '../../engine/calendar/validate';
import { instantOf, localOf } from '../../engine/time/zone';
import type { EpochMs, IanaZone } from '../../engine/time/units';
import { SEED_CALENDARS } from './config';

const OFFICE_CALENDAR = 'berlin-9-17';
/** 10:30 local: the office has been open an hour and a half, so the first morning's work is under way. */
const START_MINUTES = 10 * 60 + 30;

/** The office's working time (Berlin 9–17 with Berlin's public holidays): when agents and customers act. */
export function officeHours(): WorkingTime {
  const calendar = SEED_CALENDARS.find((c) => c.id === OFFICE_CALENDAR);
  const checked = validateCalendar(calendar);
  if (!checked.ok)
    throw new Error(`the seed's office calendar is invalid: ${checked.problems[0]?.message ?? ''}`);
  return compileCalendar(checked.value.plan, dateHolidaysLookup);
}

/**
 * Where a new sandbox's clock starts, from the real date: 10:30 in Berlin on the latest working day (of the
 * office calendar) on or before the real date. The seeded history is the 60 days before it. A person trying
 * the sandbox so sees recent dates, with the office open; the same real date always gives the same sandbox.
 * @example sandboxNow(Date.UTC(2026, 10, 22, 9, 0)) // Sunday → Friday 2026-11-20 10:30 Berlin (09:30 UTC)
 */
export function sandboxNow(realNow: number, office: WorkingTime = officeHours()): EpochMs {
  const zone = 'Europe/Berlin' as IanaZone;
  let day = localOf(zone, realNow as EpochMs).day;
  for (let back = 0; back < 30; back++, day--) {
    const candidate = instantOf(zone, day, START_MINUTES);
    if (office.isWorking(candidate)) return candidate;
  }
  return instantOf(zone, localOf(zone, realNow as EpochMs).day, START_MINUTES);
}
