import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { useId } from 'react';
import { useT } from './messages';
import { useSelectTexts } from '../../shared/ui/select-texts';

interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The report's controls: the month and the counterparty, print, and the CSV export. Hidden in print. */
export default function Toolbar(props: {
  readonly label: string;
  readonly months: readonly Choice[];
  readonly month: string | null;
  readonly onMonth: (month: string) => void;
  readonly counterparties: readonly Choice[];
  readonly counterparty: string;
  readonly onCounterparty: (counterparty: string) => void;
  /** Whether a report is shown (print and the counterparty need one). */
  readonly loaded: boolean;
  readonly canExport: boolean;
  readonly exporting: boolean;
  readonly onPrint: () => void;
  readonly onExport: () => void;
}) {
  const selectText = useSelectTexts();
  const t = useT();
  const ids = useId();
  return (
    <div className="accord-report__toolbar accord-no-print" role="group" aria-label={props.label}>
      <div className="accord-report__picker">
        <label htmlFor={`${ids}-month`}>{t('toolbar.month')}</label>
        <Select<Choice>
          {...selectText}
          inputId={`${ids}-month`}
          options={props.months}
          value={props.months.find((m) => m.value === props.month) ?? null}
          isDisabled={props.months.length === 0}
          onChange={(choice) => {
            if (choice) props.onMonth(choice.value);
          }}
        />
      </div>
      <div className="accord-report__picker">
        <label htmlFor={`${ids}-counterparty`}>{t('toolbar.counterparty')}</label>
        <Select<Choice>
          {...selectText}
          inputId={`${ids}-counterparty`}
          options={props.counterparties}
          value={props.counterparties.find((c) => c.value === props.counterparty) ?? null}
          isDisabled={!props.loaded}
          onChange={(choice) => {
            if (choice) props.onCounterparty(choice.value);
          }}
        />
      </div>
      <div className="accord-report__actions">
        <Button onClick={props.onPrint} isDisabled={!props.loaded}>
          {t('toolbar.print')}
        </Button>
        <Button
          onClick={props.onExport}
          isDisabled={!props.canExport || props.exporting}
          isLoading={props.exporting}
        >
          {props.exporting ? t('toolbar.exporting') : t('toolbar.export')}
        </Button>
      </div>
    </div>
  );
}
