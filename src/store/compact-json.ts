/**
 * The compact form of the store's large JSON columns (issue histories, metric results): the JSON deflated and
 * written as base64 behind a marker, in the same text column. A history of about ten changelog entries is some
 * 4 KB of JSON and about 1 KB compact. Text, not a binary column, because Forge SQL's HTTP API carries
 * parameters and rows as JSON, where bytes would need an encoding anyway; base64 costs a third over the bytes.
 *
 * Reading accepts both forms, so rows written before the compact form existed stay readable and are rewritten
 * compact the next time the issue is stored.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Marks a compact value (JSON text never starts with `~`) and names its dictionary. */
const MARKER = '~1:';

/**
 * Deflate's preset dictionary: the keys and values every history and metric result repeats. A metric result is
 * some 500 bytes of JSON, too short for deflate to find its own repetitions; with this it shrinks by about
 * two thirds. ATTENTION: stored values need exactly these bytes to be read; a change is a new marker (`~2:`)
 * with its own dictionary, and this one stays for reading.
 */
const DICTIONARY_1 = Buffer.from(
  [
    '{"v":1,"key":"","id":"","created":,"fields":[{"keys":["project"],"at":[],"values":[["',
    '{"keys":["issuetype"],"at":[],"values":[["service request","',
    '{"keys":["customfield_100","name:team"],"at":[],"values":[[],["first level","second level","',
    '{"keys":["assignee"],"at":[],"values":[[],["',
    '{"keys":["reporter"],"at":[],"values":[["',
    '{"keys":["resolution"],"at":[],"values":[[],["done","10000"]]}',
    '{"keys":["priority"],"at":[],"values":[["highest","1"],["high","2"],["medium","3"],["low","4"],["lowest","5"]',
    '{"keys":["statusCategory"],"at":[],"values":[["new","to do","2"],["indeterminate","in progress","4"],["done","3"]]}',
    '{"keys":["status"],"at":[],"values":[["waiting for support","10001"],["in progress","3"],["waiting for customer","10002"],["resolved","5"]]}',
    '"known":["customfield_10002","name:organizations","customfield_10010","name:request type","name:satisfaction"]',
    '{"kind":"comment","at":,"id":"","by":"customer","public":true},{"kind":"comment","at":,"id":"","by":"agent","public":false}',
    '{"kind":"status","at":,"from":{"id":"","name":"Waiting for support","category":"new"},"to":{"id":"","name":"In Progress","category":"indeterminate"}}',
    '"name":"Resolved","category":"done"}}',
    '"events":[{"kind":"created","at":},{"kind":"assignee","at":,"change":"set"},{"kind":"resolution","at":,"change":"set"}',
    '{"kind":"field","at":,"field":,"change":0}',
    '"thresholds":[{"index":0,"crossings":0,"lastAt":null,"nextAt":null},{"index":1,"crossings":0,"lastAt":null,"nextAt":null}]}]',
    '"state":"not-started","breached":false,"everBreached":false,"cycles":[],"next":null}',
    '"state":"running","state":"met","state":"breached","breached":true,"everBreached":true,',
    '{"id":"","name":"Time to first response","goal":{"index":0,"targetMinutes":,"calendar":"","objectivePercent":95},',
    '"cycles":[{"startedAt":"2026-',
    'T00:00:00.000Z","stoppedAt":"2026-',
    'T00:00:00.000Z","elapsedMs":,"pausedMs":0,',
    '"remainingMs":,"deadline":null,"breached":false,"breachedAt":null,"goalIndex":0,"pauses":[],',
  ].join(''),
  'utf8',
);

/** A value as the compact text stored in a JSON column. */
export function compactJson(value: unknown): string {
  const bytes = deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { dictionary: DICTIONARY_1 });
  return MARKER + bytes.toString('base64');
}

/** The value of a JSON column in either form: compact, or JSON text written by an older Accord. */
export function readCompactJson(text: string): unknown {
  if (!text.startsWith(MARKER)) return JSON.parse(text) as unknown;
  const bytes = inflateRawSync(Buffer.from(text.slice(MARKER.length), 'base64'), {
    dictionary: DICTIONARY_1,
  });
  return JSON.parse(bytes.toString('utf8')) as unknown;
}
