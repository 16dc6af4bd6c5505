import type { FieldKey, FieldValues } from '../fields';
import { parseJql } from './index';

/** The field values of one instant; lower-cased here as the issue history does before the query sees them. */
function issue(fields: Record<FieldKey, string | readonly string[]> = {}): FieldValues {
  const map = new Map(
    Object.entries(fields).map(([key, value]) => [
      key,
      (typeof value === 'string' ? [value] : value).map((item) => item.toLowerCase()),
    ]),
  );
  return { get: (key) => map.get(key) ?? [] };
}

function query(text: string) {
  const result = parseJql(text);
  if (!result.ok) throw new Error(`${text}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.value;
}

const matches = (text: string, values: FieldValues): boolean => query(text).matches(values);

// A P1 incident, waiting for the customer, labelled by two teams, with no assignee.
const incident = issue({
  project: ['SD', '10000', 'Service Desk'],
  issuetype: ['Incident', '10002'],
  status: ['Waiting for customer', '10105'],
  statusCategory: ['indeterminate', 'In Progress', '4'],
  priority: ['Highest', '1'],
  labels: ['vip', 'network', 'follow-up'],
  requestType: ['Report an outage', '42'],
  customfield_10010: ['Berlin'],
  'name:team': ['Network Ops'],
  // `summary` is not a system field of the subset, so it is read by name, like any custom field.
  'name:summary': ['VPN drops every hour'],
});

describe('an empty query', () => {
  it.each(['', '   ', '\n\t'])('matches every issue, as an empty JQL does in Jira (%j)', (text) => {
    const q = query(text);
    expect(q.matches(issue())).toBe(true);
    expect(q.matches(incident)).toBe(true);
    expect(q.fields).toEqual([]);
  });
});

describe('equality', () => {
  it('finds the value among the items and aliases of a field', () => {
    expect(matches('priority = Highest', incident)).toBe(true);
    expect(matches('priority = 1', incident)).toBe(true);
    expect(matches('priority = High', incident)).toBe(false);
  });

  it('ignores case in keywords, field names and values', () => {
    expect(matches('PRIORITY = highest', incident)).toBe(true);
    expect(matches('Priority IN (HIGHEST) and STATUS is NOT empty', incident)).toBe(true);
    expect(matches('statusCategory = "IN PROGRESS"', incident)).toBe(true);
  });

  it('needs quotes around a value with spaces, in either quote style', () => {
    expect(matches('status = "Waiting for customer"', incident)).toBe(true);
    expect(matches("status = 'waiting for customer'", incident)).toBe(true);
  });

  it('reads unquoted words with the punctuation Jira allows in them', () => {
    const values = issue({
      assignee: ['jane.doe@example.com'],
      labels: ['follow-up', 'x_y', 'a/b', 'c:d', 'p+q'],
    });
    expect(matches('assignee = jane.doe@example.com', values)).toBe(true);
    expect(
      matches(
        'labels = follow-up AND labels = x_y AND labels = a/b AND labels = c:d AND labels = p+q',
        values,
      ),
    ).toBe(true);
  });

  it('reads non-ASCII words unquoted', () => {
    expect(matches('labels = Ärger', issue({ labels: ['ärger'] }))).toBe(true);
    expect(matches('"Équipe" = Сеть', issue({ 'name:équipe': ['сеть'] }))).toBe(true);
  });

  it('!= needs a value, and no item equal to it', () => {
    expect(matches('priority != High', incident)).toBe(true);
    expect(matches('priority != highest', incident)).toBe(false);
    // As in Jira: an issue without a priority is not returned by `priority != High`.
    expect(matches('priority != High', issue())).toBe(false);
  });
});

describe('multi-valued fields', () => {
  it('= is true when any label equals the value', () => {
    expect(matches('labels = network', incident)).toBe(true);
    expect(matches('labels = vip AND labels = network', incident)).toBe(true);
  });

  it('!= is true only when no label equals the value', () => {
    expect(matches('labels != network', incident)).toBe(false);
    expect(matches('labels != billing', incident)).toBe(true);
  });
});

describe('in and not in', () => {
  it('in matches when some item equals one of the values', () => {
    expect(matches('priority in (High, Highest)', incident)).toBe(true);
    expect(matches('priority in (Low, Lowest)', incident)).toBe(false);
    expect(matches('labels in (billing, network)', incident)).toBe(true);
  });

  it('hashes a long list and still finds every value', () => {
    const many = Array.from({ length: 12 }, (_, i) => `type-${i}`);
    const q = query(`issuetype in (${many.join(', ')}, Incident)`);
    expect(q.matches(incident)).toBe(true);
    expect(q.matches(issue({ issuetype: 'type-11' }))).toBe(true);
    expect(q.matches(issue({ issuetype: 'Task' }))).toBe(false);
  });

  it('not in needs a value that is none of those listed', () => {
    expect(matches('priority not in (Low, Lowest)', incident)).toBe(true);
    expect(matches('priority NOT IN (High, Highest)', incident)).toBe(false);
    expect(matches('labels not in (billing, vip)', incident)).toBe(false);
    expect(matches('priority not in (Low)', issue())).toBe(false);
  });

  it('EMPTY in a list also accepts an empty field', () => {
    expect(matches('assignee in (EMPTY, jane)', issue())).toBe(true);
    expect(matches('assignee in (EMPTY, jane)', issue({ assignee: 'Jane' }))).toBe(true);
    expect(matches('assignee in (EMPTY, jane)', issue({ assignee: 'Joe' }))).toBe(false);
    expect(matches('assignee not in (EMPTY, jane)', issue({ assignee: 'Joe' }))).toBe(true);
    expect(matches('assignee not in (EMPTY, jane)', issue())).toBe(false);
  });
});

describe('EMPTY', () => {
  it.each([
    ['assignee is EMPTY', true],
    ['assignee is empty', true],
    ['assignee IS NULL', true],
    ['assignee = EMPTY', true],
    ['assignee = null', true],
    ['assignee is not EMPTY', false],
    ['assignee != EMPTY', false],
    ['priority is EMPTY', false],
    ['priority is not null', true],
    ['priority != EMPTY', true],
    ['priority = EMPTY', false],
  ])('%s on the incident: %s', (text, expected) => {
    expect(matches(text, incident)).toBe(expected);
  });

  it('a quoted "EMPTY" is the text, not the empty value', () => {
    expect(matches('assignee = "EMPTY"', issue())).toBe(false);
    expect(matches('labels = "empty"', issue({ labels: 'Empty' }))).toBe(true);
  });
});

describe('text search', () => {
  // The subset's ~ is a case-insensitive substring test (Jira's is a word search).
  it('~ finds the term inside any item', () => {
    expect(matches('summary ~ vpn', incident)).toBe(true);
    expect(matches('summary ~ "EVERY HOUR"', incident)).toBe(true);
    expect(matches('summary ~ drop', incident)).toBe(true);
    expect(matches('summary ~ outage', incident)).toBe(false);
    expect(matches('summary ~ vpn', issue())).toBe(false);
  });

  it('!~ needs a value that does not contain the term', () => {
    expect(matches('summary !~ outage', incident)).toBe(true);
    expect(matches('summary !~ VPN', incident)).toBe(false);
    expect(matches('summary !~ outage', issue())).toBe(false);
  });
});

describe('field names', () => {
  it('reads "Request Type" and its other spellings as one field', () => {
    expect(matches('"Request Type" = "Report an outage"', incident)).toBe(true);
    expect(matches("'customer request type' = 42", incident)).toBe(true);
    expect(matches('requesttype = 42', incident)).toBe(true);
    expect(query('"Request Type" = x OR requestType = y').fields).toEqual(['requestType']);
  });

  it('reads custom fields by id as cf[10010] and by name', () => {
    expect(matches('cf[10010] = berlin', incident)).toBe(true);
    expect(matches('CF[10010] = Berlin', incident)).toBe(true);
    expect(matches('customfield_10010 = Berlin', incident)).toBe(true);
    expect(matches('Team = "network ops"', incident)).toBe(true);
    expect(query('cf[10010] = x').fields).toEqual(['customfield_10010']);
  });

  it('reads statusCategory by key, name or id', () => {
    expect(matches('statusCategory = indeterminate', incident)).toBe(true);
    expect(matches('statusCategory = "In Progress"', incident)).toBe(true);
    expect(matches('statusCategory in (4)', incident)).toBe(true);
    expect(matches('statusCategory != Done', incident)).toBe(true);
    expect(matches('category = done', incident)).toBe(false);
  });

  it('reads component as the components field', () => {
    expect(matches('component = VPN', issue({ components: ['Network', 'VPN'] }))).toBe(true);
  });
});

describe('escapes in quoted values', () => {
  it.each([
    [String.raw`"say \"hi\""`, 'say "hi"'],
    [String.raw`'it\'s'`, "it's"],
    [String.raw`"back\\slash"`, 'back\\slash'],
    [`"it's"`, "it's"],
    [`'say "hi"'`, 'say "hi"'],
    [String.raw`"tab\there"`, 'tab\there'],
    [String.raw`"\u00e9t\u00E9"`, 'été'],
  ])('%s is the text %j', (literal, text) => {
    expect(matches(`labels = ${literal}`, issue({ labels: text }))).toBe(true);
  });
});

describe('AND, OR, NOT and parentheses', () => {
  const p1Open = issue({ priority: 'Highest', status: 'Open' });
  const p1Done = issue({ priority: 'Highest', status: 'Done' });
  const p3Open = issue({ priority: 'Medium', status: 'Open' });

  it('AND binds tighter than OR', () => {
    // Read as `priority = Medium OR (priority = Highest AND status = Done)`.
    const q = query('priority = Medium OR priority = Highest AND status = Done');
    expect([p1Open, p1Done, p3Open].map((v) => q.matches(v))).toEqual([false, true, true]);
  });

  it('parentheses override precedence', () => {
    const q = query('(priority = Medium OR priority = Highest) AND status = Done');
    expect([p1Open, p1Done, p3Open].map((v) => q.matches(v))).toEqual([false, true, false]);
  });

  it('NOT binds tighter than AND', () => {
    // Read as `(NOT status = Done) AND priority = Highest`.
    const q = query('NOT status = Done AND priority = Highest');
    expect([p1Open, p1Done, p3Open].map((v) => q.matches(v))).toEqual([true, false, false]);
  });

  it('NOT applies to a parenthesised group, and twice cancels out', () => {
    const q = query('NOT (status = Done OR priority = Medium)');
    expect([p1Open, p1Done, p3Open].map((v) => q.matches(v))).toEqual([true, false, false]);
    expect(matches('NOT NOT status = Done', p1Done)).toBe(true);
  });

  it('NOT of a clause differs from != on an empty field', () => {
    // `NOT priority = High` includes issues without a priority; `priority != High` does not.
    expect(matches('NOT priority = High', issue())).toBe(true);
    expect(matches('priority != High', issue())).toBe(false);
  });

  it("accepts Jira's symbols for AND, OR and NOT", () => {
    expect(matches('status = Open && priority = Highest', p1Open)).toBe(true);
    expect(matches('status = Done || priority = Medium', p1Open)).toBe(false);
    expect(matches('!status = Done', p1Open)).toBe(true);
    expect(matches('status = Done & priority = Highest | status=Open', p3Open)).toBe(true);
  });

  it('needs no spaces around operators and parentheses', () => {
    expect(matches('(status=Open)AND(priority!=Medium)', p1Open)).toBe(true);
    expect(matches('priority in(Highest,High)', p1Open)).toBe(true);
  });

  it('keeps a query that spans lines', () => {
    expect(matches('status = Open\n  AND priority = Highest', p1Open)).toBe(true);
  });
});

describe('fields', () => {
  it('lists every field the query reads, once, in order of first appearance', () => {
    const q = query(
      'project = SD AND (priority in (High) OR labels ~ vip) AND NOT "Request Type" is EMPTY AND priority != Low AND cf[10010] = x',
    );
    expect(q.fields).toEqual(['project', 'priority', 'labels', 'requestType', 'customfield_10010']);
  });

  it('keeps the text as given', () => {
    expect(query(' status = Open ').text).toBe(' status = Open ');
  });
});
