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
// `firstRender`): evaluating it takes the most of the bundle's time, and here it starts only after the
// browser has run the microtasks that send the context's round trips, so that the results are on their way
// while React starts instead of after it.
// Meanwhile the countdowns show in plain DOM as soon as their round trips are in (first-paint.ts).
const root = document.getElementById('root');
const first: FirstPaint | null = root === null ? null : paintFirst(root, backend.early);
void import('./app').then(({ mount }) => {
  mount(backend, first);
});
