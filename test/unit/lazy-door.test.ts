import { expect } from '@open-wc/testing';
import { lazyDoor } from '../../src/phone/lazy-door.js';
import { conferenceDoor, referDoor } from '../../src/phone/lazy-call-features.js';
import { LazyMerges, mergeDoor } from '../../src/phone/lazy-merges.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

/** A load the test settles by hand. */
function manualLoad<T>() {
  const calls: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const load = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('lazyDoor (code a first call does not need, loaded on first use)', () => {
  it('loads once and hands the same module to every use', async () => {
    const { load, calls } = manualLoad<{ n: number }>();
    const door = lazyDoor('the transfer', load);
    const a = door.open();
    const b = door.open();
    expect(calls.length).to.equal(1);
    calls[0].resolve({ n: 1 });
    expect(await a).to.equal(await b);
    expect(door.loaded).to.deep.equal({ n: 1 });
    expect(await door.open()).to.equal(await a);
    expect(calls.length).to.equal(1);
  });

  it('a load that fails rejects with words, and the next use tries again', async () => {
    const { load, calls } = manualLoad<string>();
    const door = lazyDoor('the transfer', load);
    const first = door.open();
    calls[0].reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await rejection(first);
    expect(error.message).to.equal('The code for the transfer could not be loaded (Failed to fetch dynamically imported module). Check the connection and try again.');
    const second = door.open();
    expect(calls.length).to.equal(2, 'tried again');
    calls[1].resolve('module');
    expect(await second).to.equal('module');
  });

  it('a load that never ends rejects at its deadline (nothing wedges), and the next use starts afresh', async () => {
    const { load, calls } = manualLoad<string>();
    const door = lazyDoor('the merge', load);
    const startedAt = Date.now();
    const error = await rejection(door.open(300));
    expect(Date.now() - startedAt).to.be.at.least(250);
    expect(error.message).to.equal('The code for the merge did not load within 0.3 s. Check the connection and try again.');
    const again = door.open(5_000);
    expect(calls.length).to.equal(2);
    calls[1].resolve('module');
    expect(await again).to.equal('module');
  });

  it('prefetch loads quietly (a failure is not thrown at the page) and a later use gets the module', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const { load, calls } = manualLoad<string>();
      const door = lazyDoor('the transfer', load);
      door.prefetch();
      calls[0].reject(new Error('offline'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
      door.prefetch();
      calls[1].resolve('module');
      expect(await door.open()).to.equal('module');
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('the real doors load the real modules (REFER, conference mixing, merges)', async () => {
    expect(typeof (await referDoor.open()).sendRefer).to.equal('function');
    expect(typeof (await conferenceDoor.open()).mergeMembers).to.equal('function');
    expect(typeof (await mergeDoor.open()).CallMerges).to.equal('function');
  });

  it('a merge whose code cannot load is refused in words, nothing changes, and the next merge loads it', async () => {
    const phone = new FakePhone();
    const a = await phone.callInState('connected', '+442079460958');
    const b = await phone.callInState('connected', '+14155550132');
    await settle();
    let fail = true;
    const merges = new LazyMerges(phone, lazyDoor('the merge', () => (fail ? Promise.reject(new TypeError('Failed to fetch')) : import('../../src/phone/call-merge.js'))));
    const error = await rejection(merges.merge(a, b));
    expect(error.message).to.equal('The code for the merge could not be loaded (Failed to fetch). Check the connection and try again.');
    expect([a.mergedWith, b.mergedWith, a.state, b.state]).to.deep.equal([undefined, undefined, 'connected', 'connected']);
    fail = false;
    await merges.merge(a, b);
    expect([a.mergedWith, b.mergedWith]).to.deep.equal([b.id, a.id]);
  });
});
