/**
 * A `Phone` with a scripted far end instead of sip.js: for Storybook, element tests and your own
 * tests. Everything above the signalling (validation, call states, events, persistence, the
 * webhook outbox) is the real code; only the network is simulated.
 *
 * ```ts
 * const phone = new FakePhone();
 * const call = await phone.call('+44 20 7946 0958');
 * phone.far(call).answer();
 * ```
 */
import { CallStartError, type EngineHost, type OutboundRequest, type OutboundSession, type SessionListener, type TelephonyEngine } from '../phone/engine.js';
import { Phone, type PhoneOptions } from '../phone/phone.js';
import { HoldRefusedError } from '../phone/sip-hold.js';
import { referRefused, referToReplacing, referToUri, targetFailed, type ConsultDialog } from '../phone/transfer-refer.js';
import type { Call } from '../phone/call.js';
import type { CallQualitySummary, QualityFigures, QualityWarning } from '../phone/call-quality.js';
import { memoryStorage } from '../phone/store.js';
import type { CallState, ConnectionReason, ConnectionState, PhoneConfig } from '../phone/types.js';
import type { CheckOptions, CheckReport } from '../phone/audio-types.js';
import { FakeMediaDevices, type FakeAudioDevice } from './fake-media-devices.js';

export type FakeMicrophone = 'granted' | 'denied' | 'missing';

/**
 * What the far end does with the caller's next transfer (REFER): `complete` (202, then a NOTIFY
 * `SIP/2.0 200 OK`), a status number (the REFER refused: 403, 405...), `{ notify: 486 }` (202,
 * then a NOTIFY whose sipfrag failed), or `pending` (202 and no NOTIFY until `notifyTransfer()`).
 */
export type FakeTransferScript = 'complete' | number | { notify: number } | 'pending';

export interface FakePhoneOptions extends PhoneOptions {
  /** What getting the microphone does (default `granted`). */
  microphone?: FakeMicrophone;
  /** The far end rings as soon as the INVITE is out (default true). */
  autoRing?: boolean;
  /** The far end answers this many ms after ringing (default: never; call `answer()`). */
  autoAnswerMs?: number;
  /** The far end confirms the caller's hang-up after this many ms (default: at once). */
  hangupDelayMs?: number;
  /** The microphones and outputs listed (default: a headset and a laptop's own). */
  devices?: readonly FakeAudioDevice[];
  /** What `check()` reports (default: every item passes). */
  checkReport?: CheckReport;
}

/** The far end of one fake call: what it received, and buttons to make it act. */
export class FakeFarEnd {
  /** Every DTMF digit received, in order. */
  readonly digits: string[] = [];
  /** The INVITE as the far end received it. */
  readonly request: OutboundRequest;
  microphoneEnabled = true;
  /** The caller has this far end on hold (its hold re-INVITE was accepted). */
  heldByCaller = false;
  /** The next hold or resume from the caller is refused with this status (then it is cleared). */
  refuseNextHold: number | undefined;
  /** What the far end does with the next REFER (default `complete`). */
  transferScript: FakeTransferScript = 'complete';
  /** The Refer-To of every REFER received, in order (as it would be on the wire). */
  readonly referredTo: string[] = [];
  private pendingTransfer: ((status: number) => void) | undefined;
  /** `cancel` or `bye` once the caller hung up. */
  hungUpWith: 'cancel' | 'bye' | undefined;
  /** The far end of the call this one is merged with (`phone.merge`): each hears the other. */
  mergedWith: FakeFarEnd | undefined;
  /** The next merge of this call fails with these words (then it is cleared). */
  refuseNextMerge: string | undefined;
  /** The Call-ID the fake INVITE carried. */
  readonly sipCallId: string;
  /** The microphone level (0-1) the call's meter reads while it is connected (`undefined`: unknown). */
  inputLevel: number | undefined = 0.3;
  /** The quality figures an answered call reports when it ends (a good call's, by default). */
  qualitySummary: CallQualitySummary = {
    mos: { min: 4.38, avg: 4.41 },
    packetLossPercent: 0,
    packetsLost: 0,
    jitterMs: { avg: 2.1, max: 4.5 },
    rttMs: { avg: 1.2, max: 2 },
    codec: 'opus',
    path: 'host',
    bytesSent: 96000,
    bytesReceived: 95000,
    warnings: [],
    samples: 12,
  };
  private answered = false;
  private over = false;

