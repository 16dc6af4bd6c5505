/**
 * The parts of manifest.yml the emulator runs: functions and their handlers, product-event triggers with their
 * filters, queue consumers, scheduled triggers, and the UI modules whose resolvers it invokes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ManifestFunction {
  readonly key: string;
  /** The export of the handler module (`index.onIssueEvent` → `onIssueEvent`). */
  readonly exportName: string;
  readonly timeoutSeconds: number;
}

export interface AppManifest {
  readonly appId: string;
  readonly functions: ReadonlyMap<string, ManifestFunction>;
  readonly triggers: readonly {
    readonly key: string;
    readonly functionKey: string;
    readonly events: readonly string[];
    readonly ignoreSelf: boolean;
  }[];
  /** Queue key → its consumer's function. */
  readonly consumers: ReadonlyMap<string, { readonly key: string; readonly functionKey: string }>;
  readonly scheduled: readonly {
    readonly key: string;
    readonly functionKey: string;
    readonly intervalMs: number;
  }[];
  /** UI module key → its module type (`jira:issueContext`, …). */
  readonly moduleTypes: ReadonlyMap<string, string>;
  readonly scopes: readonly string[];
}

const INTERVALS: Readonly<Record<string, number>> = {
  fiveMinute: 300_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Resolvers and triggers get 25 s; other functions their `timeoutSeconds` (900 at most). */
const DEFAULT_TIMEOUT_SECONDS = 25;

type Entry = Record<string, unknown>;

/** Reads manifest.yml; throws naming what is missing. */
export function readManifest(path: string): AppManifest {
  const doc = parse(readFileSync(path, 'utf8')) as {
    app?: { id?: string };
    modules?: Record<string, Entry[]>;
    permissions?: { scopes?: string[] };
  };
  const modules = doc.modules ?? {};
  const list = (type: string): Entry[] => modules[type] ?? [];
  const functions = new Map<string, ManifestFunction>();
  for (const f of list('function')) {
    const handler = typeof f.handler === 'string' ? f.handler : '';
    const exportName = handler.slice(handler.lastIndexOf('.') + 1);
    if (exportName === '') throw new Error(`manifest.yml: function ${String(f.key)} has no handler`);
    functions.set(String(f.key), {
      key: String(f.key),
      exportName,
      timeoutSeconds: typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds : DEFAULT_TIMEOUT_SECONDS,
    });
  }
  const moduleTypes = new Map<string, string>();
  for (const [type, entries] of Object.entries(modules)) {
    for (const entry of entries)
      if (typeof entry.resource === 'string') moduleTypes.set(String(entry.key), type);
  }
  return {
    appId: doc.app?.id ?? '',
    functions,
    triggers: list('trigger').map((t) => ({
      key: String(t.key),
      functionKey: String(t.function),
      events: (t.events as string[] | undefined) ?? [],
      ignoreSelf: (t.filter as { ignoreSelf?: boolean } | undefined)?.ignoreSelf === true,
    })),
    consumers: new Map(
      list('consumer').map((c) => [String(c.queue), { key: String(c.key), functionKey: String(c.function) }]),
    ),
    scheduled: list('scheduledTrigger').map((s) => {
      const intervalMs = INTERVALS[String(s.interval)];
      if (intervalMs === undefined)
        throw new Error(`manifest.yml: scheduled trigger ${String(s.key)} has an unknown interval`);
      return { key: String(s.key), functionKey: String(s.function), intervalMs };
    }),
    moduleTypes,
    scopes: doc.permissions?.scopes ?? [],
  };
}
