import { parseTriggerEvent } from './payloads';

describe('parseTriggerEvent', () => {
  it('names the project by its key, name and id from the payload’s fields', () => {
    const event = {
      eventType: 'avi:jira:updated:issue',
      issue: {
        id: '10001',
        key: 'HR-7',
        fields: { project: { id: '10100', key: 'HR', name: 'Human Resources' } },
      },
      changelog: { items: [{ field: 'priority' }] },
    };
    expect(parseTriggerEvent(event)).toEqual({
      issueId: '10001',
      project: { key: 'HR', aliases: ['hr', 'human resources', '10100'] },
    });
  });

  it('falls back on the issue key’s prefix, and knows nothing of a project it cannot see', () => {
    expect(
      parseTriggerEvent({ eventType: 'avi:jira:created:issue', issue: { id: 5, key: 'OPS-12' } }),
    ).toEqual({
      issueId: '5',
      project: { key: 'OPS', aliases: ['ops'] },
    });
    expect(parseTriggerEvent({ eventType: 'avi:jira:created:issue', issue: { id: 5 } })).toEqual({
      issueId: '5',
    });
  });

  it('marks a move or a deletion, which must be measured whatever the project now is', () => {
    const moved = parseTriggerEvent({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '1', key: 'HR-1' },
      changelog: { items: [{ field: 'Key' }, { field: 'project' }] },
    });
    expect(moved?.leavesProject).toBe(true);
    expect(
      parseTriggerEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: '1', key: 'HR-1' } })
        ?.leavesProject,
    ).toBe(true);
  });
});
