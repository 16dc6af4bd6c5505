import Button from '@atlaskit/button/new';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { useRef, useState } from 'react';
import type { Holiday } from '../../../../src/engine/calendar/types';
import type { IcsPreview } from '../api';
import type { Failure } from '../../../shared/api/reply';
import { useAdmin } from '../admin-context';
import { useT } from '../messages';
import { ErrorNotice, type WordedFailure } from '../ui/error-notice';
import { formatLocalDay } from './dates';

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly file: string }
  | { readonly step: 'preview'; readonly file: string; readonly preview: IcsPreview }
  | { readonly step: 'failed'; readonly file: string; readonly error: Failure | WordedFailure };

/** A file's text, through FileReader: what every browser (and jsdom) has. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('the file could not be read'));
    };
    reader.readAsText(file);
  });
}

/** A holiday's key for telling duplicates: the date, or only month and day for an annual one. */
const keyOf = (h: { readonly date: string; readonly annual?: boolean }) =>
  h.annual === true ? `*-${h.date.slice(5)}` : h.date;

/**
 * Imports holidays from an ICS file (a public-holiday calendar exported from Google Calendar, Outlook or a
 * government site): the backend reads it, the admin sees what will be added (and what is already there or
 * skipped, and why) and confirms. Nothing changes before that.
 */
export function IcsImport(props: {
  readonly holidays: readonly Holiday[];
  readonly onAdd: (holidays: Holiday[]) => void;
}) {
  const { t, locale } = useT();
  const { backend, announce } = useAdmin();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const close = () => {
    setState({ step: 'idle' });
  };
  const read = async (file: File) => {
    setState({ step: 'reading', file: file.name });
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setState({
        step: 'failed',
        file: file.name,
        error: { code: 'invalid-payload', worded: t('ics.unreadable', { file: file.name }) },
      });
      return;
    }
    const reply = await backend.call('calendars/preview-ics', { text });
    setState(
      reply.ok
        ? { step: 'preview', file: file.name, preview: reply.data }
        : { step: 'failed', file: file.name, error: reply.error },
    );
  };
  const existing = new Set(props.holidays.map(keyOf));
  const preview = state.step === 'preview' ? state.preview : null;
  const fresh = preview ? preview.holidays.filter((h) => !existing.has(keyOf(h))) : [];
  const already = preview ? preview.holidays.length - fresh.length : 0;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".ics,text/calendar"
        className="accord-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      <Button
        isLoading={state.step === 'reading'}
        onClick={() => {
          input.current?.click();
        }}
      >
        {t('ics.import')}
      </Button>
      <ModalTransition>
        {state.step === 'preview' || state.step === 'failed' ? (
          <Modal onClose={close} width="large" testId="accord-dialog">
            <ModalHeader hasCloseButton closeButtonLabel={t('close')}>
              <ModalTitle>{t('ics.title', { file: state.file })}</ModalTitle>
            </ModalHeader>
            <ModalBody>
              {state.step === 'failed' ? (
                <ErrorNotice error={state.error} hint={t('ics.invalidHint')} />
              ) : (
                <>
                  <p>
                    {fresh.length > 0 ? t('ics.willAdd', { count: fresh.length }) : t('ics.nothingNew')}
                    {already > 0 ? ` ${t('ics.already', { count: already })}` : ''}
                  </p>
                  {fresh.length > 0 ? (
                    <table className="accord-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('holidays.date')}</th>
                          <th scope="col">{t('holidays.name')}</th>
                          <th scope="col">{t('holidays.annual')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {fresh.map((h, i) => (
                          <tr key={i}>
                            <td>{formatLocalDay(h.date, locale, h.annual === true)}</td>
                            <td>{h.name}</td>
                            <td>{h.annual === true ? t('yes') : t('no')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {state.preview.skipped.length > 0 ? (
                    <SectionMessage
                      headingLevel="h3"
                      appearance="information"
                      title={t('ics.skipped', { count: state.preview.skipped.length })}
                    >
                      <ul>
                        {state.preview.skipped.map((s, i) => (
                          <li key={i}>
                            {s.name}: {s.reason}
                          </li>
                        ))}
                      </ul>
                    </SectionMessage>
                  ) : null}
                </>
              )}
            </ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={close}>
                {t('cancel')}
              </Button>
              {fresh.length > 0 ? (
                <Button
                  appearance="primary"
                  onClick={() => {
                    props.onAdd(
                      fresh.map((h) => ({
                        date: h.date,
                        name: h.name,
                        ...(h.annual ? { annual: true } : {}),
                      })),
                    );
                    announce(t('ics.added', { count: fresh.length }));
                    close();
                  }}
                >
                  {t('ics.add', { count: fresh.length })}
                </Button>
              ) : null}
            </ModalFooter>
          </Modal>
        ) : null}
      </ModalTransition>
    </>
  );
}
