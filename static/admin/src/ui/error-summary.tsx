import type { Problem } from '../../../../src/engine/errors';
import { focusField, pathSteps } from '../problems';
import { useT, type AdminI18n } from '../messages';
import { problemText } from '../problem-text';

/**
 * What the backend refused in a save, one line per problem, each a button that moves focus to the field it
 * names: the message next to the field tells the detail, this tells where to look.
 */
export function ErrorSummary(props: { readonly problems: readonly Problem[] }) {
  const i18n = useT();
  if (props.problems.length === 0) return null;
  return (
    <ul className="accord-error-summary">
      {props.problems.map((p, i) => (
        <li key={i}>
          <button
            type="button"
            className="accord-link"
            onClick={() => {
              focusField(p.path ?? '$');
            }}
          >
            {describePath(p.path ?? '$', i18n)}
          </button>
          :{' '}
          {p.column === undefined
            ? problemText(p, i18n)
            : i18n.t('jql.at', { column: p.column, message: problemText(p, i18n) })}
        </li>
      ))}
    </ul>
  );
}

const LISTS: Readonly<
  Record<string, 'metric' | 'goal' | 'threshold' | 'action' | 'condition' | 'holiday' | 'exception' | 'span'>
> = {
  metrics: 'metric',
  goals: 'goal',
  thresholds: 'threshold',
  actions: 'action',
  start: 'condition',
  stop: 'condition',
  reset: 'condition',
  holidays: 'holiday',
  exceptions: 'exception',
  hours: 'span',
};

/**
 * A path as people read it: `$.metrics[0].goals[1].when` → `Metric 1 › Goal 2 › Applies when`.
 * @example describePath('$.week.mon[1].to', i18n) // 'Weekly hours › Monday › Hours 2 › To'
 */
export function describePath(path: string, i18n: AdminI18n): string {
  const { t } = i18n;
  const steps = pathSteps(path) ?? [];
  const words: string[] = [];
  let list: string | undefined;
  for (const step of steps) {
    if (typeof step === 'number') {
      const kind = list ? LISTS[list] : undefined;
      words.push(kind ? t(`paths.${kind}`, { n: step + 1 }) : t('paths.item', { n: step + 1 }));
      continue;
    }
    list = step;
    if (step in LISTS && step !== 'start' && step !== 'stop' && step !== 'reset' && step !== 'hours')
      continue;
    words.push(fieldWord(step, i18n));
  }
  return words.length > 0 ? words.join(' › ') : t('paths.whole');
}

function fieldWord(step: string, { t }: AdminI18n): string {
  switch (step) {
    case 'mon':
    case 'tue':
    case 'wed':
    case 'thu':
    case 'fri':
    case 'sat':
    case 'sun':
      return t(`days.${step}`);
    case 'name':
    case 'id':
    case 'kind':
    case 'counterparty':
    case 'validFrom':
    case 'validTo':
    case 'reviewBy':
    case 'appliesTo':
    case 'customerVisible':
    case 'when':
    case 'targetMinutes':
    case 'businessDays':
    case 'days':
    case 'cutoff':
    case 'dueAt':
    case 'dueDateField':
    case 'commitmentComments':
    case 'moveMinutes':
    case 'calendar':
    case 'objectivePercent':
    case 'pauseWhile':
    case 'goalChange':
    case 'timeZone':
    case 'holidayRegion':
    case 'week':
    case 'date':
    case 'from':
    case 'to':
    case 'start':
    case 'stop':
    case 'reset':
    case 'hours':
    case 'at':
    case 'body':
    case 'field':
      return t(`paths.${step}`);
    default:
      return step;
  }
}
