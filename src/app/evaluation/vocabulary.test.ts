import { JiraError } from '../ports';
import { ManualClock } from '../../sandbox/clock';
import { SimulatedJira } from '../../sandbox/jira/simulated-jira';
import { SimulatedSite } from '../../sandbox/jira/site';
import { SANDBOX_USERS } from '../../sandbox/users';
import { VOCABULARY_TTL_MS, VocabularyCache } from './vocabulary';

function setUp() {
  const clock = new ManualClock(Date.UTC(2026, 2, 2, 8));
  const jira = new SimulatedJira(new SimulatedSite(clock, SANDBOX_USERS));
  return { clock, jira, cache: new VocabularyCache(jira, clock) };
}
const fieldReads = (jira: SimulatedJira) => jira.calls.get('GET /rest/api/3/field') ?? 0;

describe('the vocabulary cache', () => {
  it("reads the simulated site's own statuses, priorities, fields and request types", async () => {
    const { cache } = setUp();
    const vocabulary = await cache.get();
    expect(vocabulary.statuses.map((s) => s.name)).toContain('Waiting for customer');
    expect(vocabulary.priorities.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(vocabulary.fields).toContainEqual(
      expect.objectContaining({ id: 'customfield_10050', name: 'Team' }),
    );
    expect(vocabulary.requestTypes.map((r) => r.name)).toContain('Get IT help');
  });

  it('reads Jira once per five minutes, however often it is asked, and concurrent asks share a read', async () => {
    const { clock, jira, cache } = setUp();
    await Promise.all([cache.get(), cache.get()]);
    expect(fieldReads(jira)).toBe(1);
    clock.advance(VOCABULARY_TTL_MS - 1);
    await cache.get();
    expect(fieldReads(jira)).toBe(1);
    clock.advance(1);
    await cache.get();
    expect(fieldReads(jira)).toBe(2);
    expect(jira.calls.get('GET /rest/servicedeskapi/requesttype')).toBe(2);
  });

  it('does not keep a failed read: it rejects, and the next ask reads again', async () => {
    const { jira, cache } = setUp();
    const read = jira.getSiteVocabulary.bind(jira);
    jira.getSiteVocabulary = () => Promise.reject(new JiraError('Jira: down (503)', 503, true));
    await expect(cache.get()).rejects.toThrow('Jira: down (503)');
    jira.getSiteVocabulary = read;
    await expect(cache.get()).resolves.toEqual(expect.objectContaining({ statuses: expect.any(Array) }));
  });
});
