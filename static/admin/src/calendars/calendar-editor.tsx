import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { Calendar } from '../../../../src/engine/calendar/types';
import type { Failure, Version } from '../api';
import { useAdmin } from '../admin-context';
import { addDays, formatDate, localToday, mondayOf, slugOf } from '../dates';
import { useRefusalText, useT } from '../messages';
import { useRemote } from '../use-remote';
import { useSave } from '../use-save';
import { Confirm } from '../ui/confirm';
import { ErrorNotice } from '../ui/error-notice';
import { ErrorSummary } from '../ui/error-summary';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { usePeople } from '../people/people';
import { useFocusOnMount } from '../ui/focus';
import { SaveBar } from '../ui/save-bar';
import { Section } from '../ui/section';
import { ExceptionsEditor } from './exceptions-editor';
import { HolidaysEditor } from './holidays-editor';
import { RegionPicker } from './region-picker';
import { useRegionHolidays } from './use-region-holidays';
import { WeekEditor } from './week-editor';
import { WorkingPreview } from './working-preview';
import { ZonePicker } from './zone-picker';
import { formatLocalDay } from './dates';
import { HistoryPanel } from '../agreements/history-panel';

const ID = /^[A-Za-z0-9][\w.-]*$/;

/** A new calendar: office hours Monday to Friday in the admin's own zone. */
function blankCalendar(timeZone: string): Calendar {
  const hours = () => [{ from: '09:00', to: '17:00' }];
  return {
    id: '',
    name: '',
    timeZone,
    week: { mon: hours(), tue: hours(), wed: hours(), thu: hours(), fri: hours() },
  };
}

/** What is sent: trimmed, and without empty optional lists. */
function cleaned(draft: Calendar): Calendar {
  const out: Calendar = { ...draft, id: draft.id.trim(), name: draft.name.trim() };
  if (out.holidays?.length === 0) delete out.holidays;
  if (out.exceptions?.length === 0) delete out.exceptions;
  if (out.holidayRegion === undefined || out.holidayRegion === '') delete out.holidayRegion;
  return out;
}

/**
 * Opens a calendar (or a new one) and edits it: name, id, zone, weekly hours, public holidays of a region,
 * its own holidays (by hand or from an ICS file), exception days, and a preview of the coming weeks' working
 * time. Saves through `calendars/save` and shows the backend's problems at their fields.
 */
export function CalendarEditor(props: {
  readonly id: string | null;
  readonly takenIds: ReadonlySet<string>;
  readonly usedBy: readonly string[];
  readonly onClose: (changed: boolean, saved?: Version<Calendar>) => void;
}) {
  const { backend } = useAdmin();
  const { state, reload } = useRemote<Version<Calendar> | null>(
    () =>
      props.id === null
        ? Promise.resolve({ ok: true, data: null })
        : backend.call('calendars/get', { id: props.id }),
    props.id ?? '\u0000new',
  );
  const { t } = useT();
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  return <Editor key={state.data?.version ?? 0} loaded={state.data} reload={reload} {...props} />;
}

