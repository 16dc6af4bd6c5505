import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { HttpError } from './http';

/**
 * The sandbox's Jira dashboard and the configuration Jira keeps for each gadget on it: what a gadget's edit view
 * saves with `view.submit(config)` and its view gets back as `extension.gadgetConfiguration`. Kept in a file
 * beside the sandbox's (`gadgets.json`) when the server is given one, in memory otherwise.
 */

/** A gadget on the sandbox's dashboard. */
export interface Gadget {
  readonly id: string;
  readonly dashboardId: string;
  readonly title: string;
}

/** The one dashboard's gadgets: Accord's compliance gadget. */
export const GADGETS: readonly Gadget[] = [
  { id: 'accord-compliance-1', dashboardId: 'sandbox-dashboard', title: 'Accord SLA compliance' },
];

/** A gadget by id, or a 404 naming the ones there are. */
export function findGadget(id: string): Gadget {
  const gadget = GADGETS.find((g) => g.id === id);
  if (gadget) return gadget;
  throw new HttpError(
    404,
    'not-found',
    `The sandbox's dashboard has no gadget "${id}"; it has ${GADGETS.map((g) => g.id).join(', ')}.`,
  );
}

/** What Jira stores for a gadget: a JSON object, whatever the gadget puts in it. */
export type GadgetConfiguration = Readonly<Record<string, unknown>>;

/** `POST /api/gadgets/:id` `{ configuration }`: what `view.submit` sends from a gadget's edit view. */
export const gadgetBody = z.object({ configuration: z.record(z.string(), z.unknown()) }).strict();

export interface GadgetStore {
  /** The stored configuration; undefined for a gadget never configured (Jira then opens its edit view). */
  configuration(id: string): GadgetConfiguration | undefined;
  save(id: string, configuration: GadgetConfiguration): void;
}

const FORMAT = 1;
const gadgetFile = z.object({
  format: z.literal(FORMAT),
  gadgets: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** The gadgets' configurations, read from `file` when it holds them and written back on every save. */
export function gadgetStore(file?: string): GadgetStore {
  const stored = new Map<string, GadgetConfiguration>(Object.entries(read(file)));
  return {
    configuration: (id) => stored.get(id),
    save: (id, configuration) => {
      stored.set(id, configuration);
      if (file === undefined) return;
      // Written beside and renamed over, so that a crash mid-write leaves the previous file whole.
      writeFileSync(`${file}.tmp`, JSON.stringify({ format: FORMAT, gadgets: Object.fromEntries(stored) }));
      renameSync(`${file}.tmp`, file);
    },
  };
}

/** An unreadable file is forgotten: the gadgets then show their edit views, as new gadgets do. */
function read(file: string | undefined): Record<string, GadgetConfiguration> {
  if (file === undefined || !existsSync(file)) return {};
  try {
    const parsed = gadgetFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.gadgets : {};
  } catch {
    return {};
  }
}
