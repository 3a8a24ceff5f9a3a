/**
 * The fake phone's engine: the `TelephonyEngine` seam played with no network. Each call placed
 * gets a `FakeFarEnd`; the session's actions (hang-up, DTMF, hold, transfer, merge) reach it in
 * the turns a real engine would take. Apart from `FakePhone` because it is the seam's side.
 */
import { CallStartError, type EngineHost, type OutboundRequest, type OutboundSession, type SessionListener, type TelephonyEngine } from '../phone/engine.js';
import { HoldRefusedError } from '../phone/sip-hold.js';
import { referToReplacing, referToUri } from '../phone/transfer-refer.js';
import { FakeFarEnd } from './fake-far-end.js';
import type { FakePhone } from './fake-phone.js';
import { settle } from './settle.js';

/** The far end behind each fake session (an attended transfer names the consult call's dialog). */
const farOfSession = new WeakMap<OutboundSession, FakeFarEnd>();

export class FakeEngine implements TelephonyEngine {
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
