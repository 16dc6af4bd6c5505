import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/**
 * An accessibility check of a screen with axe-core (the engine behind Deque's browser extension and Lighthouse's
 * accessibility audit): its source is injected into the page or frame, run over the whole document, and every
 * violation of serious or critical impact is reported as one line a person can act on (the rule, its impact,
 * the element's selector, what to do). Moderate and minor findings (a landmark missing, a heading level
 * skipped) are left out: the goal of issue 15 is no serious or critical violation on any screen.
 */

/** The impacts that fail a check. */
export const FAILING_IMPACTS: readonly string[] = ['serious', 'critical'];

/** One violation of one rule on one element, as axe-core reports it (the parts we print). */
export interface Violation {
  readonly rule: string;
  readonly impact: string;
  /** The element's CSS selector (through frames: one per frame, joined with ` >>> `). */
  readonly target: string;
  readonly help: string;
  /** What axe saw, e.g. "Element has insufficient color contrast of 3.1 (foreground color: …)". */
  readonly summary: string;
}

let source: string | undefined;
/** axe-core's browser build (`axe.js`), read once per test file. */
const axeSource = (): string => (source ??= readFileSync(require.resolve('axe-core'), 'utf8'));

/** The sandbox host page's Custom UI frame (`#accord-frame`) as a Frame, to inject into. */
export async function uiFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#accord-frame').elementHandle();
  try {
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('The page has no Custom UI frame (#accord-frame).');
    return frame;
  } finally {
    await handle.dispose();
  }
}

/**
 * For a frame: the colour of the host page behind it (the first opaque background among the frame element's
 * ancestors, white where there is none). For a page: null, its own colours stand.
 */
async function backdropOf(target: Page | Frame): Promise<string | null> {
  if (!('parentFrame' in target)) return null;
  const element = await target.frameElement();
  try {
    return await element.evaluate((frameElement: unknown) => {
      // Runs in the host page (the tests compile without the DOM's types).
      interface Box {
        readonly parentElement: Box | null;
      }
      const window = globalThis as unknown as {
        getComputedStyle(box: Box): { readonly backgroundColor: string };
      };
      for (let box = (frameElement as Box).parentElement; box; box = box.parentElement) {
        const colour = window.getComputedStyle(box).backgroundColor;
        if (colour !== '' && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
      }
      return 'rgb(255, 255, 255)';
    });
  } finally {
    await element.dispose();
  }
}

interface AxeNode {
  readonly impact?: string | null;
  readonly target: readonly (string | readonly string[])[];
  readonly failureSummary?: string;
}
interface AxeResult {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly AxeNode[];
}

/**
 * Every serious or critical violation axe-core finds in the document of `target` (a page or a frame), one per
 * element. `exclude` lists selectors to leave out (the host page's own frame, which is checked on its own).
 */
export async function axeViolations(
  target: Page | Frame,
  exclude: readonly string[] = [],
): Promise<Violation[]> {
  const backdrop = await backdropOf(target);
  const loaded = await target.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await target.addScriptTag({ content: axeSource() });
  const context =
    exclude.length === 0 ? 'document' : JSON.stringify({ exclude: exclude.map((selector) => [selector]) });
  // The frame's own background is transparent (Jira's page shows through it, as in the sandbox's host page):
  // axe, which cannot look through the frame, would take it for white. For the run, the frame's root is
  // painted the colour the person sees behind it.
  const results = await target.evaluate<AxeResult[]>(
    `(() => {
      const root = document.documentElement;
      const before = root.style.backgroundColor;
      ${backdrop === null ? '' : `root.style.backgroundColor = ${JSON.stringify(backdrop)};`}
      const restore = (value) => { root.style.backgroundColor = before; return value; };
      // A dialog fading in has, mid-fade, the blended colours of no real state: wait for every finite
      // animation and transition (a spinner's endless one excepted) to end first.
      const ending = document.getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined));
      return Promise.all(ending).then(() => window.axe.run(${context}, { resultTypes: ['violations'] })
        .then((r) => restore(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target, failureSummary: n.failureSummary })) })))));
    })()`,
  );
  const violations: Violation[] = [];
  for (const result of results) {
    for (const node of result.nodes) {
      const impact = node.impact ?? result.impact ?? 'unknown';
      if (!FAILING_IMPACTS.includes(impact)) continue;
      violations.push({
        rule: result.id,
        impact,
        target: node.target.map((part) => (typeof part === 'string' ? part : part.join(' '))).join(' >>> '),
        help: result.help,
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return violations;
}

/** The violations as a list to read in a test's failure: one line each, then what axe saw. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `- ${v.rule} (${v.impact}) at ${v.target}: ${v.help}\n    ${v.summary}`)
    .join('\n');
}

/**
 * Runs axe-core on a screen and fails, listing each serious or critical violation, where there is any.
 * `where` names the screen in the failure ("admin, agreement editor, dark, de-DE").
 */
export async function expectAccessible(
  target: Page | Frame,
  where: string,
  exclude: readonly string[] = [],
): Promise<void> {
  const violations = await axeViolations(target, exclude);
  if (violations.length === 0) return;
  throw new Error(
    `axe-core finds ${violations.length} serious or critical violation${violations.length === 1 ? '' : 's'} on ${where}:\n${formatViolations(violations)}`,
  );
}
