import { parseJqlExpr } from './parser';
import { mayMatchProject } from './project-scope';

const may = (jql: string, aliases: readonly string[] = ['hr', 'human resources', '10100']): boolean => {
  const expr = parseJqlExpr(jql);
  if (!expr.ok) throw new Error(`test JQL does not parse: ${jql}`);
  return mayMatchProject(expr.value, aliases);
};

describe('mayMatchProject', () => {
  it('is false only when every way to match names another project', () => {
    expect(may('project = IT')).toBe(false);
    expect(may('project in (IT, OPS) AND priority = High')).toBe(false);
    expect(may('(project = IT AND priority = High) OR project = OPS')).toBe(false);
  });

  it('knows the project by key, name or id, in any case', () => {
    expect(may('project = hr')).toBe(true);
    expect(may('project = "Human Resources"')).toBe(true);
    expect(may('project in (IT, 10100)')).toBe(true);
  });

  it('is true whenever the project alone cannot tell', () => {
    expect(may('')).toBe(true);
    expect(may('priority = High')).toBe(true);
    expect(may('project != IT')).toBe(true);
    expect(may('project not in (IT)')).toBe(true);
    expect(may('NOT project = IT')).toBe(true);
    expect(may('project = IT OR priority = High')).toBe(true);
    expect(may('project is not EMPTY')).toBe(true);
  });
});