  /** @internal */
  constructor(
    request: OutboundRequest,
    private readonly listener: SessionListener,
    sequence: number,
  ) {
    this.request = request;
    this.sipCallId = `fake-${sequence}@vc-phone.invalid`;
  }

  ring(): void {
    if (!this.over && !this.answered) this.listener.progress(180, false);
  }
  earlyMedia(): void {
    if (!this.over && !this.answered) this.listener.progress(183, true);
  }
  answer(): void {
    if (this.over || this.answered) return;
    this.answered = true;
    this.listener.answered();
  }
  /** The far end puts the caller on hold (its re-INVITE with `a=sendonly`). */
  hold(): void {
    if (!this.over && this.answered) this.listener.remoteHoldChanged(true);
  }
  /** The far end takes the call back (`a=sendrecv`). */
  resume(): void {
    if (!this.over && this.answered) this.listener.remoteHoldChanged(false);
  }
  /**
   * Simulates a quality warning on the answered call (`raised` false clears it), with its figures:
   * `far.quality('no-audio-received')`, `far.quality('high-rtt', true, { rttMs: 620 })`.
   */
  quality(warning: QualityWarning, raised = true, figures: QualityFigures = {}): void {
    if (!this.over && this.answered) this.listener.qualityChanged?.({ warning, raised, figures });
  }
  /** Simulates the agent talking (or stopping) while the call is muted. */
  talkWhileMuted(talking = true): void {
    if (!this.over && this.answered) this.listener.talkingWhileMuted?.(talking);
  }
  /** An answered call reports its quality figures just before it ends (as the real engine does). */
  private reportQuality(): void {
    if (this.answered) this.listener.qualitySummary?.(this.qualitySummary);
  }
  /** Answers with a SIP error status (486 busy, 404 not found, 407, 408...). */
  reject(status: number): void {
    if (this.over || this.answered) return;
    this.over = true;
    this.listener.ended('remote', 'rejected', status);
  }
  /** The far end hangs up (BYE toward the caller). */
  hangUp(): void {
    if (this.over) return;
    this.over = true;
    this.reportQuality();
    this.listener.ended('remote', 'hangup');
  }
  /** The caller's connection to the server drops and comes back (`true`, then `false`): the call carries on. */
  signallingInterrupted(interrupted: boolean): void {
    if (!this.over && this.answered) this.listener.signallingInterrupted(interrupted);
  }
  /** The connection to the server drops. */
  dropConnection(): void {
    if (this.over) return;
    this.over = true;
    this.reportQuality();
    this.listener.ended('system', 'connection-lost');
  }
  /** @internal */
  hangupFromCaller(): void {
    if (this.over) return;
    this.over = true;
    this.hungUpWith = this.answered ? 'bye' : 'cancel';
    this.reportQuality();
    if (this.answered) this.listener.ended('local', 'hangup');
    else this.listener.ended('local', 'cancelled', 487);
  }
  /** @internal */
  receiveDigit(digit: string): void {
    if (this.over) return;
    this.digits.push(digit);
    this.listener.dtmfSent(digit, this.request.dtmf);
  }
  get isOver(): boolean {
    return this.over;
  }
  /** The dialog of this call as its far end knows it (what a Replaces header names). */
  get dialog(): ConsultDialog {
    const n = this.sipCallId.replace(/\D/g, '');
    return { remoteTarget: `sip:far${n}@far.example.invalid`, callId: this.sipCallId, remoteTag: `far-tag-${n}`, localTag: `agent-tag-${n}` };
  }
  /** Reports the outcome of a `pending` transfer: the sipfrag status of the new call (200, 486...). */
  notifyTransfer(status: number): void {
    const pending = this.pendingTransfer;
    this.pendingTransfer = undefined;
    pending?.(status);
  }
  /** @internal The caller's REFER arrived. */
  async receiveRefer(referTo: string, target: string, accepted: () => void): Promise<void> {
    await settle();
    if (this.over) throw new Error('The call is over.');
    this.referredTo.push(referTo);
    const script = this.transferScript;
    if (typeof script === 'number') throw referRefused(script);
    accepted();
    let status = 200;
    if (script === 'pending') status = await new Promise<number>((resolve) => (this.pendingTransfer = resolve));
    else if (typeof script === 'object') status = script.notify;
    else await settle();
    if (status >= 300) throw targetFailed(target, status);
  }
}

/** The far end behind each fake session (an attended transfer names the consult call's dialog). */
const farOfSession = new WeakMap<OutboundSession, FakeFarEnd>();

