import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReportGroupBy, ReportPeriodKind } from '../../../src/app/resolvers/report-types';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { GROUPINGS, PERIODS, PROJECT_KEY, toStored, type GadgetConfig } from './config';
import type { GadgetHost } from './host';
import { useRefusalText, useT } from './messages';
import { agreementOptions, type AgreementOption } from './options';
import { useSelectTexts } from '../../shared/ui/select-texts';

type Options =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | { readonly status: 'ready'; readonly agreements: readonly AgreementOption[] };

/**
 * The gadget's edit view: which agreement, which of its metrics (or all), the period, how the figures are
 * grouped, and optionally one project. Saved with the host's submit (Jira then shows the view); Cancel goes
 * back without saving. The agreements offered are the ones the reader may see figures of, for the project
 * given (every project only for Jira administrators).
 */
export default function EditView(props: {
  readonly backend: Backend;
  readonly host: GadgetHost;
  readonly initial: GadgetConfig | null;
  /** The dashboard's project, where Jira gives one; the project field's first value otherwise. */
  readonly projectKey: string | null;
}) {
  const t = useT();
  const refusal = useRefusalText();
  const ids = useId();
  const [agreementId, setAgreementId] = useState(props.initial?.agreementId ?? '');
  const [metricId, setMetricId] = useState(props.initial?.metricId ?? '');
  const [period, setPeriod] = useState<ReportPeriodKind>(props.initial?.period ?? 'month');
  const [groupBy, setGroupBy] = useState<ReportGroupBy>(props.initial?.groupBy ?? 'goal');
  const [project, setProject] = useState(props.initial?.projectKey ?? props.projectKey ?? '');
  // The project the agreements were loaded for: they change only when the reader asks (Load agreements).
  const [loadedFor, setLoadedFor] = useState(project.trim().toUpperCase());
  const [answer, setAnswer] = useState<{ readonly for: string; readonly options: Options } | null>(null);
  // Loading until the answer for the project asked about is in.
  const options: Options =
    answer !== null && answer.for === loadedFor ? answer.options : { status: 'loading' };
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');

  const projectValid = project.trim() === '' || PROJECT_KEY.test(project.trim().toUpperCase());

  useEffect(() => {
    let active = true;
    void props.backend
      .call('reports/compliance', {
        period: 'month',
        count: 1,
        groupBy: 'metric',
        ...(loadedFor === '' ? {} : { projectKey: loadedFor }),
      })
      .then((reply) => {
        if (!active) return;
        setAnswer({
          for: loadedFor,
          options: reply.ok
            ? { status: 'ready', agreements: agreementOptions(reply.data) }
            : { status: 'failed', error: reply.error },
        });
      });
    return () => {
      active = false;
    };
  }, [props.backend, loadedFor]);

  const agreements = options.status === 'ready' ? options.agreements : [];
  const chosen = agreements.find((a) => a.id === agreementId);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    const key = project.trim().toUpperCase();
    if (!projectValid) {
      setProblem(t('edit.projectInvalid'));
      return;
    }
    if (!chosen) {
      setProblem(t('edit.required'));
      return;
    }
    setProblem(null);
    const config: GadgetConfig = {
      agreementId: chosen.id,
      ...(metricId !== '' && chosen.metrics.some((m) => m.id === metricId) ? { metricId } : {}),
      period,
      groupBy,
      ...(key === '' ? {} : { projectKey: key }),
    };
    setSaving('saving');
    props.backend.submitGadget(toStored(config)).then(
      () => {
        setSaving('saved');
      },
      (error: unknown) => {
        setSaving('idle');
        setProblem(t('edit.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      },
    );
  };

  const field = (name: string): string => `${ids}-${name}`;
  return (
    <form className="accord-edit" onSubmit={save} noValidate>
      <h2 className="accord-gadget__title">{t('edit.title')}</h2>
      <p className="accord-gadget__subtle">{t('edit.intro')}</p>

      <div className="accord-field">
        <label htmlFor={field('project')}>{t('edit.project')}</label>
        <div className="accord-field__row">
          <Textfield
            id={field('project')}
            value={project}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={field('project-help')}
            isInvalid={!projectValid}
            onChange={(e) => {
              setProject(e.currentTarget.value);
            }}
          />
          <Button
            isDisabled={!projectValid || project.trim().toUpperCase() === loadedFor}
            onClick={() => {
              setLoadedFor(project.trim().toUpperCase());
            }}
          >
            {t('edit.load')}
          </Button>
        </div>
        <p id={field('project-help')} className="accord-field__help">
          {projectValid ? t('edit.projectHelp') : t('edit.projectInvalid')}
        </p>
      </div>

      {options.status === 'loading' ? (
        <p className="accord-gadget__quiet" aria-busy="true">
          {t('edit.loading')}
        </p>
      ) : options.status === 'failed' ? (
        <div role="alert" className="accord-gadget__message">
          <p>
            {options.error.code === 'forbidden'
              ? t('error.forbidden', { reason: refusal(options.error) })
              : t('error.failed', { reason: refusal(options.error) })}
          </p>
        </div>
      ) : agreements.length === 0 ? (
        <p className="accord-gadget__message">{t('edit.none')}</p>
      ) : (
        <>
          <div className="accord-field">
            <label htmlFor={field('agreement')}>{t('edit.agreement')}</label>
            <Choice
              id={field('agreement')}
              value={chosen ? chosen.id : null}
              placeholder={t('edit.choose')}
              describedBy={field('agreement-help')}
              options={agreements.map((a) => ({
                value: a.id,
                label: `${a.name} (${a.kind}${a.counterparty === null ? '' : `, ${a.counterparty}`})`,
              }))}
              onChange={(value) => {
                setAgreementId(value);
                setMetricId('');
              }}
            />
            <p id={field('agreement-help')} className="accord-field__help">
              {t('edit.agreementHelp')}
            </p>
          </div>

          <div className="accord-field">
            <label htmlFor={field('metric')}>{t('edit.metric')}</label>
            <Choice
              id={field('metric')}
              value={metricId}
              isDisabled={!chosen}
              options={[
                { value: '', label: t('edit.allMetrics') },
                ...(chosen?.metrics ?? []).map((m) => ({ value: m.id, label: m.name })),
              ]}
              onChange={setMetricId}
            />
          </div>
        </>
      )}

      <div className="accord-field">
        <label htmlFor={field('period')}>{t('edit.period')}</label>
        <Choice
          id={field('period')}
          value={period}
          options={PERIODS.map((p) => ({ value: p, label: t(`edit.periodOption.${p}`) }))}
          onChange={(value) => {
            setPeriod(PERIODS.find((p) => p === value) ?? 'month');
          }}
        />
      </div>

      <div className="accord-field">
        <label htmlFor={field('group')}>{t('edit.groupBy')}</label>
        <Choice
          id={field('group')}
          value={groupBy}
          options={GROUPINGS.map((g) => ({ value: g, label: t(`edit.groupOption.${g}`) }))}
          onChange={(value) => {
            setGroupBy(GROUPINGS.find((g) => g === value) ?? 'goal');
          }}
        />
      </div>

      {problem === null ? null : (
        <p role="alert" className="accord-field__error">
          {problem}
        </p>
      )}
      {saving === 'saved' ? (
        <p role="status" className="accord-gadget__subtle">
          {t('edit.saved')}
        </p>
      ) : null}

      <div className="accord-edit__actions">
        <Button type="submit" appearance="primary" isLoading={saving === 'saving'}>
          {saving === 'saving' ? t('edit.saving') : t('edit.save')}
        </Button>
        {props.initial === null ? null : (
          <Button
            appearance="subtle"
            onClick={() => {
              void props.host.close().catch(() => undefined);
            }}
          >
            {t('edit.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

/** One of a few values, as Atlaskit's select (labelled by the `<label>` whose `htmlFor` is `id`). */
function Choice(props: {
  readonly id: string;
  readonly value: string | null;
  readonly options: readonly ChoiceOption[];
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly describedBy?: string;
  readonly isDisabled?: boolean;
}) {
  const selectText = useSelectTexts();
  return (
    <Select<ChoiceOption>
      {...selectText}
      inputId={props.id}
      options={props.options}
      value={props.options.find((o) => o.value === props.value) ?? null}
      isDisabled={props.isDisabled === true}
      isSearchable={props.options.length > 6}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
      {...(props.describedBy === undefined ? {} : { descriptionId: props.describedBy })}
      onChange={(option) => {
        if (option) props.onChange(option.value);
      }}
    />
  );
}
