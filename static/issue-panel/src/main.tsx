import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { prefetching } from '../../shared/prefetch';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './panel.css';
import { paintFirst, type FirstPaint } from './first-paint';

// The panel's results are asked for together with its translations, as soon as Jira says which issue it is.
const backend = prefetching(forgeBackend, (context) =>
  context.issueId === null ? null : { route: 'issue/metrics', payload: { issueId: context.issueId } },
);
void enableJiraTheme();
// React and the panel come in a chunk of their own, which index.html preloads with this one (the build's
// `firstRender`). Meanwhile the countdowns show in plain DOM as soon as their round trips are in
// (first-paint.ts). Evaluating React DOM is one long task, the most of the bundle's time: it starts once the
// first paint is on screen (or it is known there is none, or a second passed), since a reply that came during it waited for it.
const root = document.getElementById('root');
const first: FirstPaint | null = root === null ? null : paintFirst(root, backend.early);
// At the latest after a second, so that a slow call shows the panel's loading line.
void Promise.race([backend.early, new Promise((resolve) => setTimeout(resolve, 1000))])
  .then(afterPaint, afterPaint)
  .then(() => import('./app'))
  .then(({ mount }) => {
    mount(backend, first);
  });

/** After the next frame is drawn; at the latest after 100 ms, since a hidden frame draws none. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      resolve();
    };
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });
}
