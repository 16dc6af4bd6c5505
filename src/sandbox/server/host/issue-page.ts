/**
 * The issue page's own script (issue-page.ts on the server writes the page): the controls that act on the
 * issue as its people would, and the details re-read on every change and realtime notice, so the framed
 * panel is never reloaded by a change. A classic script after host-page.ts, transpiled by the server.
 */
(() => {
  const $ = (id: string): HTMLElement => {
    const el = document.getElementById(id);
    if (el === null) throw new Error(`The issue page has no #${id}.`);
    return el;
  };
  const config = JSON.parse($('issue-config').textContent) as {
    readonly key: string;
    readonly reporter: string | null;
    readonly channel: string;
  };
  // Each part of the details goes into its slot, replacing the one before.
  const slots = [
    ['issue-head', 'head-slot'],
    ['issue-activity', 'activity-slot'],
    ['issue-fields', 'fields-slot'],
  ] as const;
  function place(content: DocumentFragment): void {
    for (const [part, slot] of slots) {
      const el = content.getElementById(part);
      if (el) $(slot).replaceChildren(el);
    }
  }
  place(($('initial') as HTMLTemplateElement).content);
  async function refresh(): Promise<void> {
    // In the page's language and zone, as the server wrote the page.
    const { locale, timezone } = accordHost.view;
    const query = new URLSearchParams({ locale, timezone });
    const res = await fetch(`/issue/${encodeURIComponent(config.key)}/details?${query.toString()}`);
    const t = document.createElement('template');
    t.innerHTML = await res.text();
    place(t.content);
  }
  accordHost.on('changed', () => void refresh());
  const issuePath = `/api/site/issues/${encodeURIComponent(config.key)}/`;
  const value = (id: string): string => ($(id) as HTMLSelectElement).value;
  const act = (control: string, path: string, body: () => Record<string, unknown>): void => {
    $(control).addEventListener('click', () => {
      void accordHost.send(issuePath + path, { accountId: accordHost.view.as, ...body() });
    });
  };
  act('transition', 'transition', () => ({ to: value('status') }));
  act('set-priority', 'priority', () => ({ priority: value('priority') }));
  // An empty choice is "Unassigned".
  act('set-assignee', 'assignee', () => ({ assignee: value('assignee') || null }));

  const box = $('comment') as HTMLTextAreaElement;
  async function comment(accountId: string | null, internal: boolean): Promise<void> {
    const body = box.value.trim();
    if (body === '') {
      $('sandbox-error').textContent = accordHost.say('issue.writeFirst');
      return;
    }
    if ((await accordHost.send(`${issuePath}comment`, { accountId, body, internal })) !== undefined)
      box.value = '';
  }
  $('comment-customer').addEventListener('click', () => void comment(config.reporter, false));
  $('comment-agent').addEventListener(
    'click',
    () => void comment(accordHost.view.as, ($('internal') as HTMLInputElement).checked),
  );
  // Accord's evaluations of this issue, as the frame hears them.
  new EventSource(`/api/events?channel=${encodeURIComponent(config.channel)}`).onmessage = () =>
    void refresh();
})();
