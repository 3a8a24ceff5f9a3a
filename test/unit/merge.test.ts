import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { until } from '../support/until.js';

/** Every merge event the phone dispatched, as "type number other-number (reason)". */
function recordMergeEvents(phone: FakePhone): string[] {
  const seen: string[] = [];
  const number = (id: string) => phone.getCall(id)?.target.e164;
  phone.addEventListener('vc-call-merged', (event) => seen.push(`merged ${event.detail.call.target.e164} ${number(event.detail.otherCallId)}`));
  phone.addEventListener('vc-call-split', (event) => seen.push(`split ${event.detail.call.target.e164} ${number(event.detail.otherCallId)} (${event.detail.reason})`));
  return seen;
}

async function twoConnectedCalls(phone: FakePhone) {
  const a = await phone.callInState('connected', '+442079460958');
  const b = await phone.callInState('connected', '+14155550132');
  await settle();
  return { a, b };
}

describe('merge (three-way conversation)', () => {
  it('merges two connected calls (the held one is taken back first), and splits them again', async () => {
    const phone = new FakePhone();
    const seen = recordMergeEvents(phone);
    const { a, b } = await twoConnectedCalls(phone);
    await until(() => a.held, 'the first call held by the second answer (one active call)');
    await phone.merge(a, b);
    expect([a.held, b.held]).to.deep.equal([false, false]);
    expect([a.mergedWith, b.mergedWith]).to.deep.equal([b.id, a.id]);
    expect(phone.far(a).mergedWith).to.equal(phone.far(b));
    expect(a.toJSON().mergedWith).to.equal(b.id);
    expect(seen).to.deep.equal(['merged +442079460958 +14155550132', 'merged +14155550132 +442079460958']);
    await phone.split(b);
    expect([a.mergedWith, b.mergedWith, phone.far(a).mergedWith]).to.deep.equal([undefined, undefined, undefined]);
    expect(seen.slice(2)).to.deep.equal(['split +442079460958 +14155550132 (split)', 'split +14155550132 +442079460958 (split)']);
  });

  it('mutes the agent in both calls, whichever box the mute came from', async () => {
    const phone = new FakePhone();
    const { a, b } = await twoConnectedCalls(phone);
    await phone.merge(a.id, b.id);
    b.mute();
    expect([a.muted, b.muted, phone.far(a).microphoneEnabled, phone.far(b).microphoneEnabled]).to.deep.equal([true, true, false, false]);
    a.unmute();
    expect([a.muted, b.muted]).to.deep.equal([false, false]);
  });

  it('holding one leg leaves the other talking to the agent (not held by the one-active-call rule)', async () => {
    const phone = new FakePhone();
    const { a, b } = await twoConnectedCalls(phone);
    await phone.merge(a, b);
    await a.hold();
    expect([a.held, b.held, a.mergedWith]).to.deep.equal([true, false, b.id]);
    await a.resume();
    await settle();
    expect([a.held, b.held]).to.deep.equal([false, false]);
  });

  it('when one leg hangs up, the other carries on with the agent alone (vc-call-split, reason call-ended)', async () => {
    const phone = new FakePhone();
    const seen = recordMergeEvents(phone);
    const { a, b } = await twoConnectedCalls(phone);
    await phone.merge(a, b);
    phone.far(a).hangUp();
    expect([a.state, b.state, b.mergedWith, phone.far(b).mergedWith]).to.deep.equal(['ended', 'connected', undefined, undefined]);
    expect(seen.at(-1)).to.equal(`split +14155550132 undefined (call-ended)`.replace('undefined', '+442079460958'));
  });

  it('refuses, in words and with vc-input-error, what cannot be merged; nothing changes', async () => {
    const phone = new FakePhone();
    const errors: string[] = [];
    phone.addEventListener('vc-input-error', (event) => errors.push(`${event.detail.code}/${event.detail.field}`));
    const a = await phone.callInState('connected');
    const ringing = await phone.callInState('ringing', '+14155550132');
    const refused = (promise: Promise<void>) => promise.then(() => undefined, (error: unknown) => error as PhoneInputError);
    expect((await refused(phone.merge(a, ringing)))?.message).to.equal('Only two connected calls can be merged.');
    expect((await refused(phone.merge(a, a)))?.message).to.match(/cannot be merged with itself/);
    expect((await refused(phone.split(a)))?.message).to.equal('This call is not merged with another.');
    phone.far(ringing).answer();
    phone.far(a).refuseNextMerge = 'Both calls need their audio connected before they can be merged.';
    expect((await refused(phone.merge(a, ringing)))?.message).to.equal('The calls could not be merged: Both calls need their audio connected before they can be merged.');
    expect([a.mergedWith, ringing.mergedWith]).to.deep.equal([undefined, undefined]);
    expect(errors).to.deep.equal(['call-not-live/merge', 'call-not-live/merge', 'call-not-live/split', 'call-not-live/merge']);
  });

  it('tells the status webhook (vc-call-merged / vc-call-split with the other call)', async () => {
    const posted: Array<{ type: string; callId: string; data?: Record<string, unknown> }> = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (_url, init) => {
      posted.push(JSON.parse(init?.body as string));
      return new Response(null, { status: 204 });
    };
    try {
      const phone = new FakePhone({ statusWebhook: { url: 'https://crm.example.com/hook' } });
      const { a, b } = await twoConnectedCalls(phone);
      await phone.merge(a, b);
      await phone.split(a);
      await until(() => posted.filter((p) => p.type === 'vc-call-split').length === 2, 'the split posted for both calls');
      const merged = posted.find((p) => p.type === 'vc-call-merged' && p.callId === a.id);
      expect(merged?.data).to.deep.equal({ otherCallId: b.id });
      const split = posted.find((p) => p.type === 'vc-call-split' && p.callId === b.id);
      expect(split?.data).to.deep.equal({ otherCallId: a.id, reason: 'split' });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
