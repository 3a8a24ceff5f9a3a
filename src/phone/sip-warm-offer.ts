/**
 * The next call's offer, made while the agent types: a session description handler whose peer
 * connection already holds a clone of the (already granted) microphone, the pre-generated DTLS
 * certificate and its gathered ICE candidates. The next INVITE takes it and leaves without
 * waiting for the offer or ICE. Part of the lazily loaded engine chunk.
 * @internal
 */
import type { Web } from 'sip.js';

/** An offer not used by then gives back its microphone clone and its ports (and its candidates do not grow old). */
const WARM_OFFER_IDLE_MS = 30_000;
/** What every outbound call asks of its handler (sip-session.ts). */
const CONSTRAINTS = { audio: true, video: false };

export class WarmOffer {
  private handler: Web.SessionDescriptionHandler | undefined;
  private body: string | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Makes one offer ahead if none is waiting; resolves once it is ready (or failed). */
  warm(make: () => Web.SessionDescriptionHandler): Promise<void> {
    if (this.handler) return Promise.resolve();
    const handler = make();
    this.handler = handler;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.drop(), WARM_OFFER_IDLE_MS);
    return handler.getDescription({ constraints: CONSTRAINTS }).then(
      ({ body }) => {
        if (this.handler === handler) this.body = body;
      },
      () => {
        if (this.handler === handler) this.drop();
      },
    );
  }

  /**
   * The ready handler for a new call (undefined if none is ready): its first getDescription
   * answers at once with the offer made ahead; later ones (re-INVITEs) work as usual.
   */
  take(): Web.SessionDescriptionHandler | undefined {
    const handler = this.handler;
    const body = this.body;
    if (!handler || body === undefined || handler.peerConnection?.signalingState !== 'have-local-offer') return undefined;
    this.handler = undefined;
    this.body = undefined;
    clearTimeout(this.idleTimer);
    const getDescription = handler.getDescription.bind(handler);
    let first = true;
    handler.getDescription = (options, modifiers) => {
      const asMadeAhead = first && !modifiers?.length && !options?.offerOptions?.iceRestart && !options?.constraints?.video;
      first = false;
      return asMadeAhead ? Promise.resolve({ body, contentType: 'application/sdp' }) : getDescription(options, modifiers);
    };
    return handler;
  }

  /** Forgets the offer made ahead (network change, idle, engine gone): its tracks stop, its ports close. */
  drop(): void {
    clearTimeout(this.idleTimer);
    const handler = this.handler;
    this.handler = undefined;
    this.body = undefined;
    if (!handler) return;
    handler.localMediaStream.getTracks().forEach((track) => track.stop());
    handler.close();
  }
}
