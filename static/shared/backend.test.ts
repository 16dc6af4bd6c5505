import { toLocaleTag, toTimeZone } from './backend';
import { isReply, unreachable } from './api/reply';

describe('the context Jira gives', () => {
  it('turns Jira locales into BCP 47 tags, and anything else into English', () => {
    expect(toLocaleTag('de_DE')).toBe('de-DE');
    expect(toLocaleTag('da-DK')).toBe('da-DK');
    expect(toLocaleTag('en_GB')).toBe('en-GB');
    expect(toLocaleTag('')).toBe('en-US');
    expect(toLocaleTag(undefined)).toBe('en-US');
    expect(toLocaleTag('not a locale!')).toBe('en-US');
  });

  it('shows a locale Accord has no text for entirely in English, its dates and numbers too', () => {
    expect(toLocaleTag('fr_FR')).toBe('en-US');
    expect(toLocaleTag('ja-JP')).toBe('en-US');
    expect(toLocaleTag('de_CH')).toBe('de-CH');
  });

  it("keeps the user's zone when Intl knows it, else falls back to the browser's", () => {
    expect(toTimeZone('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(toTimeZone('Mars/Olympus')).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('the reply envelope', () => {
  it('recognizes both halves of the envelope, and nothing else', () => {
    expect(isReply({ ok: true, data: null })).toBe(true);
    expect(isReply({ ok: false, error: { code: 'forbidden', message: 'No.' } })).toBe(true);
    expect(isReply({ ok: false, error: { code: 'forbidden' } })).toBe(false);
    expect(isReply('<html>')).toBe(false);
    expect(isReply(undefined)).toBe(false);
  });

  it('turns a call that never arrived into a message the user can act on', () => {
    expect(unreachable(new Error('timeout')).error).toEqual({
      code: 'internal',
      reason: 'unreachable',
      params: { detail: 'timeout' },
      message: 'Accord could not reach its service (timeout). Check your connection and try again.',
    });
  });
});
