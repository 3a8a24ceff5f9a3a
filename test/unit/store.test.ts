import { expect } from '@open-wc/testing';
import { PhoneStore, memoryStorage } from '../../src/phone/store.js';

describe('persisted state', () => {
  it('round-trips calls, prefs and outbox under a versioned key', () => {
    const storage = memoryStorage();
    const store = new PhoneStore('crm', storage);
    const call = { id: 'c1', target: { kind: 'number' as const, display: '+44 20 7946 0958', uri: 'sip:+442079460958@x' }, state: 'ended' as const, muted: false, startedAt: 1, durationMs: 0 };
    store.save({ calls: [call], prefs: { confirmClose: false }, outbox: [] });
    expect(storage.getItem('vc-phone:v1:crm')).to.be.a('string');
    const loaded = new PhoneStore('crm', storage).load();
    expect(loaded.calls).to.deep.equal([call]);
    expect(loaded.prefs.confirmClose).to.equal(false);
  });

  it('survives corrupt, foreign or partial data by starting fresh', () => {
    const storage = memoryStorage();
    const store = new PhoneStore('x', storage);
    for (const raw of ['{not json', '42', 'null', '{"version":99,"calls":[]}', '{"version":1,"calls":"nope"}']) {
      storage.setItem('vc-phone:v1:x', raw);
      const state = store.load();
      expect(state.calls).to.deep.equal([]);
      expect(state.prefs.confirmClose).to.equal(true);
    }
    storage.setItem('vc-phone:v1:x', JSON.stringify({ version: 1, calls: [{ id: 1 }, { id: 'ok', state: 'ended', startedAt: 1, target: { display: 'd', uri: 'u' } }] }));
    expect(store.load().calls.map((c) => c.id)).to.deep.equal(['ok']);
  });

  it('keeps working when storage throws (quota, privacy mode)', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    const store = new PhoneStore('y', throwing);
    expect(() => store.save({ calls: [], prefs: { confirmClose: true }, outbox: [] })).not.to.throw();
    expect(store.load().calls).to.deep.equal([]);
  });

  it('keeps the preferences under a key of their own: saving them never rewrites the calls or the outbox', () => {
    const storage = memoryStorage();
    const holder = new PhoneStore('tabs', storage);
    holder.load();
    const call = { id: 'c1', target: { kind: 'number' as const, display: '+44 20 7946 0958', uri: 'sip:+442079460958@x' }, state: 'ended' as const, muted: false, startedAt: 1, durationMs: 0 };
    holder.save({ calls: [call], prefs: { confirmClose: true }, outbox: [] });
    const state = storage.getItem('vc-phone:v1:tabs');
    const writes: string[] = [];
    const watched = { ...storage, setItem: (key: string, value: string) => (writes.push(key), storage.setItem(key, value)) };
    const mirror = new PhoneStore('tabs', watched);
    mirror.load();
    mirror.savePrefs({ confirmClose: true }); // unchanged: nothing written
    expect(writes).to.deep.equal([]);
    mirror.savePrefs({ confirmClose: false });
    expect(writes).to.deep.equal(['vc-phone:v1:tabs:prefs']);
    expect(storage.getItem('vc-phone:v1:tabs')).to.equal(state);
    const loaded = new PhoneStore('tabs', storage).load();
    expect(loaded.prefs.confirmClose).to.equal(false);
    expect(loaded.calls.map((c) => c.id)).to.deep.equal(['c1']);
    new PhoneStore('tabs', storage).clear();
    expect([storage.getItem('vc-phone:v1:tabs'), storage.getItem('vc-phone:v1:tabs:prefs')]).to.deep.equal([null, null]);
  });
});