class FakeEngine implements TelephonyEngine {
  private readonly farOf = new WeakMap<OutboundSession, FakeFarEnd>();

  constructor(
    private readonly phone: FakePhone,
    private readonly host: EngineHost,
  ) {
    phone.connections.push({ aor: host.config.aor, username: (typeof host.config.auth === 'object' ? host.config.auth.username : undefined) });
  }

  async connect(): Promise<void> {
    this.host.connectionChanged('connected');
  }

  async prewarm(): Promise<void> {
    await this.connect();
  }

  async prepareCall(): Promise<void> {
    const microphone = this.phone.microphone;
    if (microphone !== 'granted') throw new CallStartError(microphone === 'denied' ? 'microphone-denied' : 'no-microphone');
  }

  async audioChanged(what: 'microphone' | 'speaker'): Promise<void> {
    this.phone.audioChanges.push(what);
  }

  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession {
    const far = new FakeFarEnd(request, listener, ++this.phone.callsPlaced);
    const pendingDigits: string[] = [];
    this.phone.farEnds.push(far);
    listener.inviteSent(far.sipCallId);
    if (this.phone.options.autoRing !== false) far.ring();
    const answerAfter = this.phone.options.autoAnswerMs;
    if (answerAfter !== undefined) setTimeout(() => far.answer(), answerAfter);
    const hangupDelayMs = this.phone.options.hangupDelayMs;
    const session: OutboundSession = {
      transfer: async (to, accepted) => {
        const consult = 'consult' in to ? farOfSession.get(to.consult) : undefined;
        if ('consult' in to && !consult) throw new Error('The consult call is not connected, so it can not be joined.');
        const referTo = consult ? referToReplacing(consult.dialog) : referToUri((to as { uri: string }).uri);
        await far.receiveRefer(referTo, to.display, accepted);
      },
      mergeAudio: async (other) => {
        await settle();
        const otherFar = this.farOf.get(other);
        const refusal = far.refuseNextMerge;
        far.refuseNextMerge = undefined;
        if (refusal !== undefined) throw new Error(refusal);
        if (!otherFar || far.isOver || otherFar.isOver) throw new Error('Both calls must be connected to be merged.');
        far.mergedWith = otherFar;
        otherFar.mergedWith = far;
        return {
          split: async () => {
            if (far.mergedWith === otherFar) far.mergedWith = undefined;
            if (otherFar.mergedWith === far) otherFar.mergedWith = undefined;
          },
        };
      },
      hangup: () => {
        if (hangupDelayMs === undefined) far.hangupFromCaller();
        else setTimeout(() => far.hangupFromCaller(), hangupDelayMs);
      },
      setMicrophoneEnabled: (enabled) => (far.microphoneEnabled = enabled),
      hold: async (held) => {
        await settle();
        const refusal = far.refuseNextHold;
        far.refuseNextHold = undefined;
        if (refusal !== undefined) throw new HoldRefusedError(held, refusal);
        far.heldByCaller = held;
      },
      mediaStats: async () => undefined,
      inputLevel: () => far.inputLevel,
      sendDtmf: (digits) => {
        pendingDigits.push(...digits);
        // Like the real queue: one digit after the other, in order, each in its own turn.
        const next = () => {
          const digit = pendingDigits.shift();
          if (digit === undefined) return;
          far.receiveDigit(digit);
          if (pendingDigits.length) setTimeout(next, 0);
        };
        if (pendingDigits.length === digits.length) setTimeout(next, 0);
      },
    };
    farOfSession.set(session, far);
    this.farOf.set(session, far);
    return session;
  }

  async dispose(): Promise<void> {
    this.host.connectionChanged('disconnected');
  }
}

const FAKE_CONFIG: PhoneConfig = { server: 'wss://sip.example.invalid/ws', aor: 'sip:agent@example.com' };

export class FakePhone extends Phone {
  /** Far ends of every call placed and not removed, oldest first. */
  readonly farEnds: FakeFarEnd[] = [];
  /** How many calls reached the fake network (numbers the fake Call-IDs). */
  callsPlaced = 0;
  /** The account of each connection the phone made, oldest first (a new one after an account change). */
  readonly connections: Array<{ aor: string; username?: string }> = [];
  /** What the next microphone request does. */
  microphone: FakeMicrophone;
  /** The fake microphones and outputs: `phone.mediaDevices.unplug('mic-headset')`. */
  readonly mediaDevices: FakeMediaDevices;
  /** Each time live calls were told to follow a new audio choice, in order. */
  readonly audioChanges: Array<'microphone' | 'speaker'> = [];
  /** What the next `check()` reports (default: every item passes). */
  checkReport: CheckReport | undefined;

