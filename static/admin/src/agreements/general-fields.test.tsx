/**
 * @jest-environment jsdom
 */
import { screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import { NO_PROBLEMS } from '../problems';
import { description, mount, type, type Mounted } from '../testing/render';
import { GeneralFields } from './general-fields';

const GOLD = (
  JSON.parse(readFileSync(join(__dirname, '../../../../examples/agreements.json'), 'utf8')) as Agreement[]
)[0]!;

/** The general fields over a draft of Gold support (valid from 1 January 2026); `drafts` gets every change. */
function Harness(props: { readonly drafts: Agreement[] }) {
  const [draft, setDraft] = useState<Agreement>(GOLD);
  return (
    <GeneralFields
      draft={draft}
      isNew={false}
      takenIds={new Set()}
      onName={() => undefined}
      onId={() => undefined}
      update={(patch, remove = []) => {
        const next = Object.fromEntries(
          Object.entries({ ...draft, ...patch }).filter(([key]) => !remove.includes(key as keyof Agreement)),
        ) as unknown as Agreement;
        props.drafts.push(next);
        setDraft(next);
      }}
      projects={[]}
      onProjects={() => undefined}
      problems={NO_PROBLEMS}
    />
  );
}

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe("an agreement's validity dates in the Jira locale", () => {
  it.each([
    ['en-US', 'Valid from', '01/01/2026', '7/1/2026', 'Enter a date such as 12/31/2026.'],
    ['de-DE', 'Gültig ab', '01.01.2026', '1.7.2026', 'Geben Sie ein Datum ein, etwa 31.12.2026.'],
    ['da-DK', 'Gyldig fra', '01.01.2026', '1.7.2026', 'Angiv en dato, fx 31.12.2026.'],
  ])(
    'in %s shows %s as %s, stores %s as 1 July, and names the form for text that is no date',
    async (locale, label, shown, typed, error) => {
      const drafts: Agreement[] = [];
      mounted = await mount(<Harness drafts={drafts} />, { locale });
      const input = screen.getByLabelText<HTMLInputElement>(label);
      expect(input.value).toBe(shown);
      await type(mounted.user, input, typed);
      expect(drafts.at(-1)?.validFrom).toBe('2026-07-01');
      await type(mounted.user, input, '31.31.2026');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(description(input)).toContain(error);
      await type(mounted.user, input, '');
      expect(drafts.at(-1)).not.toHaveProperty('validFrom');
    },
  );
});
