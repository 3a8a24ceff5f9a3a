import { expect } from '@open-wc/testing';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

/** Every hold event the phone dispatched, as "type by (state)". */
function recordHoldEvents(phone: FakePhone): string[] {
  const seen: string[] = [];
  for (const type of ['vc-call-held', 'vc-call-resumed'] as const) {
    phone.addEventListener(type, (event) => seen.push(`${type} by ${event.detail.by} ${event.detail.call.target.display}`));
  }
  return seen;
}

describe('hold', () => {
  it('puts a connected call on hold and takes it back, with events and a hold timer', async () => {
    const phone = new FakePhone();
    const seen = recordHoldEvents(phone);
    const call = await phone.callInState('connected');
    const holding = call.hold();
    expect(call.changingHold).to.equal(true);
    expect(call.held).to.equal(false, 'not on hold before the other side accepted');
    await holding;
    expect([call.held, call.changingHold, phone.far(call).heldByCaller]).to.deep.equal([true, false, true]);
    expect(call.holdStartedAt).to.be.a('number');
    expect(call.toJSON()).to.include({ held: true });
    await call.resume();
    expect([call.held, call.holdStartedAt, phone.far(call).heldByCaller]).to.deep.equal([false, undefined, false]);
    expect(seen).to.deep.equal(['vc-call-held by local +44 20 7946 0958', 'vc-call-resumed by local +44 20 7946 0958']);
  });

  it('keeps the call as it was, in words, when the other side refuses', async () => {
    const phone = new FakePhone();
    const seen = recordHoldEvents(phone);
    const call = await phone.callInState('connected');
    phone.far(call).refuseNextHold = 488;
    const error = await call.hold().then(() => undefined, (reason: Error) => reason);
    expect(error?.message).to.match(/could not accept the audio change needed to put the call on hold \(488\)\. The call is unchanged\./);
    expect([call.held, call.changingHold, call.holdStartedAt]).to.deep.equal([false, false, undefined]);
    expect(seen).to.deep.equal([]);
  });

  it('says when the other party holds the call and takes it back', async () => {
    const phone = new FakePhone();
    const seen = recordHoldEvents(phone);
    const call = await phone.callInState('connected');
    phone.far(call).hold();
    expect([call.heldByRemote, call.held]).to.deep.equal([true, false]);
    expect(call.holdStartedAt).to.be.a('number');
    phone.far(call).resume();
    expect([call.heldByRemote, call.holdStartedAt]).to.deep.equal([false, undefined]);
    expect(seen).to.deep.equal(['vc-call-held by remote +44 20 7946 0958', 'vc-call-resumed by remote +44 20 7946 0958']);
  });

  it('refuses to hold a call that is not connected', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('ringing');
    const error = await call.hold().then(() => undefined, (reason: Error) => reason);
    expect(error?.message).to.match(/Only a connected call can be put on hold/);
  });

  it('lets only one call hear the agent: answering or taking back a call holds the others', async () => {
    const phone = new FakePhone();
    const first = await phone.callInState('connected', '+44 20 7946 0958');
    expect(phone.activeCall).to.equal(first);
    const second = await phone.callInState('connected', '+1 415 555 0132');
    await settle();
    await settle();
    expect([first.held, second.held]).to.deep.equal([true, false]);
    expect(phone.activeCall).to.equal(second);
    await first.resume();
    await settle();
    await settle();
    expect([first.held, second.held]).to.deep.equal([false, true]);
    expect(phone.activeCall).to.equal(first);
  });

  it('leaves other calls live when autoHold is off', async () => {
    const phone = new FakePhone({ autoHold: false });
    const first = await phone.callInState('connected', '+44 20 7946 0958');
    await phone.callInState('connected', '+1 415 555 0132');
    await settle();
    expect(first.held).to.equal(false);
  });
});
