/**
 * The one door to the signalling engine: loads it on first need, and gives each call a session
 * at once, which holds what the agent does (hang up, mute) until the real session exists. This
 * is the only place that remembers an action asked for before the INVITE is out.
 * @internal
 */
import {
  CallStartError,
  type EngineFactory,
  type EngineHost,
  type MergedAudio,
  type OutboundRequest,
  type OutboundSession,
  type SessionListener,
  type TelephonyEngine,
  type TransferTo,
} from './engine.js';
import type { MediaStats } from './types.js';

/** Words for an engine that could not be loaded (a CSP `script-src`, a 404, an offline page). */
function loadFailure(error: unknown): CallStartError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CallStartError(
    'error',
    `The calling code could not be loaded (${detail}). Check the network, and that the page's Content-Security-Policy allows vc-phone's scripts.`,
  );
}

/** A call's session before and after its INVITE: actions wait here until the real one exists. */
class PendingSession implements OutboundSession {
  private session: OutboundSession | undefined;
  private hangupWanted = false;
  private microphoneEnabled = true;

  constructor(
    engine: Promise<TelephonyEngine>,
    request: OutboundRequest,
    private readonly listener: SessionListener,
  ) {
    void this.start(engine, request);
  }

  hangup(): void {
    if (this.session) return this.session.hangup();
    this.hangupWanted = true;
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.microphoneEnabled = enabled;
    this.session?.setMicrophoneEnabled(enabled);
  }

  sendDtmf(digits: string): void {
    // Digits are only sent on a connected call, which has its session.
    this.session?.sendDtmf(digits);
  }

  hold(held: boolean): Promise<void> {
    // Only a connected call can be held, and a connected call has its session.
    return this.session ? this.session.hold(held) : Promise.reject(new Error('The call is not connected yet.'));
  }

  async mediaStats(): Promise<MediaStats | undefined> {
    return this.session?.mediaStats();
  }

  transfer(to: TransferTo, accepted: () => void): Promise<void> {
    // Only a connected call can be transferred, and a connected call has its session.
    if (!this.session?.transfer) return Promise.reject(new Error('Only a connected call can be transferred.'));
    const consult = 'consult' in to ? ((to.consult as PendingSession).unwrapped ?? to.consult) : undefined;
    return this.session.transfer(consult ? { consult, display: to.display } : to, accepted);
  }

  /** The engine's own session, once the INVITE is out (an attended transfer needs the consult call's). */
  get unwrapped(): OutboundSession | undefined {
    return this.session;
  }

  mergeAudio(other: OutboundSession): Promise<MergedAudio> {
    // Only connected calls are merged, and a connected call has its session.
    const theirs = other instanceof PendingSession ? other.session : other;
    if (!this.session?.mergeAudio || !theirs) return Promise.reject(new Error('Both calls must be connected to be merged.'));
    return this.session.mergeAudio(theirs);
  }

  inputLevel(): number | undefined {
    return this.session?.inputLevel?.();
  }

  private async start(loading: Promise<TelephonyEngine>, request: OutboundRequest): Promise<void> {
    let engine: TelephonyEngine;
    try {
      engine = await loading;
      await engine.prepareCall();
    } catch (error) {
      // Anything else thrown while getting ready: the connection could not be made.
      const failure = error instanceof CallStartError ? error : new CallStartError('connection-lost', (error as Error)?.message);
      return this.listener.ended('system', failure.reason, undefined, failure.words);
    }
    if (this.hangupWanted) return this.listener.ended('local', 'cancelled');
    try {
      this.session = engine.placeCall(request, this.listener);
    } catch (error) {
      return this.listener.ended('system', 'error', undefined, `The call could not be started: ${(error as Error).message}`);
    }
    if (!this.microphoneEnabled) this.session.setMicrophoneEnabled(false);
  }
}

export class LazyEngine implements TelephonyEngine {
  private loading: Promise<TelephonyEngine> | undefined;

  constructor(
    private readonly factory: EngineFactory,
    private readonly host: EngineHost,
  ) {}

  connect(): Promise<void> {
    return this.engine().then((engine) => engine.connect());
  }

  prewarm(): Promise<void> {
    return this.engine().then((engine) => engine.prewarm());
  }

  prepareCall(): Promise<void> {
    return this.engine().then((engine) => engine.prepareCall());
  }

  /** Returns the call's session at once; the INVITE leaves once the engine is loaded and ready. */
  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession {
    return new PendingSession(this.engine(), request, listener);
  }

  /** Only a loaded engine has anything to switch: one loaded later reads the choice itself. */
  async audioChanged(what: 'microphone' | 'speaker'): Promise<void> {
    const engine = await this.loading?.catch(() => undefined);
    await engine?.audioChanged?.(what);
  }

  async dispose(): Promise<void> {
    const engine = await this.loading?.catch(() => undefined);
    await engine?.dispose();
  }

  /** The engine, loaded once; a failed load is tried again by the next call. */
  private engine(): Promise<TelephonyEngine> {
    if (!this.loading) {
      const loading = this.factory(this.host).catch((error: unknown) => {
        if (this.loading === loading) this.loading = undefined;
        throw loadFailure(error);
      });
      this.loading = loading;
    }
    return this.loading;
  }
}
