import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { Failure, RetentionReply } from '../api';
import { useAdmin } from '../admin-context';
import { useT } from '../messages';
import { ErrorNotice } from '../ui/error-notice';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { useRemote } from '../use-remote';

/**
 * How long Accord keeps issue histories and single cycles (Forge SQL holds 1 GiB per site): two numbers with
 * their defaults and bounds, saved together. Until an admin saves them, Accord chooses them for the site's pace
 * (the defaults) and says so.
 */
export function RetentionControl() {
  const { t } = useT();
  const { backend } = useAdmin();
  const { state, reload } = useRemote(() => backend.call('retention/get', {}), 'retention');
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  // A fresh form for each policy read, so that the fields start from what is stored.
  const { policy } = state.data;
  return (
    <RetentionForm
      key={`${policy.historyDays}/${policy.rawCycleMonths}`}
      reply={state.data}
      onSaved={reload}
    />
  );
}

function RetentionForm(props: { readonly reply: RetentionReply; readonly onSaved: () => void }) {
  const { t } = useT();
  const { backend, announce } = useAdmin();
  const { bounds, defaults, policy, automatic } = props.reply;
  const [historyDays, setHistoryDays] = useState(String(policy.historyDays));
  const [rawCycleMonths, setRawCycleMonths] = useState(String(policy.rawCycleMonths));
  const [error, setError] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (automatically: boolean) => {
    setSaving(true);
    const reply = await backend.call(
      'retention/set',
      automatically
        ? { automatic: true }
        : { historyDays: Number(historyDays), rawCycleMonths: Number(rawCycleMonths) },
    );
    setSaving(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setError(null);
    announce(t('retention.saved'));
    props.onSaved();
  };

  return (
    <div className="accord-form">
      <p className="accord-muted">{t('retention.intro')}</p>
      {automatic ? (
        <p data-testid="retention-automatic">
          {t('retention.automatic', {
            count: automatic.closedLast30Days,
            days: defaults.historyDays,
            months: defaults.rawCycleMonths,
          })}
        </p>
      ) : null}
      <Field
        path="$.historyDays"
        label={t('retention.historyDays')}
        help={t('retention.historyHelp', { ...bounds.historyDays, default: defaults.historyDays })}
        problems={error?.problems ?? []}
      >
        {(c) => (
          <Textfield
            {...c}
            type="number"
            min={bounds.historyDays.min}
            max={bounds.historyDays.max}
            value={historyDays}
            onChange={(e) => {
              setHistoryDays(e.currentTarget.value);
            }}
          />
        )}
      </Field>
      <Field
        path="$.rawCycleMonths"
        label={t('retention.rawCycleMonths')}
        help={t('retention.cyclesHelp', { ...bounds.rawCycleMonths, default: defaults.rawCycleMonths })}
        problems={error?.problems ?? []}
      >
        {(c) => (
          <Textfield
            {...c}
            type="number"
            min={bounds.rawCycleMonths.min}
            max={bounds.rawCycleMonths.max}
            value={rawCycleMonths}
            onChange={(e) => {
              setRawCycleMonths(e.currentTarget.value);
            }}
          />
        )}
      </Field>
      {error && !error.problems ? <ErrorNotice error={error} /> : null}
      <div className="accord-actions">
        <Button appearance="primary" isLoading={saving} onClick={() => void save(false)}>
          {t('retention.save')}
        </Button>
        {automatic ? null : (
          <Button isDisabled={saving} onClick={() => void save(true)}>
            {t('retention.useAutomatic')}
          </Button>
        )}
      </div>
    </div>
  );
}
