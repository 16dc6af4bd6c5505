import Heading from '@atlaskit/heading';
import Toggle from '@atlaskit/toggle';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Lozenge } from '../../shared/ui/lozenge';
import type { Agreement, Version } from './api';
import { dateNote, type DraftAction } from './draft';
import { useT } from './messages';

type Row = Version<Agreement> & { readonly body: Agreement };

/**
 * The agreements, in two lists: those the project uses, numbered in order with buttons to move each up or
 * down, and the others. Each has a switch to use it or not. Every control is a native button or checkbox, so
 * the keyboard and screen readers work as everywhere; after a move the focus follows the agreement it moved,
 * and a polite announcement says where it went.
 */
export function AgreementList(props: {
  readonly agreements: readonly Version<Agreement>[];
  readonly used: readonly string[];
  readonly edit: (action: DraftAction) => void;
  readonly announce: (text: string) => void;
  readonly today: string;
  readonly formatDate: (date: string) => string;
}) {
  const { t } = useT();
  const byId = new Map<string, Row>();
  for (const a of props.agreements) if (a.body !== null) byId.set(a.id, a as Row);
  const used = props.used.flatMap((id) => byId.get(id) ?? []);
  const unused = [...byId.values()].filter((a) => !props.used.includes(a.id));

  // Moving a row moves its DOM node, which loses the focus: put it back on the same control after the render.
  const list = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ id: string; control: 'up' | 'down' | 'use' } | null>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    const row = [...list.current.querySelectorAll('[data-agreement]')].find(
      (e) => e.getAttribute('data-agreement') === focus.id,
    );
    const wanted = row?.querySelector<HTMLElement>(`[data-control="${focus.control}"]`);
    // At the top, "up" is disabled: the other direction is where the keyboard user goes next.
    const other = row?.querySelector<HTMLElement>(
      `[data-control="${focus.control === 'up' ? 'down' : 'up'}"]`,
    );
    const target =
      wanted && !(wanted as HTMLButtonElement).disabled
        ? wanted
        : other && !(other as HTMLButtonElement).disabled
          ? other
          : row?.querySelector<HTMLElement>('[data-control="use"] input, input');
    target?.focus();
    setFocus(null);
  }, [focus]);

  const move = (row: Row, by: -1 | 1): void => {
    const position = props.used.indexOf(row.id) + by;
    props.edit({ type: 'move', id: row.id, by });
    setFocus({ id: row.id, control: by < 0 ? 'up' : 'down' });
    props.announce(
      t('announce.moved', { name: row.body.name, position: position + 1, count: props.used.length }),
    );
  };
  const use = (row: Row, on: boolean): void => {
    props.edit({ type: 'use', id: row.id, on });
    setFocus({ id: row.id, control: 'use' });
    props.announce(
      on
        ? t('announce.on', {
            name: row.body.name,
            position: props.used.length + 1,
            count: props.used.length + 1,
          })
        : t('announce.off', { name: row.body.name }),
    );
  };

  const rowOf = (row: Row, index: number | null) => {
    const describedBy = `accord-agreement-${row.id}-details`;
    const toggleId = `accord-use-${row.id}`;
    const note = dateNote(row.body, props.today);
    return (
      <li key={row.id} className="accord-agreement" data-agreement={row.id}>
        <span className="accord-agreement__use" data-control="use">
          <Toggle
            id={toggleId}
            descriptionId={describedBy}
            isChecked={index !== null}
            onChange={(event) => {
              use(row, event.currentTarget.checked);
            }}
          />
        </span>
        <div className="accord-agreement__main">
          <div className="accord-agreement__head">
            {index === null ? null : (
              <span className="accord-agreement__position" aria-hidden="true">
                {index + 1}.
              </span>
            )}
            {/* The switch's visible label is the agreement's name; a screen reader hears the whole sentence
                ("Use Gold support in this project"). Atlaskit's own label would be hidden text only. */}
            <label htmlFor={toggleId} className="accord-agreement__label">
              {withSlot(
                t('row.use', { name: SLOT }),
                <span className="accord-agreement__name">{row.body.name}</span>,
                'accord-visually-hidden',
              )}
            </label>
            <span title={t(`kind.${row.body.kind}`)}>
              <Lozenge appearance={row.body.kind === 'SLA' ? 'information' : 'neutral'}>
                {row.body.kind}
              </Lozenge>
            </span>
            {row.body.counterparty === undefined ? null : (
              <span className="accord-agreement__counterparty">
                {t('row.counterparty', { name: row.body.counterparty })}
              </span>
            )}
          </div>
          <ul className="accord-agreement__details" id={describedBy}>
            <li className="accord-agreement__scope">
              {row.body.appliesTo === undefined || row.body.appliesTo.trim() === ''
                ? t('row.everyIssue')
                : withSlot(
                    t('row.scope', { jql: SLOT }),
                    <span className="accord-code">{row.body.appliesTo}</span>,
                  )}
            </li>
            <li>{t('row.metrics', { count: row.body.metrics.length })}</li>
            {row.body.customerVisible === true ? <li>{t('row.customerVisible')}</li> : null}
            {note === null ? null : (
              <li className={`accord-agreement__note accord-agreement__note--${note.kind}`}>
                {t(
                  `row.${note.kind === 'not-yet' ? 'notYet' : note.kind === 'review-due' ? 'reviewDue' : 'expired'}`,
                  {
                    date: props.formatDate(note.date),
                  },
                )}
              </li>
            )}
          </ul>
        </div>
        {index === null ? null : (
          <div className="accord-agreement__move">
            <button
              type="button"
              className="accord-button accord-move"
              data-control="up"
              aria-label={t('row.moveUp', { name: row.body.name })}
              title={t('row.moveUp', { name: row.body.name })}
              disabled={index === 0}
              onClick={() => {
                move(row, -1);
              }}
            >
              <span aria-hidden="true">{'\u2191'}</span>
            </button>
            <button
              type="button"
              className="accord-button accord-move"
              data-control="down"
              aria-label={t('row.moveDown', { name: row.body.name })}
              title={t('row.moveDown', { name: row.body.name })}
              disabled={index === used.length - 1}
              onClick={() => {
                move(row, 1);
              }}
            >
              <span aria-hidden="true">{'\u2193'}</span>
            </button>
          </div>
        )}
      </li>
    );
  };

  return (
    <div ref={list} className="accord-lists">
      <section aria-labelledby="accord-used-title" className="accord-section">
        <Heading as="h2" size="small" id="accord-used-title">
          {t('used.title')}
        </Heading>
        <p className="accord-section__description">{t('used.description')}</p>
        {used.length === 0 ? (
          <p className="accord-section__empty">{t('used.empty')}</p>
        ) : (
          <ol className="accord-agreements" aria-labelledby="accord-used-title">
            {used.map((row, i) => rowOf(row, i))}
          </ol>
        )}
      </section>
      <section aria-labelledby="accord-unused-title" className="accord-section">
        <Heading as="h2" size="small" id="accord-unused-title">
          {t('unused.title')}
        </Heading>
        {unused.length === 0 ? (
          <p className="accord-section__empty">{t('unused.empty')}</p>
        ) : (
          <ul className="accord-agreements" aria-labelledby="accord-unused-title">
            {unused.map((row) => rowOf(row, null))}
          </ul>
        )}
      </section>
    </div>
  );
}

// An element (the JQL, the agreement's name) goes into the translated sentence wherever the language puts it;
// the words around it are wrapped in `className` where one is given.
const SLOT = '\u0000';

function withSlot(sentence: string, element: ReactNode, className?: string): ReactNode {
  const [before = '', after = ''] = sentence.split(SLOT);
  const words = (text: string): ReactNode =>
    className === undefined || text === '' ? text : <span className={className}>{text}</span>;
  return (
    <>
      {words(before)}
      {element}
      {words(after)}
    </>
  );
}
