/**
 * One outbound call over sip.js: sends the INVITE, follows its answers, and reports to the
 * `Call` through its `SessionListener`. Made by the engine once the call is ready to leave (the
 * connection is up and the microphone granted), so it never holds actions for later.
 * @internal
 */
import { Inviter, SessionState, UserAgent, type Web } from 'sip.js';
import type { OutboundRequest, OutboundSession, SessionListener } from './engine.js';
import { prefetchCallFeatures } from './lazy-call-features.js';
import { offersHold } from './sip-hold.js';
import { offerOnFirstUsableCandidate, peerConnectionOf } from './sip-media.js';
import { answerByeBeforeAck, endAfterByeBeforeAck } from './sip-bye-before-ack.js';
import { audioDeclined } from './sdp-declined.js';
import { ANSWER_UNUSABLE_WORDS, AUDIO_REMOVED_WORDS, EarlyAnswerWithheld, bringsAudio, byeForNoAudio, type FinalAnswer } from './sip-audio-port-zero.js';
import { sendSafely } from './sip-send-safely.js';
import { describeSipStatus } from './sip-errors.js';
import { RingingSounds } from './sip-ringing-sounds.js';
import { sessionOutcome } from './sip-session-outcome.js';
import { RequestDeadline } from './request-deadline.js';
import { SipCallOperations } from './sip-call-operations.js';
import { ConnectionOutage } from './sip-connection-outage.js';
import type { CallEndCause, CallEndReason } from './types.js';
import type { SessionContext } from './sip-session-context.js';

export type { SessionContext } from './sip-session-context.js';

/**
 * The call's INVITE, hang-up and end. What the agent does on the answered call is its base class
 * (sip-call-operations.ts); what a dropped connection does to it, `ConnectionOutage`.
 */
export class SipSession extends SipCallOperations implements OutboundSession {
  /** The call was tried again with fresh credentials (once at most). */
  private retriedWithFreshCredentials = false;
  private finalStatus: number | undefined;
  private accepted = false;
  /** The far end's BYE overtook our ACK (answered and hung up at once). */
  private byeBeforeAck = false;
  private endedBy: 'local' | 'remote' | undefined;
  /** Any response to the INVITE arrived (a call with none failed at the server, not the far end). */
  private answeredAtAll = false;
  /** The signalling connection is down under the call. */
  private readonly outage = new ConnectionOutage({
    interrupted: (interrupted) => this.listener.signallingInterrupted(interrupted),
    cutOff: (message) => this.cutOff('system', 'connection-lost', message),
    reoffer: (iceRestart) => this.reoffer(iceRestart),
    endedWhileAway: (message) => this.finish('remote', 'hangup', undefined, message),
  });
  private readonly ringing: RingingSounds;
  /** An early answer (183) that declined the audio, kept from the peer connection. */
  private readonly earlyAnswer = new EarlyAnswerWithheld();

  /** Sends the INVITE at once; the answer comes to `listener`. */
  constructor(
    private readonly context: SessionContext,
    private readonly request: OutboundRequest,
    listener: SessionListener,
  ) {
    super(listener, request.dtmf, () => context.media?.speakerId() ?? '', new RequestDeadline(context.requestDeadlineMs));
    this.ringing = new RingingSounds(request.ringback, this.remoteAudio);
    this.inviter = this.newInviter();
    void this.invite();
  }

