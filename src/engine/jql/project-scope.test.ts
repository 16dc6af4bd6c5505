import { parseJqlExpr } from './parser';
import { mayMatchProject } from './project-scope';

/** IT as its issues carry it: key, id and name, lower-cased. */
const IT = ['it', '10000', 'it service desk'];

const may = (jql: string, aliases: readonly string[] = IT): boolean => {
  const expr = parseJqlExpr(jql);
  if (!expr.ok) throw new Error(`not JQL: ${jql}`);
  return mayMatchProject(expr.value, aliases);
};

describe('mayMatchProject', () => {
  it('decides clauses on the project by any of its aliases, case-insensitively', () => {
    expect(may('project = IT')).toBe(true);
    expect(may('project = "IT Service Desk"')).toBe(true);
    expect(may('project = 10000')).toBe(true);
    expect(may('project = it')).toBe(true);
    expect(may('project = HR')).toBe(false);
    expect(may('project in (HR, OPS)')).toBe(false);
    expect(may('project in (HR, IT)')).toBe(true);
    expect(may('project not in (HR, "IT Service Desk")')).toBe(false);
    expect(may('project != HR')).toBe(true);
    expect(may('project is EMPTY')).toBe(false);
  });

  it('leaves every other clause open, and combines with AND, OR and NOT as three-valued logic', () => {
    // The Gold SLA's scope: no IT-less project can ever be measured by it, whatever its organizations.
    expect(may('project = IT AND organizations = "Acme Corp"', ['hr', '10001', 'human resources'])).toBe(
      false,
    );
    expect(may('project = HR OR priority = High')).toBe(true); // a High IT issue
    expect(may('NOT (project = HR OR priority = High)')).toBe(true); // a Low IT issue
    expect(may('NOT (project = IT OR priority = High)')).toBe(false);
    expect(may('priority = High AND NOT project = IT')).toBe(false);
    expect(may('organizations = "Acme Corp"')).toBe(true);
    expect(may('')).toBe(true); // no scope: every issue
  });
});
