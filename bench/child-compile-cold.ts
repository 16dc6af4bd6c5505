/** Child process: the first compile of the Berlin calendar in a fresh process (see compile-year.ts). */
import { dateHolidaysLookup } from '../src/engine/calendar/region-lookup';
import { exampleCalendar, planOf } from './calendars';
import { report } from './child-process';
import { compileYearOnce } from './compile-year';

report(compileYearOnce(planOf(exampleCalendar('berlin-9-17')), 2026, dateHolidaysLookup));
