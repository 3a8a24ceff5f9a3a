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
import { Phone, type PhoneOptions } from '../phone/phone.js';
import type { Call } from '../phone/call.js';
import { memoryStorage } from '../phone/store.js';
import type { CallState, ConnectionReason, ConnectionState, PhoneConfig } from '../phone/types.js';
import type { CheckOptions, CheckReport } from '../phone/audio-types.js';
import { FakeEngine } from './fake-engine.js';
import type { FakeFarEnd } from './fake-far-end.js';
import { FakeMediaDevices, type FakeAudioDevice } from './fake-media-devices.js';
import { settle } from './settle.js';

// The far end and `settle` live in their own files; tests and the testing entry take them from here too.
export { FakeFarEnd, type FakeTransferScript } from './fake-far-end.js';
export { settle } from './settle.js';

export type FakeMicrophone = 'granted' | 'denied' | 'missing';

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
