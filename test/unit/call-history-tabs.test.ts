// The history across tabs: a tab takes the other tabs' writes of its agent's history from the
// `storage` event (the browser fires it in every OTHER tab of the origin; here the test fires it
// as the browser would), and a tab that follows a leader never writes it. The real thing, three
// pages of one browser: test/e2e/tabs.test.mjs (T2).
import { expect } from '@open-wc/testing';
import { CallHistory, historyKey } from '../../src/phone/call-history.js';
import type { CallSnapshot } from '../../src/phone/types.js';

const entry = (id: string, startedAt: number) => ({
  id,
  party: '+44 20 7946 0958',
  to: '+442079460958',
  target: { display: '+44 20 7946 0958', e164: '+442079460958', uri: 'sip:+442079460958@example.com' },
  direction: 'outbound',
  startedAt,
  durationMs: 0,
});
/** What the phone hands the history when a call of its own ends (the fields the entry is made of). */
const ended = (id: string, startedAt: number) => ({ id, target: entry(id, startedAt).target, startedAt, durationMs: 0 }) as unknown as CallSnapshot;

describe('CallHistory across tabs', () => {
  const namespace = `history-tabs-${Date.now()}`;
  const agent = 'sip:agent@example.com';
  const key = historyKey(namespace, agent);
  const opened: CallHistory[] = [];
  afterEach(() => {
    for (const history of opened.splice(0)) history.dispose();
    localStorage.removeItem(key);
  });
  /** Another tab writes the key (or clears the storage): the browser tells this tab so. */
  const otherTabWrites = (value: string | null, eventKey: string | null = key, storageArea: Storage | null = localStorage) => {
    if (eventKey === key) {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    }
    window.dispatchEvent(new StorageEvent('storage', { key: eventKey, newValue: value, storageArea }));
  };

  it("takes another tab's write of its key, and a clear, with a change event each", async () => {
    const history = new CallHistory(localStorage, namespace, agent);
    opened.push(history);
    let changes = 0;
    history.addEventListener('change', () => changes++);
    otherTabWrites(JSON.stringify([entry('b', 2), entry('a', 1)]));
    expect(history.entries.map((e) => e.id)).to.deep.equal(['b', 'a']);
    otherTabWrites(null);
    expect(history.entries).to.deep.equal([]);
    otherTabWrites(JSON.stringify([entry('c', 3)]));
    otherTabWrites(null, null); // another tab cleared the whole storage
    expect(history.entries).to.deep.equal([]);
    expect(changes).to.equal(4);
  });

  it("ignores other keys (another agent's history) and other storage areas", async () => {
    const history = new CallHistory(localStorage, namespace, agent);
    opened.push(history);
    otherTabWrites(JSON.stringify([entry('a', 1)]));
    otherTabWrites(JSON.stringify([entry('x', 9)]), historyKey(namespace, 'sip:other@example.com'));
    otherTabWrites(JSON.stringify([entry('y', 9)]), key, sessionStorage);
    expect(history.entries.map((e) => e.id)).to.deep.equal(['a']);
  });

  it('a follower keeps its entries in memory but never writes them; once it leads, it writes what every tab wrote', async () => {
    let following = true;
    const history = new CallHistory(localStorage, namespace, agent, 200, () => !following);
    opened.push(history);
    otherTabWrites(JSON.stringify([entry('a', 1)])); // the leader's call ended
    history.add(ended('b', 2));
    expect(localStorage.getItem(key), 'the leader writes it, not this tab').to.equal(JSON.stringify([entry('a', 1)]));
    following = false; // the leader's tab closed: this one leads now
    history.add(ended('c', 3));
    expect((JSON.parse(localStorage.getItem(key)!) as { id: string }[]).map((e) => e.id)).to.deep.equal(['c', 'b', 'a']);
  });

  it("a follower does not bring back a call the leader wrote once another tab cleared it (the mirror's last update comes late)", async () => {
    const history = new CallHistory(localStorage, namespace, agent, 200, () => false);
    opened.push(history);
    otherTabWrites(JSON.stringify([entry('a', 1)])); // the leader's write of the ended call came first
    otherTabWrites(null); // the agent cleared the history in a third tab
    history.add(ended('a', 1)); // then this tab's mirror of the call heard that it ended
    expect(history.entries).to.deep.equal([]);
    history.add(ended('b', 2)); // a call the leader has not written yet still shows at once
    expect(history.entries.map((e) => e.id)).to.deep.equal(['b']);
  });

  it('stops listening once disposed', async () => {
    const history = new CallHistory(localStorage, namespace, agent);
    history.dispose();
    otherTabWrites(JSON.stringify([entry('a', 1)]));
    expect(history.entries).to.deep.equal([]);
  });
});
