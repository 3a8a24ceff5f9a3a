// Risks found in review of the first round's Phone: each test failed on that code.
import { expect } from '@open-wc/testing';
import type { EngineHost, OutboundRequest, OutboundSession, SessionListener, TelephonyEngine } from '../../src/phone/engine.js';
import { Phone } from '../../src/phone/phone.js';
import { memoryStorage, type KeyValueStorage } from '../../src/phone/store.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

const ACCOUNT = { server: 'wss://sip.example.invalid/ws', aor: 'sip:agent@example.com' };

/** An engine that connects at once and whose dispose reports "disconnected" only when the test says. */
class SlowToDisposeEngine implements TelephonyEngine {
  private listener: SessionListener | undefined;
  release: () => void = () => undefined;
  constructor(private readonly host: EngineHost) {}
  async connect() {
    this.host.connectionChanged('connected');
  }
  async prewarm() {}
  async prepareCall() {
    await this.connect();
  }
  placeCall(_request: OutboundRequest, listener: SessionListener): OutboundSession {
    this.listener = listener;
    listener.inviteSent('x');
    listener.answered();
    return {
      hangup: () => this.listener?.ended('local', 'hangup'),
      setMicrophoneEnabled: () => undefined,
      sendDtmf: () => undefined,
      hold: async () => undefined,
      mediaStats: async () => undefined,
    };
  }
  dispose(): Promise<void> {
    return new Promise((resolve) => {
      this.release = () => {
        this.host.connectionChanged('disconnected');
        resolve();
      };
    });
  }
}

describe('Phone: engines, storage and lazy parts', () => {
  it('ignores a dropped engine that reports after the new one connected', async () => {
    const engines: SlowToDisposeEngine[] = [];
    const phone = new Phone(ACCOUNT, {
      storage: memoryStorage(),
      engine: async (host) => {
        const engine = new SlowToDisposeEngine(host);
        engines.push(engine);
        return engine;
      },
    });
    const live = await phone.call('+44 20 7946 0958');
    await settle();
    phone.configure({ auth: { username: 'new', password: 'secret' } });
    live.hangup();
    const states: string[] = [];
    phone.addEventListener('vc-connection-change', (event) => states.push(event.detail.state));
    await phone.call('+44 20 7946 0958');
    await settle();
    expect(engines).to.have.length(2);
    expect(phone.connectionState).to.equal('connected');
    engines[0].release();
    await settle();
    expect(phone.connectionState).to.equal('connected');
    expect(states).not.to.include('disconnected');
  });

  it('writes its state once per task, however many facts the task brought', async () => {
    let writes = 0;
    const inner = memoryStorage();
    const storage: KeyValueStorage = { ...inner, setItem: (key, value) => (writes++, inner.setItem(key, value)) };
    const phone = new FakePhone({}, { storage });
    const call = await phone.callInState('connected');
    await settle();
    writes = 0;
    for (const color of ['blue', 'green', 'amber', 'red', 'purple']) call.setColor(color);
    call.mute();
    call.unmute();
    expect(writes).to.equal(0);
    await settle();
    expect(writes).to.equal(1);
    expect(JSON.parse(inner.getItem('vc-phone:v1:default') as string).calls[0].color).to.equal('purple');
  });

  it('saves at once when the page goes away', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({}, { storage });
    const call = await phone.callInState('connected');
    call.setColor('green');
    globalThis.dispatchEvent(new Event('pagehide'));
    const saved = JSON.parse(storage.getItem('vc-phone:v1:default') as string);
    expect(saved.calls[0]).to.include({ color: 'green', state: 'ended' });
    expect(saved.calls[0].outcome.reason).to.equal('reload');
    await phone.dispose();
  });

  it('says the calling code could not load when the engine chunk fails (a CSP or a 404), not "connection lost"', async () => {
    const phone = new Phone(ACCOUNT, {
      storage: memoryStorage(),
      engine: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/sip-engine.js')),
    });
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    expect(call.state).to.equal('failed');
    expect(call.outcome?.reason).to.equal('error');
    expect(call.outcome?.message).to.match(/calling code could not be loaded.*Failed to fetch.*Content-Security-Policy/);
  });

  it('clears the credentials when auth is set to undefined, and never serialises them', async () => {
    const phone = new FakePhone({ auth: { username: 'agent', password: 'pw-1' }, statusWebhook: { url: 'https://crm.example.com/h', password: 'hook-pw' } });
    expect(JSON.stringify(phone)).not.to.contain('pw-1');
    expect(JSON.stringify(phone)).not.to.contain('hook-pw');
    await phone.connect();
    phone.configure({ auth: undefined });
    await phone.callInState('connected');
    expect(phone.connections.map((c) => c.username)).to.deep.equal(['agent', undefined]);
  });
});
