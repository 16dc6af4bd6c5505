/**
 * The dashboard's own script (host-pages.ts writes the page): the gadget's Edit button shows its edit view,
 * which `view.submit` and `view.close` end. A classic script after host-page.ts, transpiled by the server.
 */
(() => {
  const edit = document.getElementById('gadget-edit');
  if (edit === null) return;
  const show = (): void => {
    edit.setAttribute('aria-pressed', String(accordHost.frame.entryPoint === 'edit'));
  };
  edit.addEventListener('click', () => {
    accordHost.setFrame({ entryPoint: accordHost.frame.entryPoint === 'edit' ? null : 'edit' });
  });
  accordHost.on('frame', show);
  show();
})();
