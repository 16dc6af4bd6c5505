import { dateNote, draftReducer, isDirty, scopedAgreements, type Draft } from './draft';

const loaded: Draft = { saved: ['gold', 'second-level', 'netco'], used: ['gold', 'second-level', 'netco'] };

describe('the list being edited', () => {
  it('moves an agreement one place up or down, and not past either end', () => {
    const up = draftReducer(loaded, { type: 'move', id: 'netco', by: -1 });
    expect(up.used).toEqual(['gold', 'netco', 'second-level']);
    expect(draftReducer(up, { type: 'move', id: 'netco', by: -1 }).used).toEqual([
      'netco',
      'gold',
      'second-level',
    ]);
    expect(draftReducer(loaded, { type: 'move', id: 'gold', by: -1 })).toBe(loaded);
    expect(draftReducer(loaded, { type: 'move', id: 'netco', by: 1 })).toBe(loaded);
    expect(draftReducer(loaded, { type: 'move', id: 'platinum', by: 1 })).toBe(loaded);
  });

  it('turns an agreement on at the end, and off without disturbing the order of the others', () => {
    const off = draftReducer(loaded, { type: 'use', id: 'gold', on: false });
    expect(off.used).toEqual(['second-level', 'netco']);
    expect(draftReducer(off, { type: 'use', id: 'gold', on: true }).used).toEqual([
      'second-level',
      'netco',
      'gold',
    ]);
    expect(draftReducer(loaded, { type: 'use', id: 'gold', on: true })).toBe(loaded);
  });

  it('is dirty while it differs from the saved list, in members or in order, and clean after discarding', () => {
    expect(isDirty(loaded)).toBe(false);
    const moved = draftReducer(loaded, { type: 'move', id: 'gold', by: 1 });
    expect(isDirty(moved)).toBe(true);
    // Moving back is the saved list again: nothing to save.
    expect(isDirty(draftReducer(moved, { type: 'move', id: 'gold', by: -1 }))).toBe(false);
    expect(isDirty(draftReducer(moved, { type: 'discard' }))).toBe(false);
    expect(draftReducer(moved, { type: 'load', saved: ['netco'] })).toEqual({
      saved: ['netco'],
      used: ['netco'],
    });
  });
});

describe('scopedAgreements', () => {
  it('are the agreements that select their own issues, as a project with no list uses', () => {
    const agreements = [
      { id: 'gold', body: { appliesTo: 'project = IT' } },
      { id: 'blank', body: { appliesTo: '  ' } },
      { id: 'everywhere', body: {} },
    ];
    expect(scopedAgreements(agreements).map((a) => a.id)).toEqual(['gold']);
  });
});

describe('dateNote', () => {
  it('flags an expired agreement first, then one not yet valid, then a review that is due', () => {
    const today = '2026-03-02';
    expect(dateNote({ validTo: '2026-03-01', reviewBy: '2026-01-01' }, today)).toEqual({
      kind: 'expired',
      date: '2026-03-01',
    });
    // validTo is inclusive: still valid on its last day.
    expect(dateNote({ validTo: '2026-03-02' }, today)).toBeNull();
    expect(dateNote({ validFrom: '2026-04-01T00:00:00Z' }, today)).toEqual({
      kind: 'not-yet',
      date: '2026-04-01',
    });
    expect(dateNote({ reviewBy: '2026-03-02' }, today)).toEqual({ kind: 'review-due', date: '2026-03-02' });
    expect(
      dateNote({ validFrom: '2026-01-01', validTo: '2027-12-31', reviewBy: '2027-06-30' }, today),
    ).toBeNull();
  });
});
