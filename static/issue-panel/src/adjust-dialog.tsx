import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type FormEvent } from 'react';
import { parseLocalDate } from '../../../src/engine/time/local-date';
import { isKnownZone, instantOf } from '../../../src/engine/time/zone';
import type { Backend } from '../../shared/backend';
import type { PayloadOf } from '../../shared/api/reply';
import { formatInstant } from '../../shared/format/instant';
import type { Viewer } from './metric-card';
import { useMessages } from './messages';

/** What the dialog decides on: one metric of one agreement on the issue. */
export interface AdjustTarget {
  readonly mode: 'extend' | 'excuse';
  readonly issueId: string;
  readonly agreementId: string;
  readonly metricId: string;
  readonly metricName: string;
  /** The running deadline (extend) or the breach (excuse), epoch ms; null when there is none to show. */
  readonly at: number | null;
}

// The frame grows with its content: while the dialog is open the panel reserves this much height, so that
// the dialog, placed in the frame's own viewport, is not cut off in a short panel.
export const DIALOG_ROOM_PX = 640;

/**
 * Extends a running deadline (by working hours and minutes, or to a date and time in the viewer's zone) or
 * excuses a breach, always with a reason. The backend checks the right and audits the decision; its refusal is
 * shown as it words it.
 */
export function AdjustDialog(props: {
  readonly backend: Backend;
  readonly target: AdjustTarget;
  readonly viewer: Viewer;
  readonly onClose: () => void;
  readonly onDone: () => void;
}) {
  const messages = useMessages();
  const m = messages.adjust;
  const { target, viewer } = props;
  const [how, setHow] = useState<'by' | 'until'>('by');
  const [hours, setHours] = useState('1');
  const [minutes, setMinutes] = useState('0');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const extend = target.mode === 'extend';

  // The panel's frame often starts low on Jira's page (below the issue's fields): once the dialog is drawn,
  // bring it into the person's view. Scrolling into view reaches the host page across the frame's border.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      // The dialog itself is fixed in the frame and scrolls nothing; the panel's top does, and the dialog is
      // drawn a little below it.
      document.getElementById('root')?.scrollIntoView({ block: 'start', inline: 'nearest' });
    }, 50);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (reason.trim() === '') {
      setProblem(m.reasonRequired);
      return;
    }
    const base = {
      issueId: target.issueId,
      agreementId: target.agreementId,
      metricId: target.metricId,
      reason: reason.trim(),
    };
    let extension: PayloadOf<'issue/extend'> | undefined;
    if (extend && how === 'by') {
      const total = Number(hours || '0') * 60 + Number(minutes || '0');
      if (!Number.isInteger(total) || total <= 0) {
        setProblem(m.durationInvalid);
        return;
      }
      extension = { ...base, minutes: total };
    } else if (extend) {
      const instant = wallClockInstant(until, viewer.timeZone);
      if (instant === undefined) {
        setProblem(m.untilInvalid);
        return;
      }
      extension = { ...base, until: new Date(instant).toISOString() };
    }
    setBusy(true);
    const reply =
      extension === undefined
        ? await props.backend.call('issue/excuse', base)
        : await props.backend.call('issue/extend', extension);
    setBusy(false);
    if (reply.ok) props.onDone();
    else setProblem(messages.refusal(reply.error, viewer));
  };

  const formId = 'accord-adjust-form';
  return (
    <Modal onClose={props.onClose} width="small" testId="accord-adjust-dialog">
      <ModalHeader hasCloseButton closeButtonLabel={m.close}>
        <ModalTitle>{m.title(extend)}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <form id={formId} className="accord-adjust" onSubmit={(e) => void submit(e)} noValidate>
          <p className="accord-adjust__subject">
            {target.metricName}
            {target.at === null
              ? null
              : ` · ${extend ? m.dueNow(formatInstant(target.at, viewer)) : m.breachedAt(formatInstant(target.at, viewer))}`}
          </p>
          {extend ? (
            <fieldset className="accord-adjust__how">
              <legend>{m.how}</legend>
              <div className="accord-adjust__choices">
                <Button
                  isSelected={how === 'by'}
                  aria-pressed={how === 'by'}
                  onClick={() => {
                    setHow('by');
                  }}
                  testId="accord-adjust-by"
                >
                  {m.by}
                </Button>
                <Button
                  isSelected={how === 'until'}
                  aria-pressed={how === 'until'}
                  onClick={() => {
                    setHow('until');
                  }}
                  testId="accord-adjust-to"
                >
                  {m.until}
                </Button>
              </div>
              {how === 'by' ? (
                <div className="accord-adjust__duration">
                  <label>
                    {m.hours}
                    <Textfield
                      type="number"
                      min={0}
                      value={hours}
                      onChange={(e) => {
                        setHours(e.currentTarget.value);
                      }}
                      testId="accord-adjust-hours"
                    />
                  </label>
                  <label>
                    {m.minutes}
                    <Textfield
                      type="number"
                      min={0}
                      max={59}
                      value={minutes}
                      onChange={(e) => {
                        setMinutes(e.currentTarget.value);
                      }}
                      testId="accord-adjust-minutes"
                    />
                  </label>
                </div>
              ) : null}

              {how === 'until' ? (
                <label>
                  {m.untilLabel(viewer.timeZone)}
                  <Textfield
                    type="datetime-local"
                    value={until}
                    onChange={(e) => {
                      setUntil(e.currentTarget.value);
                    }}
                    testId="accord-adjust-until"
                  />
                </label>
              ) : null}
              <p className="accord-adjust__hint">{m.workingTimeHint}</p>
            </fieldset>
          ) : (
            <p className="accord-adjust__hint">{m.excuseHint}</p>
          )}
          <label className="accord-adjust__reason">
            {m.reason}
            <TextArea
              value={reason}
              isRequired
              onChange={(e) => {
                setReason(e.currentTarget.value);
              }}
              testId="accord-adjust-reason"
            />
          </label>
          {problem === null ? null : (
            <SectionMessage appearance="error" testId="accord-adjust-problem">
              <p>{problem}</p>
            </SectionMessage>
          )}
        </form>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={props.onClose}>
          {m.cancel}
        </Button>
        <Button
          appearance="primary"
          type="submit"
          form={formId}
          isDisabled={busy}
          testId="accord-adjust-submit"
        >
          {m.submit(extend)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) in `zone` → the instant, by the engine's one conversion. */
export function wallClockInstant(value: string, zone: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match || !isKnownZone(zone)) return undefined;
  const day = parseLocalDate(match[1] ?? '');
  const hh = Number(match[2]);
  const mm = Number(match[3]);
  if (day === undefined || hh > 23 || mm > 59) return undefined;
  return instantOf(zone, day, hh * 60 + mm);
}
