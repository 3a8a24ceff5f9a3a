// One phone across tabs, in one page: two phones on one storage key elect a leader with the
// Web Locks API and talk over a BroadcastChannel exactly as two tabs do. The fake far end stands
// in for SIP; what matters here is which phone holds the call and what each one shows.
import { expect } from '@open-wc/testing';
import type { Call } from '../../src/phone/call.js';
import { MirrorCall } from '../../src/phone/tabs/mirror-call.js';
import { memoryStorage, type KeyValueStorage } from '../../src/phone/store.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { until } from '../support/until.js';

let keys = 0;
const tabsOf = () => {
  const storageKey = `tabs-${Date.now()}-${keys++}`;
  const storage = memoryStorage();
  return (config = {}) => new FakePhone({ storageKey, ...config }, { storage, tabs: 'shared' });
};

/**
 * One tab's copy of storage as Chromium keeps it: writes go through to the shared store, but a
 * key this tab wrote keeps this tab's value (it no longer sees the other tabs' writes to it: the
 * lag of a renderer's cache, at its worst).
 */
function tabCopyOf(shared: KeyValueStorage): KeyValueStorage {
  const own = new Map<string, string | null>();
  return {
    getItem: (key) => (own.has(key) ? (own.get(key) ?? null) : shared.getItem(key)),
    setItem: (key, value) => {
      own.set(key, value);
      shared.setItem(key, value);
    },
    removeItem: (key) => {
      own.set(key, null);
      shared.removeItem(key);
    },
  };
}

/** The leader's phone has the connection; a follower has none. */
async function leaderAndFollower(open: ReturnType<typeof tabsOf>): Promise<[FakePhone, FakePhone]> {
  const leader = open();
  await leader.connect(); // the first phone leads: it connects itself
  const follower = open();
  return [leader, follower];
}

