/**
 * Far ends that set the audio port to 0 where the call still needs it (RFC 3264: port 0 rejects
 * or removes a stream; the phone offers one audio stream and nothing else):
 * - a provisional answer (a 183's SDP) that declines the audio: there is no early audio, so the
 *   call goes on ringing (local ringback). sip.js takes that SDP as THE answer and ignores a later
 *   200 OK's own (RFC 3261 section 13.2.1 wants them equal; impolite far ends differ), so it is
 *   kept from the peer connection, and the 200 OK's SDP is applied once sip.js has ACKed it. Media
 *   relays on the way (rtpengine) took the 183's SDP as the answer too and dropped the audio, so a
 *   re-INVITE with the same media follows: its answer is the one every hop agrees on.
 * - a re-INVITE that removes the audio mid-call: answered as RFC 3264 section 8.2 wants (port 0
 *   back, which the browser does), then the call is hung up (sip-session.ts): a call without
 *   audio cannot go on, as for an initial answer that declines it.
 * @internal
 */
import type { Inviter, Web } from 'sip.js';
import { audioDeclined } from './sdp-declined.js';
import { sendSafely } from './sip-send-safely.js';

/** The words of a call ended because the far end removed its audio (a re-INVITE with port 0). */
export const AUDIO_REMOVED_WORDS = 'The other party removed the audio from the call.';

/** The words of a call answered with no audio the browser could use (no SDP, or SDP it refused). */
export const ANSWER_UNUSABLE_WORDS = 'The call was answered, but the audio could not be set up.';

/** Hangs up a call that has no audio, saying why (RFC 3326 Reason: the 488 a far end would have heard). */
export function byeForNoAudio(inviter: Inviter): void {
  // After sip.js has finished announcing its state (its BYE moves the state on).
  queueMicrotask(() => sendSafely(() => inviter.bye({ requestOptions: { extraHeaders: ['Reason: SIP;cause=488;text="Not Acceptable Here"'] } })));
}

/** A provisional answer's SDP brings audio to play: there is one, and it does not decline the audio. */
export function bringsAudio(sdp: string): boolean {
  return sdp.length > 0 && !audioDeclined(sdp);
}

type SetDescription = Web.SessionDescriptionHandler['setDescription'];

/** What the final answer of a call whose early answer was withheld did. */
export type FinalAnswer = 'applied' | 'declined' | 'failed';

/** Keeps an early answer that declines the audio from the peer connection, and applies the 200 OK's instead. */
export class EarlyAnswerWithheld {
  /** The handler's own setDescription, with the options sip.js gave for the withheld answer. */
  private apply: ((sdp: string) => Promise<void>) | undefined;

  /** An early answer declined the audio and never reached the peer connection. */
  get withheld(): boolean {
    return this.apply !== undefined;
  }

  /**
   * Wraps the handler's setDescription: before the dialog is confirmed (`early()`), an answer that
   * declines the audio is taken (sip.js goes on) but not applied. Every other description passes.
   */
  watch(sdh: Web.SessionDescriptionHandler, early: () => boolean): void {
    this.apply = undefined; // a new handler: a new INVITE (the call tried again)
    const setDescription: SetDescription = sdh.setDescription.bind(sdh);
    sdh.setDescription = (sdp, options, modifiers) => {
      if (!early() || !audioDeclined(sdp)) return setDescription(sdp, options, modifiers);
      this.apply ??= (answer) => setDescription(answer, options, modifiers);
      return Promise.resolve();
    };
  }

  /**
   * The 200 OK after a withheld early answer: its own SDP is the answer (none: the 183's, which
   * declined the audio). `declined` when it has no audio either, `failed` when the browser refused it.
   */
  async final(sdp: string): Promise<FinalAnswer> {
    if (!this.apply || !bringsAudio(sdp)) return 'declined';
    try {
      await this.apply(sdp);
      return 'applied';
    } catch {
      return 'failed';
    }
  }
}
