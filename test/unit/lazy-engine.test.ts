import { expect } from '@open-wc/testing';
import { CallStartError, type EngineHost, type OutboundRequest, type OutboundSession, type SessionListener, type TelephonyEngine } from '../../src/phone/engine.js';
import { LazyEngine } from '../../src/phone/lazy-engine.js';

const request: OutboundRequest = { uri: 'sip:+442079460958@example.com', extraHeaders: [], dtmf: 'rfc4733' };
const host: EngineHost = { config: { server: 'wss://sip.example.invalid', aor: 'sip:a@example.com', iceServers: [], iceTransportPolicy: 'all', reconnectWindowMs: 30_000 }, connectionChanged: () => undefined };

/** What a session told its call, in order. */
function recordingListener() {
  const heard: string[] = [];
  const listener: SessionListener = {
    inviteSent: () => heard.push('invite-sent'),
    progress: (status) => heard.push(`progress ${status}`),
    answered: () => heard.push('answered'),
    dtmfSent: (digit) => heard.push(`dtmf ${digit}`),
    remoteHoldChanged: (held) => heard.push(`held by remote ${held}`),
    signallingInterrupted: (interrupted) => heard.push(`signalling interrupted ${interrupted}`),
    ended: (endedBy, reason, _status, message) => heard.push(`ended ${endedBy} ${reason}${message ? `: ${message}` : ''}`),
  };
  return { heard, listener };
}

/** An engine whose every step the test releases by hand. */
class StepEngine implements TelephonyEngine {
  readonly sessions: Array<{ request: OutboundRequest; actions: string[] }> = [];
  prepare: Promise<void> = Promise.resolve();
  async connect() {}
  async prewarm() {}
  prepareCall() {
    return this.prepare;
  }
  placeCall(placed: OutboundRequest, listener: SessionListener): OutboundSession {
    const actions: string[] = [];
    this.sessions.push({ request: placed, actions });
    listener.inviteSent('call-1');
    return {
      hangup: () => actions.push('hangup'),
      setMicrophoneEnabled: (enabled) => actions.push(`microphone ${enabled}`),
      sendDtmf: (digits) => actions.push(`dtmf ${digits}`),
      hold: async (held) => void actions.push(`hold ${held}`),
      mediaStats: async () => undefined,
    };
  }
  async dispose() {}
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const turns = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyEngine', () => {
  it('sends nothing for a call hung up while the engine loads, and says it was cancelled', async () => {
    const loading = deferred<TelephonyEngine>();
    const lazy = new LazyEngine(() => loading.promise, host);
    const { heard, listener } = recordingListener();
    const session = lazy.placeCall(request, listener);
    session.hangup();
    const engine = new StepEngine();
    loading.resolve(engine);
    await turns();
    expect(engine.sessions).to.deep.equal([]);
    expect(heard).to.deep.equal(['ended local cancelled']);
  });

  it('sends nothing for a call hung up while the microphone is asked for', async () => {
    const engine = new StepEngine();
    const prepared = deferred<void>();
    engine.prepare = prepared.promise;
    const { heard, listener } = recordingListener();
    new LazyEngine(async () => engine, host).placeCall(request, listener).hangup();
    await turns();
    prepared.resolve();
    await turns();
    expect(engine.sessions).to.deep.equal([]);
    expect(heard).to.deep.equal(['ended local cancelled']);
  });

  it('applies a mute asked for before the INVITE, and forwards actions afterwards', async () => {
    const loading = deferred<TelephonyEngine>();
    const { listener } = recordingListener();
    const session = new LazyEngine(() => loading.promise, host).placeCall(request, listener);
    session.setMicrophoneEnabled(false);
    const engine = new StepEngine();
    loading.resolve(engine);
    await turns();
    session.sendDtmf('12');
    session.hangup();
    expect(engine.sessions[0].actions).to.deep.equal(['microphone false', 'dtmf 12', 'hangup']);
  });

  it('says in words that the calling code could not load (not "connection lost"), and tries again next call', async () => {
    let attempts = 0;
    const engine = new StepEngine();
    const lazy = new LazyEngine(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return engine;
    }, host);
    const first = recordingListener();
    lazy.placeCall(request, first.listener);
    await turns();
    expect(first.heard).to.have.length(1);
    expect(first.heard[0]).to.match(/^ended system error: The calling code could not be loaded \(Failed to fetch.*Content-Security-Policy/);
    const second = recordingListener();
    lazy.placeCall(request, second.listener);
    await turns();
    expect(attempts).to.equal(2);
    expect(second.heard).to.deep.equal(['invite-sent']);
  });

  it('ends the call with the reason when the call cannot get ready, or the engine throws', async () => {
    const engine = new StepEngine();
    engine.prepare = Promise.reject(new CallStartError('microphone-denied'));
    engine.prepare.catch(() => undefined);
    const denied = recordingListener();
    new LazyEngine(async () => engine, host).placeCall(request, denied.listener);
    await turns();
    expect(denied.heard).to.deep.equal(['ended system microphone-denied']);

    const broken = new StepEngine();
    broken.placeCall = () => {
      throw new Error('bad URI');
    };
    const thrown = recordingListener();
    new LazyEngine(async () => broken, host).placeCall(request, thrown.listener);
    await turns();
    expect(thrown.heard).to.deep.equal(['ended system error: The call could not be started: bad URI']);
  });
});
