/**
 * "Did you mean …?": the known names nearest to a misspelt one, by edit distance, compared case-insensitively
 * as JQL compares names.
 */

/**
 * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * characters each count one, so the commonest typo, two letters swapped (`stauts`), is as near as one wrong
 * letter.
 * @example editDistance('stauts', 'status') === 1
 * @example editDistance('foo', 'bar') === 3
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the dynamic programme: the one before last (for swaps), the last, and the current.
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((last[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (last[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    before = last;
    last = row;
  }
  return last[b.length] ?? 0;
}

/** How many suggestions a problem names at most. */
export const MAX_NEAREST = 3;

/**
 * The names of `known` nearest to `word`, nearest first (ties in the order given), at most {@link MAX_NEAREST}:
 * those within a third of the word's length in edits (at least one, at most `maxEdits`), then names that contain
 * the word or that the word contains (`Outage` for `Outage start`). Each name once, as `known` spells it; none
 * when nothing is near, since a far-fetched guess misleads more than it helps.
 * @example nearestNames('stauts', ['project', 'status', 'statusCategory']) // ['status']
 * @example nearestNames('Hihg', ['Highest', 'High', 'Medium']) // ['High']
 */
export function nearestNames(word: string, known: readonly string[], maxEdits = 3): string[] {
  const lower = word.trim().toLowerCase();
  if (lower === '') return [];
  const limit = Math.min(maxEdits, Math.max(1, Math.floor(lower.length / 3)));
  const seen = new Set<string>();
  const scored: { name: string; score: number; index: number }[] = [];
  known.forEach((name, index) => {
    const candidate = name.toLowerCase();
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const distance = editDistance(lower, candidate);
    const contains =
      lower.length >= 3 && candidate.length >= 3 && (candidate.includes(lower) || lower.includes(candidate));
    if (distance <= limit) scored.push({ name, score: distance, index });
    else if (contains) scored.push({ name, score: limit + 1, index });
  });
  return scored
    .sort((x, y) => x.score - y.score || x.index - y.index)
    .slice(0, MAX_NEAREST)
    .map((s) => s.name);
}
