/** Escapes text for HTML content and double- or single-quoted attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const berlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (epoch ms) as people in the Berlin office read it. */
export const berlinTime = (ms: number): string => berlin.format(ms);

/** A Jira ISO instant (`…+0100` or `…Z`) as people in the Berlin office read it; `null` is empty. */
export const localTime = (iso: string | null): string => {
  if (iso === null) return '';
  const ms = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? iso : berlin.format(ms);
};
