import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Calendar, Failure, Placement, Version } from '../api';
import { useAdmin } from '../admin-context';
import { formatDateTime, slugOf } from '../dates';
import { useRefusalText, useT } from '../messages';
import { without } from '../omit';
import { focusField, isWithin } from '../problems';
import { useRemote } from '../use-remote';
import { useSave } from '../use-save';
import { Confirm } from '../ui/confirm';
import { ErrorNotice } from '../ui/error-notice';
import { ErrorSummary } from '../ui/error-summary';
import { Loading } from '../ui/loading';
import { usePeople } from '../people/people';
import { useFocusOnMount } from '../ui/focus';
import { SaveBar } from '../ui/save-bar';
import { Section } from '../ui/section';
import { blankAgreement, blankMetric, cleanedAgreement, placementChanges, projectsOf } from './draft';
import { FitPanel } from './fit-panel';
import { GeneralFields } from './general-fields';
import { HistoryPanel } from './history-panel';
import { MetricEditor } from './metric-editor';
import { PreviewPanel } from './preview-panel';
import { SiteCheckProvider, stillApplying, useSiteCheck, type SiteChecked } from './site-warnings';

interface Loaded {
  readonly agreement: Version<Agreement> | null;
  readonly agreements: readonly Version<Agreement>[];
  readonly calendars: readonly Version<Calendar>[];
  readonly placements: readonly Placement[];
}

/**
 * Opens an agreement (or a new one) with everything its editor needs: the other agreements (for ids and the
 * fit check), the calendars (for goals) and where agreements apply.
 */
export function AgreementEditor(props: {
  readonly id: string | null;
  readonly onClose: (changed: boolean) => void;
}) {
  const { t } = useT();
  const { backend } = useAdmin();
  // A restore writes a new version and loads it again; the offer to recalculate outlives that reload.
  const [restored, setRestored] = useState<After>(null);
  // The last save's check against the site, for the JQL fields to show their warnings.
  const [siteChecked, setSiteChecked] = useState<SiteChecked>(null);
  const { state, reload } = useRemote<Loaded>(async () => {
    const [agreement, agreements, calendars, placements] = await Promise.all([
      props.id === null ? Promise.resolve(null) : backend.call('agreements/get', { id: props.id }),
      backend.call('agreements/list', {}),
      backend.call('calendars/list', {}),
      backend.call('agreements/placements', {}),
    ]);
    for (const reply of [agreement, agreements, calendars, placements]) if (reply && !reply.ok) return reply;
    return {
      ok: true,
      data: {
        agreement: agreement?.ok ? agreement.data : null,
        agreements: agreements.ok ? agreements.data : [],
        calendars: calendars.ok ? calendars.data : [],
        placements: placements.ok ? placements.data.projects : [],
      },
    };
  }, props.id ?? '\u0000new');
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  return (
    <SiteCheckProvider value={siteChecked}>
      <Editor
        key={state.data.agreement?.version ?? 0}
        loaded={state.data}
        reload={reload}
        onClose={props.onClose}
        initialAfter={restored?.version === state.data.agreement?.version ? restored : null}
        onRestored={(after) => {
          setRestored(after);
          reload();
        }}
        onSiteChecked={setSiteChecked}
      />
    </SiteCheckProvider>
  );
}

/**
 * What a save or a restore wrote, for the notice that offers to recalculate: the version, the version it
 * restored (if it was a restore), the names of the metrics it no longer has, and a failure to set projects.
 */
type After = {
  readonly version: number;
  readonly restoredFrom?: number;
  readonly removed: readonly string[];
  readonly placementError: Failure | null;
} | null;

/** The names of the metrics `before` has and `after` does not (by id: a renamed metric is the same metric). */
function removedMetrics(before: Agreement | null, after: Agreement | null): string[] {
  const kept = new Set((after?.metrics ?? []).map((m) => m.id));
  return (before?.metrics ?? []).filter((m) => !kept.has(m.id)).map((m) => m.name);
}