describe('one phone across tabs', () => {
  const opened: FakePhone[] = [];
  afterEach(async () => {
    for (const phone of opened.splice(0)) await phone.dispose();
  });

  it('a call placed in a follower is placed by the leader, and shown the same in both', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower, leader);
    const followerEvents: string[] = [];
    for (const type of ['vc-call-dialing', 'vc-call-answered', 'vc-call-mute', 'vc-call-dtmf', 'vc-call-color', 'vc-call-ended', 'vc-call-removed']) {
      follower.addEventListener(type, (event) => followerEvents.push(event.type));
    }
    const call = await follower.call('+44 20 7946 0958', { label: 'Ada' });
    await until(() => leader.getCall(call.id) !== undefined, 'the leader to hold the call');
    expect(leader.connections).to.have.length(1);
    expect(follower.connections).to.have.length(0);
    const held = leader.getCall(call.id) as Call;
    leader.far(held).answer();
    await until(() => call.state === 'connected', 'the follower to show the answer');

    call.mute();
    await until(() => held.muted, 'mute from the follower to reach the leader');
    expect(leader.far(held).microphoneEnabled).to.equal(false);
    call.sendDtmf('42#');
    await until(() => leader.far(held).digits.join('') === '42#', 'the digits at the far end');
    call.setColor('amber');
    await until(() => held.color === 'amber' && call.color === 'amber', 'the colour in both tabs');
    call.hangup();
    await until(() => leader.far(held).hungUpWith === 'bye', 'a BYE from the follower\'s hang-up');
    await until(() => call.state === 'ended', 'the end in the follower');
    follower.removeCall(call.id);
    await until(() => !leader.getCall(call.id) && !follower.getCall(call.id), 'the bin in both tabs');
    expect(followerEvents).to.deep.equal(['vc-call-dialing', 'vc-call-answered', 'vc-call-mute', 'vc-call-dtmf', 'vc-call-dtmf', 'vc-call-dtmf', 'vc-call-color', 'vc-call-ended', 'vc-call-removed']);
  });

  it('a call placed in the leader shows in a follower opened later, and the follower holds it', async () => {
    const open = tabsOf();
    const leader = open();
    opened.push(leader);
    const first = await leader.callInState('connected');
    const second = await leader.callInState('connected');
    await until(() => first.held, 'the first call held by the second');
    const follower = open();
    opened.unshift(follower);
    await until(() => follower.calls.length === 2, 'the follower to show both calls');
    const mirror = follower.getCall(first.id) as Call;
    expect(mirror.held).to.equal(true);
    await mirror.resume();
    expect(first.held).to.equal(false);
    await until(() => second.held && follower.getCall(second.id)?.held === true, 'the other call held, in both tabs');
    expect(follower.activeCallId).to.equal(first.id);
  });

  it('when the leader goes, a follower takes over: live calls end in words, a new call works', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower);
    const call = await follower.call('+44 20 7946 0958');
    await until(() => call.state === 'ringing', 'ringing in the follower');
    // The leader's tab closes: its page-hide ends its live calls (BYE/CANCEL), then its lock goes.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await leader.dispose();
    await until(() => follower.getCall(call.id)?.state === 'ended', 'the call ended after the leader went');
    expect(follower.getCall(call.id)?.outcome).to.deep.include({ reason: 'reload', cause: 'tab-closed' });
    expect(follower.getCall(call.id)?.outcome?.message).to.match(/tab that held the call was closed/);
    const next = await follower.call('+44 20 7946 0959');
    expect(follower.connections).to.have.length(1); // it holds the connection now
    await until(() => next.sipCallId !== undefined, 'the INVITE out from the survivor');
    follower.far(next).answer();
    await until(() => next.state === 'connected', 'a new call from the survivor');
  });

  it('a leader disposed (its element removed) hangs its calls up; the follower takes over the boxes', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower);
    const call = await follower.call('+44 20 7946 0958');
    await until(() => call.state === 'ringing', 'ringing in the follower');
    await leader.dispose();
    await until(() => follower.getCall(call.id)?.state === 'ended', 'the call ended in the follower');
    expect(follower.calls.some((c) => c instanceof MirrorCall)).to.equal(false); // its own calls now
    follower.removeCall(call.id);
    expect(follower.calls).to.have.length(0);
  });

  it('a tab opened while a call is live shows it live: it does not end the leader\'s call as "cut by a reload"', async () => {
    const storage = memoryStorage();
    const storageKey = `tabs-open-${Date.now()}`;
    const leader = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    opened.push(leader);
    const call = await leader.callInState('connected');
    const finished = await leader.callInState('ended');
    await until(() => JSON.parse(storage.getItem(`vc-phone:v1:${storageKey}`) ?? '{}').calls?.length === 2, 'both calls stored');
    const follower = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    opened.unshift(follower);
    // The finished call shows at once (stored); the live one comes from the leader, live.
    expect(follower.calls.map((c) => c.id)).to.deep.equal([finished.id]);
    await until(() => follower.getCall(call.id)?.state === 'connected', 'the live call mirrored');
    expect(call.state).to.equal('connected');
    const stored = JSON.parse(storage.getItem(`vc-phone:v1:${storageKey}`) ?? '{}') as { calls: { id: string; state: string }[] };
    expect(stored.calls.find((c) => c.id === call.id)?.state).to.equal('connected');
  });

  it('quality warnings, talking while muted and the end-of-call quality show in a follower too', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower, leader);
    const qualityEvents: string[] = [];
    follower.addEventListener('vc-call-quality', (event) => qualityEvents.push(`${event.detail.warning} ${event.detail.raised}`));
    const call = await leader.callInState('connected');
    await until(() => follower.getCall(call.id)?.state === 'connected', 'connected in the follower');
    const mirror = follower.getCall(call.id) as Call;
    leader.far(call).quality('high-rtt', true, { rttMs: 620 });
    await until(() => mirror.qualityWarnings.map((w) => w.warning).join() === 'high-rtt', 'the warning in the follower');
    expect(qualityEvents).to.deep.equal(['high-rtt true']);
    call.mute();
    leader.far(call).talkWhileMuted(true);
    await until(() => mirror.talkingWhileMuted, 'talking while muted in the follower');
    mirror.hangup();
    await until(() => mirror.state === 'ended' && mirror.qualitySummary !== undefined, 'the quality summary in the follower');
    expect(mirror.qualitySummary).to.deep.equal(call.qualitySummary);
    expect(mirror.qualityWarnings).to.deep.equal([]);
  });

  it('an outcome\'s cause reaches a follower: its mirror and its vc-call-ended', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower, leader);
    const causes: (string | undefined)[] = [];
    follower.addEventListener('vc-call-ended', (event) => causes.push(event.detail.outcome.cause));
    const call = await leader.callInState('connected');
    await until(() => follower.getCall(call.id)?.state === 'connected', 'connected in the follower');
    leader.far(call).removeAudio();
    await until(() => follower.getCall(call.id)?.state === 'ended', 'ended in the follower');
    expect(follower.getCall(call.id)?.outcome).to.deep.equal(call.outcome);
    expect(call.outcome?.cause).to.equal('audio-removed');
    await until(() => causes.length === 1, 'the follower\'s vc-call-ended');
    expect(causes).to.deep.equal(['audio-removed']);
  });

  it('two accounts on one storage key never share a connection', async () => {
    const storage = memoryStorage();
    const storageKey = `tabs-accounts-${Date.now()}`;
    const agentA = new FakePhone({ storageKey, aor: 'sip:ada@pbx.example.com' }, { storage, tabs: 'shared' });
    const agentB = new FakePhone({ storageKey, aor: 'sip:bob@pbx.example.com' }, { storage, tabs: 'shared' });
    opened.push(agentA, agentB);
    await agentA.connect();
    await agentB.connect();
    expect(agentA.connections.map((c) => c.aor)).to.deep.equal(['sip:ada@pbx.example.com']);
    expect(agentB.connections.map((c) => c.aor)).to.deep.equal(['sip:bob@pbx.example.com']);
  });

  it('a bad number typed in a follower is refused there, in words, and nothing reaches the leader', async () => {
    const open = tabsOf();
    const [leader, follower] = await leaderAndFollower(open);
    opened.push(follower, leader);
    let refused = '';
    follower.addEventListener('vc-input-error', (event) => (refused = event.detail.message));
    const error = await follower.call('call me maybe').catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    expect(refused).to.be.a('string').and.not.equal('');
    expect(leader.calls).to.have.length(0);
  });

  it('a follower never writes the calls or the webhook outbox: its stale copy of storage cannot undo the leader\'s events', async () => {
    const shared = memoryStorage();
    const storageKey = `tabs-stale-${Date.now()}`;
    // A receiver on this machine that is not there: every event waits in the outbox.
    const config = { storageKey, statusWebhook: { url: 'http://127.0.0.1:9/status' } };
    const leader = new FakePhone(config, { storage: tabCopyOf(shared), tabs: 'shared' });
    await leader.connect();
    const follower = new FakePhone(config, { storage: tabCopyOf(shared), tabs: 'shared' });
    opened.push(follower, leader);
    const call = await follower.call('+44 20 7946 0958');
    await until(() => leader.getCall(call.id) !== undefined, 'the leader to hold the call');
    const held = leader.getCall(call.id) as Call;
    leader.far(held).answer();
    await until(() => call.state === 'connected', 'the answer in the follower');
    call.setColor('amber');
    await until(() => call.color === 'amber', 'the colour in the follower');
    call.hangup();
    await until(() => call.state === 'ended', 'the end in the follower');
    const stored = () => JSON.parse(shared.getItem(`vc-phone:v1:${storageKey}`) ?? '{}') as { outbox?: { payload: { callId: string; type: string } }[]; calls?: { id: string; state: string }[] };
    const events = () => (stored().outbox ?? []).filter((d) => d.payload.callId === call.id).map((d) => d.payload.type);
    await until(() => events().includes('vc-call-ended'), 'the end stored');
    expect(events()).to.include.members(['vc-call-dialing', 'vc-call-answered', 'vc-call-color', 'vc-call-ended']);
    expect(stored().calls?.find((c) => c.id === call.id)?.state).to.equal('ended');

    // The follower takes over: it finds every event the leader stored, and nothing was lost.
    await leader.dispose();
    await until(() => follower.calls.length === 1 && follower.calls.every((c) => !(c instanceof MirrorCall)), 'the follower to lead');
    await Promise.resolve(); // its first save as the leader (once per task)
    expect(events()).to.include.members(['vc-call-dialing', 'vc-call-answered', 'vc-call-color', 'vc-call-ended']);
  });
});
