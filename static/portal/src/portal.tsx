import type { ReactNode } from 'react';
import type { Backend, UiContext } from '../../shared/backend';
import type { MessageKeys } from '../../shared/i18n/i18n';
import { I18nProvider, useI18n, useUiStart } from '../../shared/i18n/use-i18n';
import { Lozenge } from '../../shared/ui/lozenge';
import type english from '../locales/en-US.json';
import type sharedEnglish from '../../shared/locales/en-US.json';
import { wordingOf, type PortalCommitment, type Wording } from './commitments';
import { useCommitments } from './use-commitments';
import { customerInstant } from './when';

/** The portal panel's message keys, from its English catalogue and the shared one. */
export type PortalKey = MessageKeys<typeof english> | MessageKeys<typeof sharedEnglish>;
const useT = () => useI18n<PortalKey>().t;

/**
 * The customer's panel on a portal request ("Our commitments"): the request's customer-visible SLA
 * commitments as sentences ("We will respond by Monday, 2 March at 11:00 CET"), in the customer's language
 * and time zone. Nothing of OLAs, UCs, agreement names or conditions reaches it (the backend leaves them out).
 */
export function PortalPanel(props: { readonly backend: Backend; readonly clock?: () => number }) {
  const start = useUiStart(
    props.backend,
    'portal',
    (detail) => `Jira did not say which request this is${detail}.`,
  );

  // Until the panel has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') {
    return (
      <div role="alert" className="accord-portal__message">
        {start.error.message}
      </div>
    );
  }
  if (start.status !== 'ready') return <p className="accord-portal__quiet" aria-busy />;
  const { context } = start;
  return (
    <I18nProvider i18n={start.i18n}>
      {context.issueId === null ? (
        // The host did not say which request this is: saying "nothing is agreed" could be wrong.
        <div role="alert" className="accord-portal__message">
          <p>{start.i18n.t('error.failed')}</p>
        </div>
      ) : (
        <Commitments
          backend={props.backend}
          issueId={context.issueId}
          context={context}
          clock={props.clock ?? Date.now}
        />
      )}
    </I18nProvider>
  );
}

function Commitments(props: {
  readonly backend: Backend;
  readonly issueId: string;
  readonly context: UiContext;
  readonly clock: () => number;
}) {
  const t = useT();
  const { state, reload } = useCommitments(props.backend, props.issueId);
  switch (state.status) {
    case 'loading':
      return (
        <p className="accord-portal__quiet" aria-busy>
          {t('loading')}
        </p>
      );
    case 'failed':
      return (
        <div role="alert" className="accord-portal__message">
          <p>{state.error.code === 'forbidden' ? t('error.forbidden') : t('error.failed')}</p>
          {state.error.code === 'forbidden' ? null : (
            <button type="button" className="accord-button" onClick={reload}>
              {t('retry')}
            </button>
          )}
        </div>
      );
    case 'ready': {
      const now = props.clock();
      const shown = state.commitments.flatMap((c) => {
        const wording = wordingOf(c, now);
        return wording ? [{ commitment: c, wording }] : [];
      });
      if (shown.length === 0) return <None />;
      const viewer = { locale: props.context.locale, timeZone: props.context.timeZone, now };
      return (
        <ul className="accord-portal" aria-label={t('listLabel')}>
          {shown.map(({ commitment, wording }) => (
            <Commitment key={commitment.key} commitment={commitment} wording={wording} viewer={viewer} />
          ))}
        </ul>
      );
    }
  }
}

function Commitment(props: {
  readonly commitment: PortalCommitment;
  readonly wording: Wording;
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
}) {
  const t = useT();
  const { commitment, wording, viewer } = props;
  const title = commitment.purpose === 'other' ? commitment.name : t(`title.${commitment.purpose}`);
  const at = wording.at;
  return (
    <li className={`accord-commitment accord-commitment--${commitment.state}`}>
      <div className="accord-commitment__head">
        <span className="accord-commitment__title">{title}</span>
        {wording.badge === null ? null : (
          <Lozenge appearance={wording.badge === 'late' ? 'warning' : 'discovery'}>
            {t(`badge.${wording.badge}`)}
          </Lozenge>
        )}
      </div>
      <p className="accord-commitment__text">
        {at === null
          ? t(wording.sentence)
          : withInstant(
              t(wording.sentence, { at: SLOT }),
              <time dateTime={new Date(at).toISOString()}>{customerInstant(at, viewer)}</time>,
            )}
      </p>
    </li>
  );
}

// The instant goes into the translated sentence as an element, wherever the language puts it.
const SLOT = '\u0000';

function withInstant(sentence: string, instant: ReactNode): ReactNode {
  const [before = '', after = ''] = sentence.split(SLOT);
  return (
    <>
      {before}
      {instant}
      {after}
    </>
  );
}

function None() {
  const t = useT();
  return <p className="accord-portal__quiet">{t('none')}</p>;
}
