import type { Problem } from '../errors';
import { checkJqlOnSite, editDistance, nearestNames, parseJqlExpr, type JqlVocabulary } from './index';

/** A JSM site as Jira describes it: a few system fields, JSM's custom fields, the default priorities. */
function makeSite(overrides: Partial<JqlVocabulary> = {}): JqlVocabulary {
  return {
    fields: [
      { id: 'status', name: 'Status', custom: false },
      { id: 'priority', name: 'Priority', custom: false },
      { id: 'summary', name: 'Summary', custom: false },
      { id: 'customfield_10010', name: 'Request Type', custom: true, schemaType: 'sd-customerrequesttype' },
      { id: 'customfield_10050', name: 'Team', custom: true, schemaType: 'option' },
      { id: 'customfield_10080', name: 'Outage start', custom: true, schemaType: 'datetime' },
    ],
    statuses: [
      { id: '1', name: 'Open' },
      { id: '10002', name: 'Waiting for customer' },
      { id: '5', name: 'Resolved' },
    ],
    priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({
      id: String(i + 1),
      name,
    })),
    requestTypes: [
      { id: '11', name: 'Get IT help' },
      { id: '14', name: 'Report a network outage' },
    ],
    ...overrides,
  };
}

function check(text: string, site = makeSite()) {
  const parsed = parseJqlExpr(text);
  if (!parsed.ok) throw new Error(`test query does not parse: ${text}`);
  return checkJqlOnSite(parsed.value, site);
}
const brief = (problems: readonly Problem[]) =>
  problems.map((p) => ({ code: p.code, column: p.column, message: p.message }));

describe('nearest names', () => {
  it('counts a swap of two neighbouring letters as one edit, the commonest typo', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('hihg', 'high')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the nearest names, case-insensitively, nearest first, and nothing far-fetched', () => {
    expect(nearestNames('stauts', ['project', 'status', 'statusCategory'])).toEqual(['status']);
    expect(nearestNames('PRIORTY', ['priority', 'project'])).toEqual(['priority']);
    expect(nearestNames('Hihg', ['Highest', 'High', 'Medium', 'Low'])).toEqual(['High']);
    expect(nearestNames('foo', ['project', 'status', 'Team'])).toEqual([]);
    // A name that contains what was written comes after the near misses.
    expect(nearestNames('Outage', ['Outage start', 'Outage end', 'Team'])).toEqual([
      'Outage start',
      'Outage end',
    ]);
  });
});

describe('fields against the site', () => {
  it('refuses an unknown field at its column, naming the nearest known names', () => {
    const found = check('project = IT AND stauts = Open');
    expect(brief(found.errors)).toEqual([
      { code: 'jql.unknown-field', column: 18, message: 'Unknown field "stauts"; did you mean "status"?' },
    ]);
    expect(found.errors[0]?.detail).toEqual({
      key: 'jql.unknown-field',
      values: { field: 'stauts', count: 1, nearest0: 'status' },
    });
    expect(found.warnings).toEqual([]);
  });

  it('says so when no name is near', () => {
    expect(brief(check('foo = bar').errors)).toEqual([
      {
        code: 'jql.unknown-field',
        column: 1,
        message: 'Unknown field "foo": this site has no field of that name',
      },
    ]);
    expect(check('foo = bar').errors[0]?.detail?.values).toEqual({ field: 'foo', count: 0 });
  });

  it('takes the fields the engine knows whatever the site lists, in any case', () => {
    const found = check(
      'PROJECT = IT AND issuetype = x AND Status = Open AND statusCategory = done AND labels = vip AND component = VPN ' +
        'AND resolution is EMPTY AND assignee is EMPTY AND reporter = x AND "request type" = "Get IT help" ' +
        'AND organizations = Acme AND duedate is EMPTY',
    );
    expect(found).toEqual({ errors: [], warnings: [] });
  });

  it('takes custom fields by id and by name, case-insensitively, and refuses ids and names the site lacks', () => {
    expect(check('cf[10050] = NetCo AND team = NetCo AND "OUTAGE START" is not EMPTY').errors).toEqual([]);
    expect(check('customfield_10050 = NetCo AND summary ~ vpn').errors).toEqual([]);
    expect(brief(check('cf[10051] = NetCo').errors)).toEqual([
      {
        code: 'jql.unknown-field',
        column: 1,
        message: 'Unknown field "cf[10051]"; did you mean "cf[10050]"?',
      },
    ]);
    expect(brief(check('status = Open OR Teem = NetCo').errors)).toEqual([
      { code: 'jql.unknown-field', column: 18, message: 'Unknown field "Teem"; did you mean "Team"?' },
    ]);
  });

  it('reports every unknown field, inside NOT, parentheses, lists and text searches', () => {
    const found = check('NOT (stauts in (Open) OR foo ~ x) AND bar is EMPTY');
    expect(found.errors.map((p) => p.column)).toEqual([6, 26, 39]);
  });
});

describe('values against the site', () => {
  it('warns of an unknown status, priority or request type at the value, naming the nearest', () => {
    const found = check(
      'priority = Hihg AND status in (Open, "Wating for customer") AND "Request Type" = "Get IT hlep"',
    );
    expect(found.errors).toEqual([]);
    expect(brief(found.warnings)).toEqual([
      {
        code: 'jql.unknown-value',
        column: 12,
        message: 'No priority "Hihg" on this site; did you mean "High"?',
      },
      {
        code: 'jql.unknown-value',
        column: 38,
        message: 'No status "Wating for customer" on this site; did you mean "Waiting for customer"?',
      },
      {
        code: 'jql.unknown-value',
        column: 82,
        message: 'No request type "Get IT hlep" on this site; did you mean "Get IT help"?',
      },
    ]);
    expect(found.warnings[0]?.detail).toEqual({
      key: 'jql.unknown-value',
      values: { field: 'priority', value: 'Hihg', count: 1, nearest0: 'High' },
    });
  });

  it('takes values by name or id in any case, and never checks EMPTY or other fields', () => {
    expect(
      check('status in (OPEN, 10002) AND priority != 2 AND priority is not EMPTY AND priority != EMPTY'),
    ).toEqual({
      errors: [],
      warnings: [],
    });
    expect(check('labels = Hihg AND Team = Nobody').warnings).toEqual([]);
  });

  it('checks projects only when the site lists them, by key, name or id', () => {
    expect(check('project = ITT').warnings).toEqual([]);
    const withProjects = makeSite({ projects: [{ id: '10000', key: 'IT', name: 'IT Help' }] });
    expect(check('project in (IT, "it help", 10000)', withProjects).warnings).toEqual([]);
    expect(brief(check('project = ITT', withProjects).warnings)).toEqual([
      { code: 'jql.unknown-value', column: 11, message: 'No project "ITT" on this site; did you mean "IT"?' },
    ]);
  });

  it('cannot tell a typo from a value where the site lists none (no JSM: no request types)', () => {
    expect(check('"Request Type" = Anything', makeSite({ requestTypes: [] })).warnings).toEqual([]);
  });

  it('does not check the values of an unknown field: the field is the problem', () => {
    const found = check('stauts = Opn');
    expect(found.errors).toHaveLength(1);
    expect(found.warnings).toEqual([]);
  });
});