function Editor(props: {
  readonly loaded: Version<Calendar> | null;
  readonly reload: () => void;
  readonly takenIds: ReadonlySet<string>;
  readonly usedBy: readonly string[];
  readonly onClose: (changed: boolean, saved?: Version<Calendar>) => void;
}) {
  const { t, locale } = useT();
  const head = useFocusOnMount<HTMLDivElement>();
  const { backend, ui, now, announce } = useAdmin();
  const refusal = useRefusalText();
  const original = props.loaded?.body ?? null;
  const isNew = original === null;
  const [draft, setDraft] = useState<Calendar>(() => original ?? blankCalendar(ui.timeZone));
  const [version, setVersion] = useState(props.loaded?.version ?? 0);
  const nameOf = usePeople(props.loaded ? [props.loaded.savedBy] : []);
  const [idTouched, setIdTouched] = useState(!isNew);
  const [changed, setChanged] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'discard' | null>(null);
  const [deleteError, setDeleteError] = useState<Failure | null>(null);
  const save = useSave<Calendar>('$.calendar');
  const problems = save.problemsFor(draft);
  const dirty = JSON.stringify(cleaned(draft)) !== JSON.stringify(original ? cleaned(original) : null);

  const today = localToday(now(), draft.timeZone);
  const from = mondayOf(today);
  const year = Number(from.slice(0, 4));
  const region = useRegionHolidays(
    backend,
    draft.holidayRegion,
    year,
    Number(addDays(from, 34).slice(0, 4)),
    locale.split('-')[0],
  );

  const update = (patch: Partial<Calendar>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };

  const localIdError =
    isNew && draft.id !== '' && !ID.test(draft.id)
      ? t('calendars.badId')
      : isNew && props.takenIds.has(draft.id)
        ? t('calendars.idTaken', { id: draft.id })
        : null;

  const onSave = async () => {
    const sent = cleaned(draft);
    const saved = await save.run(sent, () =>
      backend.call('calendars/save', { calendar: sent, expectedVersion: version }),
    );
    if (saved) {
      setVersion(saved.version);
      setChanged(true);
      announce(t('calendars.saved', { name: sent.name, version: saved.version }));
      props.onClose(true, saved);
    } else {
      announce(t('notSaved'));
    }
  };

  const onDelete = async () => {
    setConfirm(null);
    const reply = await backend.call('calendars/delete', { id: draft.id, expectedVersion: version });
    if (reply.ok) {
      announce(t('calendars.deleted', { name: draft.name }));
      props.onClose(true);
    } else {
      setDeleteError(reply.error);
      announce(refusal(reply.error));
    }
  };

  const regionHolidays =
    region.dates.status === 'ready'
      ? region.dates.holidays.filter((h) => h.date.startsWith(String(year)))
      : [];
  const regionSummary = regionHolidays.map((h) => `${formatLocalDay(h.date, locale)} ${h.name}`);

  return (
    <div className="accord-editor">
      <div className="accord-editor__head" ref={head} tabIndex={-1}>
        <Heading as="h2" size="medium">
          {isNew ? t('calendars.newTitle') : t('calendars.editTitle', { name: original.name })}
        </Heading>
        {!isNew && props.loaded ? (
          <p className="accord-muted">
            {t('versionLine', {
              version,
              date: formatDate(new Date(props.loaded.savedAt).toISOString(), locale),
              by: nameOf(props.loaded.savedBy),
            })}
          </p>
        ) : null}
      </div>

      {save.failure ? (
        <div className="accord-editor__failure">
          <ErrorNotice
            title={t('notSaved')}
            error={save.failure}
            onRetry={() => void onSave()}
            onReload={() => {
              save.clear();
              props.reload();
            }}
          />
          <ErrorSummary problems={problems.all} />
        </div>
      ) : null}
      {deleteError ? <ErrorNotice title={t('calendars.notDeleted')} error={deleteError} /> : null}

      <Section id="accord-cal-general" title={t('calendars.general')}>
        <div className="accord-grid">
          <Field path="$.name" label={t('calendars.name')} isRequired problems={problems.at('$.name')}>
            {(c) => (
              <Textfield
                {...c}
                autoComplete="off"
                value={draft.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  // A new calendar's ID follows its name until the admin writes one.
                  update(isNew && !idTouched ? { name, id: slugOf(name) } : { name });
                }}
              />
            )}
          </Field>
          <Field
            path="$.id"
            label={t('calendars.id')}
            help={isNew ? t('calendars.idHelp') : t('calendars.idFixed')}
            errors={localIdError ? [localIdError] : []}
            problems={problems.at('$.id')}
          >
            {(c) =>
              isNew ? (
                <Textfield
                  {...c}
                  autoComplete="off"
                  value={draft.id}
                  onChange={(e) => {
                    setIdTouched(true);
                    update({ id: e.currentTarget.value });
                  }}
                />
              ) : (
                <p id={c.id} className="accord-mono">
                  {draft.id}
                </p>
              )
            }
          </Field>
          <Field
            path="$.timeZone"
            label={t('calendars.timeZone')}
            help={t('calendars.timeZoneHelp')}
            problems={problems.at('$.timeZone')}
          >
            {(c) => (
              <ZonePicker
                control={c}
                value={draft.timeZone}
                now={now()}
                onChange={(timeZone) => {
                  update({ timeZone });
                }}
              />
            )}
          </Field>
        </div>
      </Section>

      <Section id="accord-cal-week" title={t('calendars.week')} description={t('calendars.weekHelp')}>
        <WeekEditor
          week={draft.week}
          problems={problems}
          onChange={(week) => {
            update({ week });
          }}
        />
      </Section>

      <Section id="accord-cal-region" title={t('calendars.region')} description={t('calendars.regionHelp')}>
        <RegionPicker
          value={draft.holidayRegion}
          problems={problems.at('$.holidayRegion')}
          onChange={(holidayRegion) => {
            setDraft((d) => {
              const next = { ...d };
              if (holidayRegion === undefined) delete next.holidayRegion;
              else next.holidayRegion = holidayRegion;
              return next;
            });
          }}
        />
        {draft.holidayRegion && region.dates.status === 'ready' ? (
          <details className="accord-details">
            <summary>
              {t('region.list', {
                count: regionHolidays.length,
                year: String(year),
                region: draft.holidayRegion,
              })}
            </summary>
            <ul className="accord-plain-list">
              {regionSummary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section
        id="accord-cal-holidays"
        title={t('calendars.holidays')}
        description={t('calendars.holidaysHelp')}
      >
        <HolidaysEditor
          holidays={draft.holidays ?? []}
          problems={problems}
          today={today}
          onChange={(holidays) => {
            update({ holidays });
          }}
        />
      </Section>

      <Section
        id="accord-cal-exceptions"
        title={t('calendars.exceptions')}
        description={t('calendars.exceptionsHelp')}
      >
        <ExceptionsEditor
          exceptions={draft.exceptions ?? []}
          problems={problems}
          today={today}
          onChange={(exceptions) => {
            update({ exceptions });
          }}
        />
      </Section>

      <Section id="accord-cal-preview" title={t('calendars.preview')}>
        <WorkingPreview calendar={draft} from={from} region={region.dates} onRetryRegion={region.retry} />
      </Section>

      {!isNew ? (
        <Section id="accord-cal-history" title={t('history.heading')} collapsible defaultOpen={false}>
          <HistoryPanel
            kind="calendar"
            id={draft.id}
            currentVersion={version}
            onRestored={(restored) => {
              // Back to the list, which offers to recalculate the agreements that use the calendar.
              props.onClose(true, restored as Version<Calendar>);
            }}
          />
        </Section>
      ) : null}

      <SaveBar
        saving={save.saving}
        dirty={dirty}
        onSave={() => void onSave()}
        onCancel={() => {
          // Unsaved edits (imported holidays, a new name) are never dropped without asking.
          if (dirty) setConfirm('discard');
          else props.onClose(changed);
        }}
        status={dirty ? t('unsaved') : null}
      >
        {!isNew ? (
          <Button
            appearance="subtle"
            onClick={() => {
              setConfirm('delete');
            }}
          >
            {t('delete')}
          </Button>
        ) : null}
      </SaveBar>
      <Confirm
        open={confirm === 'discard'}
        appearance="warning"
        title={t('discardTitle')}
        confirm={t('discard')}
        onConfirm={() => {
          setConfirm(null);
          props.onClose(changed);
        }}
        onCancel={() => {
          setConfirm(null);
        }}
      >
        <p>{t('discardBody')}</p>
      </Confirm>
      <Confirm
        open={confirm === 'delete'}
        title={t('calendars.deleteTitle', { name: draft.name })}
        confirm={t('delete')}
        onConfirm={() => void onDelete()}
        onCancel={() => {
          setConfirm(null);
        }}
      >
        <p>
          {props.usedBy.length > 0
            ? t('calendars.deleteInUse', { names: props.usedBy.join(', ') })
            : t('calendars.deleteBody')}
        </p>
      </Confirm>
    </div>
  );
}
