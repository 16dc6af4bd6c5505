import Select from '@atlaskit/select';
import { useMemo } from 'react';
import type { ControlProps } from '../ui/field';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface ZoneOption {
  readonly label: string;
  readonly value: string;
}

/** Every IANA zone this browser knows, with its current UTC offset, e.g. `Europe/Berlin (GMT+1)`. */
function zoneOptions(now: number): ZoneOption[] {
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes('UTC')) zones.unshift('UTC');
  return zones.map((zone) => {
    let offset = '';
    try {
      offset =
        new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
          .formatToParts(now)
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      // a zone this browser lists but cannot format: shown without its offset
    }
    return { value: zone, label: offset ? `${zone} (${offset})` : zone };
  });
}

/** The calendar's time zone, searchable by name: the zone its `HH:mm` hours are read in. */
export function ZonePicker(props: {
  readonly control: ControlProps;
  readonly value: string;
  readonly now: number;
  readonly onChange: (zone: string) => void;
}) {
  const selectText = useSelectTexts();
  // Offsets change twice a year at most: once per day is plenty.
  const day = Math.floor(props.now / 86_400_000);
  const options = useMemo(() => zoneOptions(day * 86_400_000), [day]);
  const selected =
    options.find((o) => o.value === props.value) ??
    (props.value ? { label: props.value, value: props.value } : null);
  return (
    <Select<ZoneOption>
      {...selectText}
      inputId={props.control.id}
      {...(props.control['aria-describedby'] ? { descriptionId: props.control['aria-describedby'] } : {})}
      isInvalid={props.control.isInvalid}
      options={options}
      value={selected}
      onChange={(option) => {
        if (option) props.onChange(option.value);
      }}
      spacing="compact"
    />
  );
}
