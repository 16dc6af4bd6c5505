/**
 * The portal request page's own script (host-pages.ts writes the page): the customer's reply, posted as a
 * comment; the page reloads to show it. A classic script after host-page.ts, transpiled by the server.
 */
(() => {
  const $ = (id: string): HTMLElement => {
    const el = document.getElementById(id);
    if (el === null) throw new Error(`The portal page has no #${id}.`);
    return el;
  };
  const { key } = JSON.parse($('portal-config').textContent) as { readonly key: string };
  const reply = $('reply') as HTMLTextAreaElement;
  $('reply-send').addEventListener('click', () => {
    const body = reply.value.trim();
    if (body === '') {
      $('sandbox-error').textContent = accordHost.say('issue.writeFirst');
      return;
    }
    void accordHost
      .send(`/api/site/issues/${encodeURIComponent(key)}/comment`, { accountId: accordHost.view.as, body })
      .then((ok) => {
        if (ok !== undefined) location.reload();
      });
  });
})();
