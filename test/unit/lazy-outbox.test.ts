import { expect } from '@open-wc/testing';
import { LazyOutbox, type OutboxModule } from '../../src/phone/lazy-outbox.js';
import { StatusWebhookOutbox, checkWebhookUrl } from '../../src/phone/status-webhook.js';
import type { CallSnapshot } from '../../src/phone/types.js';
import { until } from '../support/until.js';

const snapshot: CallSnapshot = { id: 'c1', target: { kind: 'number', display: '+44', uri: 'sip:+44@x' }, state: 'dialing', muted: false, startedAt: 1, durationMs: 0 };
const hook = { url: 'https://crm.example.com/hook' };

/** The real outbox module, with the deliveries it was asked for recorded instead of posted. */
function recordingModule(types: string[]): OutboxModule {
  class RecordingOutbox extends StatusWebhookOutbox {
    override enqueue(config: typeof hook, type: string, call: CallSnapshot, data?: Record<string, unknown>): void {
      types.push(type);
      super.enqueue(config, type, call, data);
    }
  }
  return { StatusWebhookOutbox: RecordingOutbox, checkWebhookUrl };
}

describe('LazyOutbox', () => {
  let unhandled: unknown[];
  const onUnhandled = (event: PromiseRejectionEvent) => {
    unhandled.push(event.reason);
    event.preventDefault();
  };
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onUnhandled));

  it('keeps the events in order through a failed load, tries again, and throws nothing at the page', async () => {
    const types: string[] = [];
    let loads = 0;
    const outbox = new LazyOutbox([], { persist: () => undefined, refuse: () => undefined }, {
      retryBaseMs: 50,
      load: async () => {
        loads += 1;
        if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return recordingModule(types);
      },
    });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      outbox.enqueue(hook, 'vc-call-dialing', snapshot);
      outbox.enqueue(hook, 'vc-call-ringing', snapshot);
      await until(() => loads === 1 && warnings.length === 1, 'the failed load');
      outbox.enqueue(hook, 'vc-call-answered', snapshot);
      await until(() => types.length === 3, 'the retried load');
    } finally {
      console.warn = warn;
      outbox.dispose();
    }
    expect(types).to.deep.equal(['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered']);
    expect(warnings[0]).to.match(/status webhook code could not be loaded/);
    expect(unhandled).to.deep.equal([]);
  });

  it('starts no outbox when disposed while the module loads', async () => {
    let made = 0;
    let finishLoading!: () => void;
    const loaded = new Promise<void>((resolve) => (finishLoading = resolve));
    class CountingOutbox extends StatusWebhookOutbox {
      constructor(...args: ConstructorParameters<typeof StatusWebhookOutbox>) {
        super(...args);
        made += 1;
      }
    }
    const restored = [{ id: 'd1', url: hook.url, payload: { id: 'd1', type: 'vc-call-ended', callId: 'c1', sequence: 1, timestamp: '', call: snapshot }, attempts: 0, dueAt: 0 }];
    const outbox = new LazyOutbox(restored, { persist: () => undefined, refuse: () => undefined }, {
      load: async () => {
        await loaded;
        return { StatusWebhookOutbox: CountingOutbox, checkWebhookUrl };
      },
    });
    outbox.resume();
    outbox.dispose();
    finishLoading();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(made).to.equal(0);
    expect(outbox.pending).to.have.length(1);
  });
});