  /** The INVITE's session in sip.js (a second one if the call is tried again with fresh credentials). */
  private newInviter(): Inviter {
    const request = this.request;
    const target = UserAgent.makeURI(request.uri);
    if (!target) throw new Error(`"${request.uri}" is not a SIP address.`);
    const inviter = new Inviter(this.context.userAgent, target, {
      earlyMedia: true,
      extraHeaders: request.extraHeaders,
      params: {
        ...(request.fromUri ? { fromUri: request.fromUri } : {}),
        ...(request.fromDisplayName ? { fromDisplayName: request.fromDisplayName } : {}),
      },
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
      delegate: {
        onBye: (bye) => {
          this.endedBy = 'remote';
          void bye.accept();
        },
        onSessionDescriptionHandler: (sdh) => this.watchMedia(sdh as Web.SessionDescriptionHandler),
        onInvite: (request, _response, statusCode) => {
          // A re-INVITE from the other party (answered by sip.js): audio removed (port 0), on hold or back?
          if (audioDeclined(request.body)) return this.hangUpWithoutAudio('remote', 'media-not-acceptable', AUDIO_REMOVED_WORDS, 'audio-removed');
          if (statusCode === 200 && request.body) this.remoteHold(offersHold(request.body));
        },
      },
    });
    answerByeBeforeAck(inviter, () => {
      this.endedBy = 'remote';
      this.byeBeforeAck = true;
    });
    inviter.stateChange.addListener((state) => {
      if (inviter !== this.inviter) return;
      if (state === SessionState.Established) {
        this.established = true;
        if (this.byeBeforeAck) {
          // Answered, and already hung up by the far end: the call ends now (no audio, no BYE of ours).
          if (!this.finished) this.listener.answered();
          return endAfterByeBeforeAck(inviter);
        }
        // After a 183 whose SDP declined the audio, the 200 OK's own SDP decides (onAccept brings it).
        if (!this.earlyAnswer.withheld) this.answeredWith(audioDeclined(inviter.dialog?.answer?.content ?? '') ? 'declined' : 'applied');
      } else if (state === SessionState.Terminated) {
        // A 2xx was taken (a confirmed dialog), even one sip.js could not use: it hangs up before
        // it tells onAccept, so this is the place to know the call was answered.
        if (inviter.dialog) {
          this.gotAnswer();
          this.accepted = true;
        }
        // sip.js reports Terminated before it hands the final response to onReject: decide after it.
        queueMicrotask(() => this.onTerminated());
      }
    });
    return inviter;
  }

  /** Fresh credentials, then the INVITE again (its earlier credentials were refused). */
  private async retryWithFreshCredentials(refresh: () => Promise<void>, status: number): Promise<void> {
    this.retriedWithFreshCredentials = true;
    try {
      await refresh();
    } catch (error) {
      return this.finish('system', 'auth-failed', undefined, (error as Error).message);
    }
    if (this.endedBy === 'local') return this.finish('local', 'cancelled');
    if (this.finished) return;
    this.finalStatus = undefined;
    this.answeredAtAll = false;
    this.accepted = false;
    try {
      this.inviter = this.newInviter();
    } catch {
      return this.finish('remote', 'rejected', status);
    }
    void this.invite();
  }

  hangup(): void {
    // The far end's BYE overtook our ACK: the call is over, there is nothing to send.
    if (this.byeBeforeAck) return this.finish('remote', 'hangup');
    this.endedBy ??= 'local';
    // No way to the far end right now: the call ends here, its BYE goes once the connection is back.
    if (this.outage.active) return this.cutOff('local', 'hangup');
    // A far end (or proxy) that never confirms must not keep the box "Hanging up…".
    this.startDeadline(() => this.finish('local', this.established ? 'hangup' : 'cancelled'));
    const inviter = this.inviter;
    let sent = true;
    switch (inviter.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        // Before the INVITE has left, sip.js sends nothing at all.
        sent = sendSafely(() => inviter.cancel());
        break;
      case SessionState.Established:
        sent = sendSafely(() => inviter.bye());
        break;
      default:
        break;
    }
    // sip.js could not send it (its dialog is already over): nothing will confirm, the call ends now.
    if (!sent) this.finish('local', this.established ? 'hangup' : 'cancelled');
  }

  /** Answered: connected with audio, or hung up saying why (no audio, or none the browser could use). */
  private answeredWith(answer: FinalAnswer): void {
    if (this.finished || this.inviter.state !== SessionState.Established) return;
    // The browser could not use the answer: the same end as when sip.js finds so (sip-session-outcome.ts).
    if (answer === 'failed') return this.hangUpWithoutAudio('system', 'media-failed', ANSWER_UNUSABLE_WORDS, 'answer-unusable');
    if (answer === 'declined') return this.hangUpWithoutAudio('remote', 'media-not-acceptable', describeSipStatus(488).message);
    this.ringing.stop();
    this.remoteAudio.play(this.peerConnection);
    this.quality.start(this.peerConnection);
    if (!this.microphone.enabled || this.microphone.held) this.microphone.apply();
    this.listener.answered();
    prefetchCallFeatures();
    // The relays on the way took the 183's answer (no audio, RFC 3261 section 13.2.1): a new offer brings it back
    // (a 491 is tried again, sip-hold.ts; if it is refused, the quality watch tells the agent no audio arrives).
    if (this.earlyAnswer.withheld) void this.reoffer(false).catch(() => undefined);
  }

  /** No audio can flow (port 0 in the answer, RFC 3264 section 6, or in a re-INVITE, 8.2; or an answer the browser refused): hung up, saying why. */
  private hangUpWithoutAudio(endedBy: 'remote' | 'system', reason: CallEndReason, words: string, cause?: CallEndCause): void {
    this.finish(endedBy, reason, undefined, words, cause);
    byeForNoAudio(this.inviter);
  }

