// Several writers on one storage key (two tabs that each keep their own phone, `tabs: 'single'`,
// or a browser without Web Locks): nothing one of them stored may be lost by the other's save.
import { expect } from '@open-wc/testing';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

// A receiver that never answers: every event waits in the outbox (and in storage).
const WEBHOOK = { url: 'https://hooks.example.invalid/status' };

describe('storage with several writers', () => {
  it('keeps the boxes and the webhook events of both tabs', async () => {
    const storage = memoryStorage();
    const tabA = new FakePhone({ statusWebhook: WEBHOOK }, { storage, tabs: 'single' });
    const tabB = new FakePhone({ statusWebhook: WEBHOOK }, { storage, tabs: 'single' });
    const a = await tabA.callInState('ended', '+44 20 7946 0958');
    await settle();
    const b = await tabB.callInState('ended', '+44 20 7946 0959');
    await settle();
    // Tab A acts again after tab B saved (a colour on its box): its save must not drop B's call.
    a.setColor('amber');
    await settle();
    expect(tabA.calls).to.have.length(1); // each tab shows its own call only

    const reloaded = new FakePhone({}, { storage, tabs: 'single' });
    expect(reloaded.calls.map((call) => call.id).sort()).to.deep.equal([a.id, b.id].sort());
    expect(reloaded.getCall(a.id)?.color).to.equal('amber');
    const raw = JSON.parse(storage.getItem('vc-phone:v1:default') ?? '{}') as { outbox: { payload: { callId: string; type: string } }[] };
    const events = (id: string) => raw.outbox.filter((d) => d.payload.callId === id).map((d) => d.payload.type);
    expect(events(a.id)).to.include.members(['vc-call-dialing', 'vc-call-answered', 'vc-call-ended', 'vc-call-color']);
    expect(events(b.id)).to.include.members(['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
    for (const phone of [tabA, tabB, reloaded]) await phone.dispose();
  });

  it('a box binned in one tab stays binned; one the other tab never knew stays', async () => {
    const storage = memoryStorage();
    const tabA = new FakePhone({}, { storage, tabs: 'single' });
    const a1 = await tabA.callInState('ended');
    const a2 = await tabA.callInState('ended');
    await settle();
    const tabB = new FakePhone({}, { storage, tabs: 'single' });
    const b = await tabB.callInState('ended');
    await settle();
    tabA.removeCall(a1.id);
    await settle();
    const ids = new FakePhone({}, { storage, tabs: 'single' }).calls.map((call) => call.id);
    expect(ids).to.include.members([a2.id, b.id]);
    expect(ids).not.to.include(a1.id);
    for (const phone of [tabA, tabB]) await phone.dispose();
  });
});
