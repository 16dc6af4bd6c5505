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

  describe('a comment', () => {
    // As Forge delivers `avi:jira:commented:issue`: `{ id, author, body, updateAuthor, created, updated, jsdPublic }`.
    const event = (comment: Record<string, unknown>) => ({
      eventType: 'avi:jira:commented:issue',
      atlassianId: 'alex',
      issue: { id: '10001', key: 'IT-1', fields: { updated: '2026-03-02T10:00:00.000+0100' } },
      comment: {
        id: '10070',
        author: { accountId: 'alex' },
        body: { type: 'doc', version: 1, content: [] },
        updateAuthor: { accountId: 'alex' },
        created: '2026-03-02T10:00:00.000+0100',
        updated: '2026-03-02T10:00:00.000+0100',
        jsdPublic: false,
        ...comment,
      },
    });

    it('is carried when just created: its id, author, instant and visibility', () => {
      expect(parseTriggerEvent(event({}))?.change).toEqual({
        kind: 'comment',
        id: '10070',
        at: Date.UTC(2026, 2, 2, 9),
        author: 'alex',
        public: false,
      });
    });

    it('is not carried when edited, or when the payload lacks what a full read would tell', () => {
      expect(parseTriggerEvent(event({ updated: '2026-03-02T10:05:00.000+0100' }))?.change).toBeUndefined();
      expect(parseTriggerEvent(event({ jsdPublic: undefined }))?.change).toBeUndefined();
      expect(parseTriggerEvent(event({ author: {} }))?.change).toBeUndefined();
      expect(parseTriggerEvent(event({ created: 'yesterday' }))?.change).toBeUndefined();
      expect(parseTriggerEvent(event({ id: undefined }))?.change).toBeUndefined();
      // The issue is still marked, to be read in full.
      expect(parseTriggerEvent(event({ jsdPublic: undefined }))?.issueId).toBe('10001');
    });
  });
});
