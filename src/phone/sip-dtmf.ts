/**
 * A call's DTMF over sip.js: RFC 4733 telephone-events through the peer connection's DTMF sender
 * (appended to its tone buffer, so fast typing loses nothing), or SIP INFO one digit after the
 * other when asked for or when the far end did not negotiate telephone-events.
 * @internal
 */
import { SessionState, type Inviter } from 'sip.js';
import { DtmfQueue } from './dtmf-queue.js';
import { peerConnectionOf } from './sip-media.js';
import type { DtmfMode } from './types.js';

/** RFC 4733 tone length and gap (ms): long enough for any IVR, short enough for fast typing. */
const TONE_MS = 100;
const TONE_GAP_MS = 70;

export class SessionDtmf {
  private readonly infoQueue: DtmfQueue;

  constructor(
    private readonly inviter: () => Inviter,
    private readonly mode: DtmfMode,
    private readonly sent: (digit: string, method: DtmfMode) => void,
  ) {
    this.infoQueue = new DtmfQueue(
      (digit) => this.sendInfo(digit),
      (digit) => this.sent(digit, 'info'),
    );
  }

  send(digits: string): void {
    if (this.mode === 'info') return this.infoQueue.enqueue(digits);
    const sender = this.dtmfSender();
    if (!sender?.canInsertDTMF) {
      // The far end did not negotiate telephone-events: SIP INFO still gets the digits there.
      return this.infoQueue.enqueue(digits);
    }
    // Appending to the tone buffer (instead of replacing it) is what keeps fast typing lossless.
    sender.insertDTMF(sender.toneBuffer + digits, TONE_MS, TONE_GAP_MS);
  }

  stop(): void {
    this.infoQueue.stop();
  }

  private dtmfSender(): RTCDTMFSender | undefined {
    const pc = peerConnectionOf(this.inviter().sessionDescriptionHandler);
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.dtmf);
    const dtmf = sender?.dtmf ?? undefined;
    if (dtmf && !dtmf.ontonechange) {
      dtmf.ontonechange = (event) => {
        if (event.tone) this.sent(event.tone, 'rfc4733');
      };
    }
    return dtmf;
  }

  private sendInfo(digit: string): Promise<void> {
    const inviter = this.inviter();
    if (inviter.state !== SessionState.Established) return Promise.reject(new Error('not connected'));
    return new Promise<void>((resolve, reject) => {
      inviter
        .info({
          requestOptions: {
            body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=${TONE_MS * 2}\r\n` },
          },
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`INFO refused (${response.message.statusCode})`)),
          },
        })
        .catch(reject);
    });
  }
}
