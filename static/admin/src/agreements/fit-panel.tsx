import SectionMessage from '@atlaskit/section-message';
import { useEffect, useMemo, useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Calendar } from '../../../../src/engine/calendar/types';
import type { WorkingTime } from '../../../../src/engine/calendar/timeline';
import type { EpochMs } from '../../../../src/engine/time/units';
import { compileCalendars } from '../../../shared/countdown/calendars';
import { formatTarget } from '../../../shared/format/duration';
import type { Placement, Version } from '../api';
import { useAdmin } from '../admin-context';
import { formatDateTime } from '../dates';
import { useT } from '../messages';
import { compareOnCalendars, hourlyStarts } from './calendar-compare';
import { compareMinutes, fitWarnings, type FitWarning, type GoalRef } from './fit';

/** Stands for the agreement being edited before it has an id. */
export const DRAFT_ID = '\u0000draft';

/**
 * The compiled calendars, with their regions' public holidays fetched from the backend, for comparing targets
 * on different calendars; empty until they are all there (the check counts minutes meanwhile).
 */
function useWorkingTimes(calendars: readonly Version<Calendar>[]): ReadonlyMap<string, WorkingTime> {
  const { backend, now } = useAdmin();
  const [regionDates, setRegionDates] = useState<ReadonlyMap<string, readonly string[]> | null>(null);
  const year = new Date(now()).getUTCFullYear();
  const regions = [
    ...new Set(calendars.flatMap((c) => (c.body?.holidayRegion ? [c.body.holidayRegion] : []))),
  ].sort();
  const regionKey = regions.join(',');
  useEffect(() => {
    let active = true;
    const wanted = regionKey === '' ? [] : regionKey.split(',');
    void Promise.all(
      wanted.map((region) =>
        backend.call('calendars/region-holidays', { region, fromYear: year - 1, toYear: year + 1 }),
      ),
    ).then((replies) => {
      if (!active) return;
      setRegionDates(
        new Map(
          wanted.map((region, i) => {
            const reply = replies[i];
            return [region, reply?.ok ? reply.data.holidays.map((h) => h.date) : []];
          }),
        ),
      );
    });
    return () => {
      active = false;
    };
  }, [backend, regionKey, year]);
  return useMemo(() => {
    if (regionDates === null) return new Map();
    const compiled = compileCalendars(
      calendars.flatMap((c) =>
        c.body
          ? [
              {
                calendar: c.body,
                version: c.version,
                regionDates: c.body.holidayRegion ? (regionDates.get(c.body.holidayRegion) ?? []) : [],
              },
            ]
          : [],
      ),
    );
    return new Map([...compiled.byId].map(([id, c]) => [id, c.workingTime]));
  }, [calendars, regionDates]);
}

/**
 * Warns where the OLA and UC targets cannot fit inside the SLAs they underpin, for the agreement being edited
 * (as an SLA, or as an OLA or UC) against every other saved agreement, with the projects each is used in.
 */
export function FitPanel(props: {
  readonly draft: Agreement;
  readonly draftProjects: readonly string[] | undefined;
  readonly savedId: string | null;
  readonly agreements: readonly Version<Agreement>[];
  readonly placements: readonly Placement[];
  readonly calendars: readonly Version<Calendar>[];
}) {
  const { t, locale } = useT();
  const { now, ui } = useAdmin();
  const workingTimes = useWorkingTimes(props.calendars);
  const draftId = props.draft.id.trim() || DRAFT_ID;
  const calendarName = (id: string) => props.calendars.find((c) => c.id === id)?.body?.name ?? id;
  const warnings = useMemo(() => {
    const projectsOf = (id: string) => {
      const projects = props.placements.filter((p) => p.agreementIds.includes(id)).map((p) => p.projectKey);
      return projects.length > 0 ? projects : undefined;
    };
    const others = props.agreements.flatMap((v) =>
      v.body && v.id !== props.savedId && v.id !== draftId
        ? [{ agreement: v.body, projects: projectsOf(v.id) }]
        : [],
    );
    const inputs = [{ agreement: { ...props.draft, id: draftId }, projects: props.draftProjects }, ...others];
    const compare =
      workingTimes.size > 0
        ? compareOnCalendars(workingTimes, hourlyStarts(now() as EpochMs))
        : compareMinutes;
    return fitWarnings(inputs, compare).filter(
      (w) => w.underpinning.agreementId === draftId || w.sla.agreementId === draftId,
    );
    // `now` moves; an hour's difference in the sampled starts does not change the verdict.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    props.draft,
    props.draftProjects,
    props.agreements,
    props.placements,
    props.savedId,
    draftId,
    workingTimes,
  ]);

  const goal = (ref: GoalRef) =>
    t('fit.goal', {
      agreement: ref.agreementId === draftId ? t('fit.thisAgreement') : ref.agreementName,
      kind: ref.kind,
      metric: ref.metricName,
      n: ref.goalIndex + 1,
      target: formatTarget(ref.targetMinutes, locale),
      calendar: calendarName(ref.calendar),
    });
  // The sentence may begin with "this agreement": a capital, as a sentence begins.
  const sentence = (s: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
  const text = (w: FitWarning) =>
    [
      sentence(t('fit.cannotFit', { under: goal(w.underpinning), sla: goal(w.sla) })),
      w.where ? t('fit.where', { where: w.where }) : null,
      w.startedAt === undefined
        ? null
        : t('fit.example', { at: formatDateTime(w.startedAt, locale, ui.timeZone) }),
      w.exact ? null : t('fit.approximate'),
    ]
      .filter(Boolean)
      .join(' ');

  if (warnings.length === 0) {
    return (
      <p className="accord-muted" role="status">
        {props.draft.kind === 'SLA' ? t('fit.okSla') : t('fit.okUnderpinning', { kind: props.draft.kind })}
      </p>
    );
  }
  return (
    <SectionMessage appearance="warning" headingLevel="h4" title={t('fit.title', { count: warnings.length })}>
      <ul className="accord-fit">
        {warnings.map((w, i) => (
          <li key={i}>{text(w)}</li>
        ))}
      </ul>
      <p>{t('fit.advice')}</p>
    </SectionMessage>
  );
}
