import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import type { Holiday } from '../../../../src/engine/calendar/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { FieldErrors } from '../ui/field';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { localDateExample } from '../../../shared/format/local-date';
import { DateCell, LOCAL_DATE } from './date-cell';
import { IcsImport } from './ics-import';

/**
 * The calendar's own days off: one-off dates and annual ones (every year on that month and day), added by hand
 * or imported from an ICS file after a preview.
 */
export function HolidaysEditor(props: {
  readonly holidays: readonly Holiday[];
  readonly onChange: (holidays: Holiday[]) => void;
  readonly problems: FieldProblems;
  /** Today in the calendar's zone (`YYYY-MM-DD`), the date a new holiday starts at. */
  readonly today: string;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const set = (index: number, patch: Partial<Holiday>) => {
    props.onChange(
      props.holidays.map((h, i) => {
        if (i !== index) return h;
        const next: Holiday = { ...h, ...patch };
        if (next.annual !== true) delete next.annual;
        if (next.name === '') delete next.name;
        return next;
      }),
    );
  };
  return (
    <div className="accord-holidays" data-path="$.holidays">
      {props.holidays.length === 0 ? <p className="accord-muted">{t('holidays.none')}</p> : null}
      <ul className="accord-rows">
        {props.holidays.map((holiday, i) => {
          const path = `$.holidays[${i}]`;
          const dateId = fieldId(`${path}.date`);
          const nameId = fieldId(`${path}.name`);
          const local = LOCAL_DATE.test(holiday.date)
            ? []
            : [t('holidays.badDate', { example: localDateExample(locale) })];
          const errors =
            local.length > 0
              ? local
              : [...props.problems.at(`${path}.date`), ...props.problems.at(path)].map((p) =>
                  problemText(p, i18n),
                );
          const errorId = errors.length > 0 ? `${dateId}-error` : undefined;
          return (
            <li key={i} className="accord-rows__item" data-path={path}>
              <div className="accord-rows__row">
                <DateCell
                  id={dateId}
                  label={t('holidays.date')}
                  value={holiday.date}
                  errorId={errorId}
                  onChange={(date) => {
                    set(i, { date });
                  }}
                />
                <span className="accord-rows__cell accord-rows__cell--grow">
                  <label className="accord-field__label" htmlFor={nameId}>
                    {t('holidays.name')}
                  </label>
                  <Textfield
                    id={nameId}
                    autoComplete="off"
                    value={holiday.name ?? ''}
                    onChange={(e) => {
                      set(i, { name: e.currentTarget.value });
                    }}
                  />
                </span>
                <span className="accord-rows__cell accord-rows__cell--end">
                  <Checkbox
                    isChecked={holiday.annual === true}
                    label={t('holidays.annual')}
                    onChange={(e) => {
                      set(i, { annual: e.currentTarget.checked });
                    }}
                  />
                </span>
                <span className="accord-rows__cell accord-rows__cell--end">
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      props.onChange(props.holidays.filter((_, j) => j !== i));
                    }}
                  >
                    {t('holidays.remove')}
                    <span className="accord-visually-hidden"> {holiday.name ?? holiday.date}</span>
                  </Button>
                </span>
              </div>
              <FieldErrors {...(errorId ? { id: errorId } : {})} errors={errors} />
            </li>
          );
        })}
      </ul>
      <div className="accord-toolbar">
        <Button
          onClick={() => {
            props.onChange([...props.holidays, { date: props.today }]);
            // Focus the new row's date, so that a keyboard user types on.
            const index = props.holidays.length;
            requestAnimationFrame(() =>
              document.getElementById(fieldId(`$.holidays[${index}].date`))?.focus(),
            );
          }}
        >
          {t('holidays.add')}
        </Button>
        <IcsImport
          holidays={props.holidays}
          onAdd={(added) => {
            props.onChange([...props.holidays, ...added]);
          }}
        />
      </div>
    </div>
  );
}
