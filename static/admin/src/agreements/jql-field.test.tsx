/**
 * @jest-environment jsdom
 */
import { useState } from 'react';
import type { Problem } from '../../../../src/engine/errors';
import { clean, description, field, mount, type, type Mounted } from '../testing/render';
import { JqlField } from './jql-field';
import { SiteCheckProvider, type SiteChecked } from './site-warnings';
import { checkAgreementOnSite } from '../../../../src/engine/agreement/site-check';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { JqlVocabulary } from '../../../../src/engine/jql';

function Harness(props: {
  readonly initial?: string;
  readonly problems?: readonly Problem[];
  readonly siteChecked?: SiteChecked;
}) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  return (
    <SiteCheckProvider value={props.siteChecked ?? null}>
      <JqlField
        path="$.appliesTo"
        label="Applies to issues where"
        help="JQL"
        value={value}
        onChange={setValue}
        problems={props.problems ?? []}
      />
      <output data-testid="value">{value ?? '(none)'}</output>
    </SiteCheckProvider>
  );
}

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe('the JQL field', () => {
  it('shows the column and the expected token under the field as the admin types, and marks the place', async () => {
    mounted = await mount(<Harness initial="priority = High" />);
    const input = field(mounted.container, 'Applies to issues where');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    expect(description(input)).toBe('JQL');

    await type(mounted.user, input, 'priority = ');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = mounted.container.querySelector('.accord-field__errors');
    expect(clean(error?.querySelector('.accord-jql-error > span')?.textContent)).toBe(
      'Column 12: Expected a value after "=" but found end of query',
    );
    // The query with the place marked, for the eye; a screen reader gets the sentence.
    expect(error?.querySelector('mark')?.textContent).toBe(' ');
    // The text as typed, with a marked space where something is missing at its end.
    expect(error?.querySelector('[aria-hidden="true"]')?.textContent).toBe('priority =  ');
    expect(description(input)).toContain('Column 12: Expected a value after "=" but found end of query');

    await type(mounted.user, input, 'priority in (High, Highest');
    expect(clean(mounted.container.querySelector('.accord-jql-error > span')?.textContent)).toBe(
      'Column 27: Expected "," or ")" after "Highest" in the list opened at column 13 but found end of query',
    );

    await type(mounted.user, input, 'priority in (High, Highest)');
    expect(mounted.container.querySelector('.accord-field__errors')).toBeNull();
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('points into the middle of a query, and says what the subset does not support', async () => {
    mounted = await mount(<Harness />);
    const input = field(mounted.container, 'Applies to issues where');
    await type(mounted.user, input, 'status = Done ORDER BY created');
    expect(clean(mounted.container.querySelector('.accord-jql-error > span')?.textContent)).toMatch(
      /^Column 15: /,
    );
    expect(mounted.container.querySelector('mark')?.textContent).toBe('O');

    await type(mounted.user, input, 'assignee = currentUser()');
    expect(clean(mounted.container.querySelector('.accord-jql-error > span')?.textContent)).toMatch(
      /^Column \d+: .*currentUser/,
    );
  });

  it('takes blank text as every issue', async () => {
    mounted = await mount(<Harness initial="project = IT" />);
    await type(mounted.user, field(mounted.container, 'Applies to issues where'), '   ');
    expect(mounted.container.querySelector('[data-testid="value"]')?.textContent).toBe('(none)');
    expect(mounted.container.querySelector('.accord-field__errors')).toBeNull();
  });

  it('shows what the backend refused at this field when the browser found nothing', async () => {
    const problem = { code: 'jql.unknown-field', message: 'Unknown field "Teem"', path: '$.appliesTo' };
    mounted = await mount(<Harness initial="Teem = NetCo" problems={[problem]} />);
    const input = field(mounted.container, 'Applies to issues where');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toBe('Unknown field "Teem" | JQL');
  });
});

/** The sandbox site's words, as the backend reads them from Jira. */
const site: JqlVocabulary = {
  fields: [{ id: 'customfield_10050', name: 'Team', custom: true }],
  statuses: [{ id: '1', name: 'Open' }],
  priorities: ['Highest', 'High', 'Medium'].map((name, i) => ({ id: String(i + 1), name })),
  requestTypes: [],
};
/** What the backend answers, its problems under `$.agreement` as the routes put them. */
const checkedAt = (appliesTo: string) => {
  const agreement = { id: 'a', name: 'A', kind: 'SLA', appliesTo, metrics: [] } as Agreement;
  return { agreement, ...checkAgreementOnSite(agreement, site, '$.agreement') };
};

describe('the JQL field against the site, in German', () => {
  it('shows an unknown field refused by the save as an error at its column, naming the nearest field', async () => {
    const { errors } = checkedAt('project = IT AND stauts = Open');
    const problems = errors.map((p) => ({ ...p, path: '$.appliesTo' }));
    mounted = await mount(<Harness initial="project = IT AND stauts = Open" problems={problems} />, {
      locale: 'de-DE',
    });
    const input = field(mounted.container, 'Applies to issues where');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(clean(mounted.container.querySelector('.accord-field__errors')?.textContent)).toBe(
      'Spalte 18: Unbekanntes Feld „stauts“; meinten Sie „status“?',
    );
    expect(description(input)).toContain('Unbekanntes Feld „stauts“; meinten Sie „status“?');
  });

  it('shows an unknown value saved with a warning under the field, without marking it invalid, until it changes', async () => {
    const { agreement, errors, warnings } = checkedAt('priority = Hihg');
    expect(errors).toEqual([]);
    mounted = await mount(
      <Harness
        initial="priority = Hihg"
        siteChecked={{ sent: agreement, check: { status: 'checked', warnings } }}
      />,
      { locale: 'de-DE' },
    );
    const input = field(mounted.container, 'Applies to issues where');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    expect(mounted.container.querySelector('.accord-field__errors')).toBeNull();
    const warning =
      'Warnung: Spalte 12: Priorität „Hihg“ gibt es auf dieser Website nicht; meinten Sie „High“?';
    expect(clean(mounted.container.querySelector('.accord-field__warnings')?.textContent)).toBe(warning);
    expect(description(input)).toContain(warning);

    await type(mounted.user, input, 'priority = High');
    expect(mounted.container.querySelector('.accord-field__warnings')).toBeNull();
  });
});