  constructor(
    config: PhoneConfig = {},
    readonly options: FakePhoneOptions = {},
  ) {
    // The engine is made on the first call, when `this` exists.
    const self: { phone?: FakePhone } = {};
    const mediaDevices = new FakeMediaDevices(options.devices);
    super(
      { ...FAKE_CONFIG, ...config },
      {
        storage: options.storage ?? memoryStorage(),
        engine: async (host) => new FakeEngine(self.phone as FakePhone, host),
        mediaDevices: options.mediaDevices ?? mediaDevices,
        canChooseOutput: options.canChooseOutput ?? true,
        tabs: options.tabs,
      },
    );
    self.phone = this;
    this.mediaDevices = mediaDevices;
    this.microphone = options.microphone ?? 'granted';
    this.checkReport = options.checkReport;
  }

  /** The far end of a call (by `Call` or id); the newest call's when omitted. */
  far(call?: Call | string): FakeFarEnd {
    const found = typeof call === 'string' ? this.getCall(call) : call;
    const far = found?.sipCallId
      ? this.farEnds.find((f) => f.sipCallId === found.sipCallId)
      : call === undefined || found === this.calls[0]
        ? this.farEnds[this.farEnds.length - 1]
        : undefined;
    if (!far) throw new Error('FakePhone: no far end for that call (was it placed by this phone?)');
    return far;
  }

  /**
   * Places a call and drives it into a state, for stories and tests:
   * `await phone.callInState('connected', '+442079460958')`.
   */
  async callInState(state: CallState, to = '+44 20 7946 0958', failStatus = 486): Promise<Call> {
    const call = await this.call(to);
    await settle();
    const far = this.far(call);
    if (state === 'ringing') far.ring();
    if (state === 'early-media') far.earlyMedia();
    if (state === 'connected' || state === 'ended') far.answer();
    if (state === 'ended') far.hangUp();
    if (state === 'failed') far.reject(failStatus);
    return call;
  }

  /**
   * Scripts the connection to the (fake) server, for stories and tests of the phone's status:
   * `phone.simulateConnection('reconnecting', 'The connection was lost.', Date.now() + 4000, 'lost')`
   * (`reason`: the code a real phone reports with its words, see `ConnectionReason`).
   */
  simulateConnection(state: ConnectionState, message?: string, retryAt?: number, reason?: ConnectionReason): void {
    this.connectionChanged(state, message, retryAt, reason);
  }

  /** A scripted pre-call check: `checkReport` if set, else every item passes (no device or network is touched). */
  override async check(options: CheckOptions = {}): Promise<CheckReport> {
    await settle();
    const now = Date.now();
    const report = this.checkReport ?? {
      status: 'pass',
      startedAt: now,
      endedAt: now,
      items: [
        {
          id: 'microphone',
          status: 'pass',
          code: 'microphone-ok',
          values: { device: this.audio.microphone?.label ?? 'Default', level: '-18' },
          message: `"${this.audio.microphone?.label ?? 'Default'}" works (level -18 dBFS).`,
        },
        ...(options.speakerTone === false
          ? []
          : [{ id: 'speaker' as const, status: 'pass' as const, code: 'speaker-ok' as const, message: 'A test tone played on the default output.', fix: 'Did not hear it? Check the volume, or choose another speaker.' }]),
        { id: 'server', status: 'pass', code: 'server-ok', values: { host: 'sip.example.invalid', ms: '42' }, message: 'The SIP server sip.example.invalid answered in 42 ms.' },
        { id: 'network', status: 'pass', code: 'network-ok', values: { local: '2', public: '1', relayed: '0' }, message: 'Network paths for audio found (2 local, 1 public).' },
      ],
    };
    this.reportCheck(report);
    return report;
  }

  /** Also forgets the call's far end, so long-running stories and benchmarks don't accumulate them. */
  override removeCall(id: string): void {
    const sipCallId = this.getCall(id)?.sipCallId;
    super.removeCall(id);
    if (sipCallId && !this.getCall(id)) {
      const index = this.farEnds.findIndex((far) => far.sipCallId === sipCallId);
      if (index >= 0) this.farEnds.splice(index, 1);
    }
  }
}

/** Lets queued microtasks and zero-delay timers run (fake calls advance in them). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