  /** The signalling connection dropped: see `ConnectionOutage` for what happens to the call. */
  connectionLost(windowMs: number): void {
    if (!this.finished) this.outage.lost(this.inviter.state === SessionState.Established, windowMs);
  }

  /** The connection is back: a call that waited for it carries on over it. */
  connectionRestored(networkChanged: boolean): void {
    this.outage.restored(networkChanged);
  }

  /** The call ends now; its BYE (or CANCEL) waits for the connection. */
  private cutOff(endedBy: 'local' | 'system', reason: CallEndReason, message?: string): void {
    this.finish(endedBy, reason, undefined, message);
    // Stop the media now; the signalling to the far end has to wait for the connection.
    this.inviter.sessionDescriptionHandler?.close();
    this.context.hangUpWhenReconnected(this.inviter);
  }

  private async invite(): Promise<void> {
    const inviter = this.inviter;
    try {
      await inviter.invite({
        requestDelegate: {
          onProgress: (response) => {
            this.gotAnswer();
            const status = response.message.statusCode ?? 0;
            // Early media is audio on the wire: "ringing" until its first packets arrive.
            this.ringing.progress(status, bringsAudio(response.message.body), this.peerConnection, () => {
              if (!this.established && !this.finished) this.listener.progress(status, true);
            });
            this.listener.progress(status, false);
          },
          onTrying: () => this.gotAnswer(),
          onAccept: (response) => {
            this.gotAnswer();
            this.accepted = true;
            if (this.earlyAnswer.withheld && this.established) void this.earlyAnswer.final(response.message.body).then((answer) => this.answeredWith(answer));
          },
          onRedirect: (response) => {
            this.gotAnswer();
            this.finalStatus = response.message.statusCode;
          },
          onReject: (response) => {
            this.gotAnswer();
            this.finalStatus = response.message.statusCode;
          },
        },
      });
      this.listener.inviteSent(inviter.request.callId);
      if (!this.answeredAtAll && !this.finished) this.startDeadline(() => this.noAnswerFromServer());
    } catch (error) {
      this.finish('system', 'error', undefined, `The call could not be started: ${(error as Error).message}`);
    }
  }

  private gotAnswer(): void {
    if (this.answeredAtAll) return;
    this.answeredAtAll = true;
    if (this.endedBy !== 'local') this.deadline.stop();
  }

  private noAnswerFromServer(): void {
    this.finish('system', 'no-answer', undefined, 'The SIP server did not answer the call within 32 s. Check the connection, then call again.', 'server-timeout');
    sendSafely(() => this.inviter.cancel());
  }

  private startDeadline(expired: () => void): void {
    this.deadline.start(() => !this.finished && expired());
  }

  private watchMedia(sdh: Web.SessionDescriptionHandler): void {
    offerOnFirstUsableCandidate(sdh, this.context.iceServers);
    this.earlyAnswer.watch(sdh, () => !this.inviter.dialog);
    const pc = peerConnectionOf(sdh);
    pc?.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed' && !this.finished) {
        this.finish('system', 'media-failed');
        sendSafely(() => this.inviter.bye());
      }
    });
  }

  private onTerminated(): void {
    const outcome = sessionOutcome({
      finalStatus: this.finalStatus,
      endedBy: this.endedBy,
      answeredAtAll: this.answeredAtAll,
      accepted: this.accepted,
      established: this.established,
      mayRefreshCredentials: !!this.context.refreshCredentials && !this.retriedWithFreshCredentials && !this.finished,
    });
    if (outcome.next === 'retry-with-fresh-credentials') return void this.retryWithFreshCredentials(this.context.refreshCredentials!, outcome.status);
    if (outcome.next === 'no-answer-from-server') return this.noAnswerFromServer();
    this.finish(outcome.endedBy, outcome.reason, outcome.sipStatus, outcome.message, outcome.cause);
  }

  private finish(endedBy: 'local' | 'remote' | 'system', reason: CallEndReason, sipStatus?: number, message?: string, cause?: CallEndCause): void {
    if (this.finished) return;
    this.finished = true;
    this.deadline.stop();
    this.outage.stop();
    this.dtmf.stop();
    this.ringing.stop();
    void this.microphone.conference?.end();
    this.remoteAudio.stop();
    const quality = this.quality.stop();
    if (quality) this.listener.qualitySummary?.(quality);
    this.context.sessionEnded(this);
    this.listener.ended(endedBy, reason, sipStatus, message, cause);
  }
}