function Editor(props: {
  readonly loaded: Loaded;
  readonly reload: () => void;
  readonly onClose: (changed: boolean) => void;
  readonly initialAfter: After;
  readonly onRestored: (after: After) => void;
  readonly onSiteChecked: (checked: SiteChecked) => void;
}) {
  const { t, locale } = useT();
  const { backend, ui, announce, open } = useAdmin();
  const refusal = useRefusalText();
  const head = useFocusOnMount<HTMLDivElement>();
  const { loaded } = props;
  const [original, setOriginal] = useState<Agreement | null>(loaded.agreement?.body ?? null);
  const firstCalendar = loaded.calendars[0]?.id ?? '';
  const [draft, setDraft] = useState<Agreement>(
    () => original ?? blankAgreement(firstCalendar, t('agreements.defaultMetric')),
  );
  const [savedId, setSavedId] = useState<string | null>(original ? (loaded.agreement?.id ?? null) : null);
  const [version, setVersion] = useState(loaded.agreement?.version ?? 0);
  // Who saved the version the editor holds, and when: the loaded one's, then each save's own.
  const [stamp, setStamp] = useState(() =>
    loaded.agreement ? { savedAt: loaded.agreement.savedAt, savedBy: loaded.agreement.savedBy } : null,
  );
  const nameOf = usePeople(stamp ? [stamp.savedBy] : []);
  const [placements, setPlacements] = useState(loaded.placements);
  const [projects, setProjects] = useState<string[]>(() =>
    original ? projectsOf(original.id, loaded.placements) : [],
  );
  const [idTouched, setIdTouched] = useState(original !== null);
  const [after, setAfter] = useState<After>(props.initialAfter);
  const [confirm, setConfirm] = useState<'delete' | 'discard' | null>(null);
  const [deleteError, setDeleteError] = useState<Failure | null>(null);
  const [replaceCompleted, setReplaceCompleted] = useState(false);
  const [jobError, setJobError] = useState<Failure | null>(null);
  // The metric being edited: the others are folded to a line each. A metric just added is unfolded and its
  // name field takes the focus (once it is rendered).
  const [openMetric, setOpenMetric] = useState<number | null>(0);
  const focusMetric = useRef<number | null>(null);
  useEffect(() => {
    if (focusMetric.current === null) return;
    focusField(`$.metrics[${focusMetric.current}].name`);
    focusMetric.current = null;
  }, [draft.metrics.length]);
  const save = useSave<Agreement>('$.agreement');
  const siteChecked = useSiteCheck();
  const problems = save.problemsFor(draft);
  // A warning of the last save's site check unfolds its section too, so that it is seen.
  const siteWarnings = stillApplying(siteChecked, draft);
  const generalProblems = [...problems.all, ...siteWarnings].some((p) => !isWithin(p.path, '$.metrics'));
  const isNew = savedId === null;
  const savedMetricIds = new Set((original?.metrics ?? []).map((m) => m.id));
  const cleaned = cleanedAgreement(draft);
  const baseline = original ? JSON.stringify(cleanedAgreement(original)) : null;
  const projectsBaseline = savedId ? projectsOf(savedId, placements).join(',') : '';
  const dirty = JSON.stringify(cleaned) !== baseline || projects.join(',') !== projectsBaseline;
  const calendars = loaded.calendars.flatMap((c) => (c.body ? [{ id: c.id, name: c.body.name }] : []));
  const takenIds = new Set(loaded.agreements.map((a) => a.id).filter((id) => id !== savedId));

  const update = (patch: Partial<Agreement>, remove: readonly (keyof Agreement)[] = []) => {
    setDraft((d) => without({ ...d, ...patch }, ...remove) as Agreement);
  };

  /**
   * Puts the agreement into the lists of the projects `wanted` and takes it out of the others, each list
   * written over the list as loaded. A list someone changed meanwhile is refused rather than overwritten; then
   * the lists are read again and the agreement added to or taken out of theirs, once. The first failure left
   * is returned.
   */
  const writePlacements = async (agreementId: string, wanted: readonly string[]): Promise<Failure | null> => {
    let lists = placements;
    let failure: Failure | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      failure = null;
      for (const change of placementChanges(agreementId, wanted, lists)) {
        const reply = await backend.call('projects/save', {
          projectKey: change.projectKey,
          agreementIds: change.agreementIds,
          expected: change.expected,
        });
        if (!reply.ok) {
          failure = reply.error;
          break;
        }
        const written = { projectKey: change.projectKey, agreementIds: change.agreementIds };
        lists = [...lists.filter((p) => p.projectKey !== change.projectKey), written];
      }
      if (failure?.code !== 'conflict') break;
      const fresh = await backend.call('agreements/placements', {});
      if (!fresh.ok) break;
      lists = fresh.data.projects;
    }
    setPlacements(lists);
    return failure;
  };

  const onSave = async () => {
    setAfter(null);
    props.onSiteChecked(null);
    const sent = cleanedAgreement(draft);
    const saved = await save.run(sent, () =>
      backend.call('agreements/save', { agreement: sent, expectedVersion: isNew ? 0 : version }),
    );
    if (!saved) {
      announce(t('notSaved'));
      return;
    }
    props.onSiteChecked({ sent, check: saved.siteCheck });
    setVersion(saved.version);
    setStamp({ savedAt: saved.savedAt, savedBy: saved.savedBy });
    setSavedId(saved.id);
    setDraft(sent);
    setOriginal(sent);
    // Where it applies is each project's list of agreements: write the lists that change.
    const placementError = await writePlacements(saved.id, projects);
    setAfter({ version: saved.version, removed: removedMetrics(original, sent), placementError });
    announce(
      placementError
        ? t('agreements.savedButPlacement', { name: sent.name, version: saved.version })
        : t('agreements.saved', { name: sent.name, version: saved.version }),
    );
  };

  const recalculate = async () => {
    if (savedId === null) return;
    const reply = await backend.call('jobs/start', {
      scope: { kind: 'agreement', agreementId: savedId },
      replaceCompleted,
    });
    if (reply.ok) {
      setJobError(null);
      announce(t('agreements.recalculationStarted'));
      open('jobs');
    } else {
      setJobError(reply.error);
      announce(refusal(reply.error));
    }
  };

  const onDelete = async () => {
    setConfirm(null);
    if (savedId === null) return;
    const reply = await backend.call('agreements/delete', { id: savedId, expectedVersion: version });
    if (!reply.ok) {
      setDeleteError(reply.error);
      announce(refusal(reply.error));
      return;
    }
    await writePlacements(savedId, []);
    announce(t('agreements.deleted', { name: draft.name }));
    props.onClose(true);
  };

  return (
    <div className="accord-editor">
      <div className="accord-editor__head" ref={head} tabIndex={-1}>
        <Heading as="h2" size="medium">
          {isNew
            ? t('agreements.newTitle')
            : t('agreements.editTitle', { name: original?.name ?? draft.name })}{' '}
          <Lozenge appearance={draft.kind === 'SLA' ? 'inprogress' : draft.kind === 'OLA' ? 'new' : 'moved'}>
            {draft.kind}
          </Lozenge>
        </Heading>
        {stamp && !isNew ? (
          <p className="accord-muted">
            {t('versionLine', {
              version,
              date: formatDateTime(stamp.savedAt, locale, ui.timeZone),
              by: nameOf(stamp.savedBy),
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
      {deleteError ? <ErrorNotice title={t('agreements.notDeleted')} error={deleteError} /> : null}
      {siteChecked?.check.status === 'skipped' ? (
        <p className="accord-muted" role="status">
          {t('jql.site.unchecked')}
        </p>
      ) : null}
      {siteWarnings.length > 0 ? (
        <p className="accord-field__warnings" role="status">
          {t('jql.site.savedWithWarnings', { count: siteWarnings.length })}
        </p>
      ) : null}
      {after ? (
        <div className="accord-notice">
          {after.placementError ? (
            <ErrorNotice
              title={t('agreements.placementFailed')}
              error={after.placementError}
              onRetry={() => void onSave()}
            />
          ) : null}
          <SectionMessage
            appearance="success"
            headingLevel="h3"
            title={
              after.restoredFrom === undefined
                ? t('agreements.savedTitle', { version: after.version })
                : t('agreements.restoredTitle', { from: after.restoredFrom, version: after.version })
            }
          >
            <p>{t('agreements.recalculateHint')}</p>
            {after.removed.length > 0 ? (
              <p>{t('agreements.removedMetrics', { names: after.removed.join(', ') })}</p>
            ) : null}
            <Checkbox
              isChecked={replaceCompleted}
              label={t('jobs.replaceCompleted')}
              onChange={(e) => {
                setReplaceCompleted(e.currentTarget.checked);
              }}
            />
            <div className="accord-notice__actions">
              <Button appearance="primary" onClick={() => void recalculate()}>
                {t('agreements.recalculate')}
              </Button>
            </div>
          </SectionMessage>
          {jobError ? <ErrorNotice error={jobError} /> : null}
        </div>
      ) : null}

      <Section
        id="accord-agr-general"
        title={t('agreements.general')}
        collapsible
        forceOpen={generalProblems}
      >
        <GeneralFields
          draft={draft}
          isNew={isNew}
          takenIds={takenIds}
          problems={problems}
          projects={projects}
          onProjects={setProjects}
          update={update}
          onName={(name) => {
            update(isNew && !idTouched ? { name, id: slugOf(name) } : { name });
          }}
          onId={(id) => {
            setIdTouched(true);
            update({ id });
          }}
        />
      </Section>

      <Section
        id="accord-agr-metrics"
        title={t('agreements.metrics')}
        description={t('agreements.metricsHelp')}
      >
        {calendars.length === 0 ? (
          <SectionMessage appearance="warning" headingLevel="h4" title={t('agreements.noCalendarsTitle')}>
            <p>{t('agreements.noCalendarsBody')}</p>
            <Button
              onClick={() => {
                open('calendars');
              }}
            >
              {t('agreements.toCalendars')}
            </Button>
          </SectionMessage>
        ) : null}
        {draft.metrics.length === 0 ? <p className="accord-muted">{t('agreements.noMetrics')}</p> : null}
        <div className="accord-metrics-list" data-path="$.metrics">
          {draft.metrics.map((metric, i) => (
            <MetricEditor
              key={i}
              index={i}
              metric={metric}
              calendars={calendars}
              problems={problems}
              isNew={!savedMetricIds.has(metric.id) || isNew}
              open={openMetric === i}
              onToggle={() => {
                setOpenMetric(openMetric === i ? null : i);
              }}
              onChange={(m) => {
                setDraft((d) => ({ ...d, metrics: d.metrics.map((x, j) => (j === i ? m : x)) }));
              }}
              onRemove={() => {
                setDraft((d) => ({ ...d, metrics: d.metrics.filter((_, j) => j !== i) }));
                setOpenMetric((o) => (o === null || o < i ? o : o === i ? null : o - 1));
              }}
            />
          ))}
        </div>
        <Button
          onClick={() => {
            const added = draft.metrics.length;
            setDraft((d) => ({ ...d, metrics: [...d.metrics, blankMetric(firstCalendar)] }));
            setOpenMetric(added);
            focusMetric.current = added;
          }}
        >
          {t('agreements.addMetric')}
        </Button>
      </Section>

      <Section id="accord-agr-fit" title={t('fit.heading')} description={t('fit.description')} collapsible>
        <FitPanel
          draft={cleaned}
          draftProjects={projects.length > 0 ? projects : undefined}
          savedId={savedId}
          agreements={loaded.agreements}
          placements={placements}
          calendars={loaded.calendars}
        />
      </Section>

      <Section
        id="accord-agr-preview"
        title={t('previewRun.heading')}
        description={t('previewRun.description')}
        collapsible
        defaultOpen={false}
      >
        <PreviewPanel
          draft={cleaned}
          projects={[
            ...new Set([...projects.map((p) => p.toUpperCase()), ...placements.map((p) => p.projectKey)]),
          ]}
        />
      </Section>

      {savedId !== null ? (
        <Section id="accord-agr-history" title={t('history.heading')} collapsible defaultOpen={false}>
          <HistoryPanel
            id={savedId}
            currentVersion={version}
            onRestored={(written, from) => {
              props.onRestored({
                version: written.version,
                restoredFrom: from.version,
                // This panel's versions are the agreement's (the panel serves calendars too).
                removed: removedMetrics(
                  original,
                  written.body !== null && 'metrics' in written.body ? written.body : null,
                ),
                placementError: null,
              });
            }}
          />
        </Section>
      ) : null}

      <SaveBar
        saving={save.saving}
        dirty={dirty}
        onSave={() => void onSave()}
        onCancel={() => {
          if (dirty) setConfirm('discard');
          else props.onClose(after !== null);
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
        open={confirm === 'delete'}
        title={t('agreements.deleteTitle', { name: draft.name })}
        confirm={t('delete')}
        onConfirm={() => void onDelete()}
        onCancel={() => {
          setConfirm(null);
        }}
      >
        <p>{t('agreements.deleteBody')}</p>
      </Confirm>
      <Confirm
        open={confirm === 'discard'}
        appearance="warning"
        title={t('discardTitle')}
        confirm={t('discard')}
        onConfirm={() => {
          setConfirm(null);
          props.onClose(after !== null);
        }}
        onCancel={() => {
          setConfirm(null);
        }}
      >
        <p>{t('discardBody')}</p>
      </Confirm>
    </div>
  );
}
