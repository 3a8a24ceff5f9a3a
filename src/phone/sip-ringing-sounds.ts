/**
 * What the agent hears before the answer: the far end's early media as soon as its packets
 * arrive, or a local ringback tone on a 180 that brings no audio (unless switched off).
 * @internal
 */
import { whenAudioArrives } from './early-media.js';
import type { OutboundRequest } from './engine.js';
import { ringbackCadenceFor } from './ringback-cadence.js';
import { RingbackTone } from './ringback-tone.js';
import type { RemoteAudio } from './sip-media.js';

export class RingingSounds {
  /** The local ringback tone (180 without audio), unless switched off. */
  private readonly ringback: RingbackTone | undefined;
  /** Stops waiting for early media's first packets. */
  private stopWaitingForAudio: (() => void) | undefined;

  constructor(
    ringback: OutboundRequest['ringback'],
    private readonly remoteAudio: RemoteAudio,
  ) {
    this.ringback = ringback === false ? undefined : new RingbackTone(ringbackCadenceFor(ringback?.country));
  }

  /** A provisional answer: with SDP, its audio plays and `flowing` is told once packets arrive; without, a 180 rings locally. */
  progress(status: number, withSdp: boolean, pc: RTCPeerConnection | undefined, flowing: () => void): void {
    if (status < 180) return;
    if (withSdp && pc) return this.playEarlyMedia(pc, flowing);
    if (!this.stopWaitingForAudio) this.ringback?.start();
  }

  /** Answered or over: no more tone, no more waiting for early audio. */
  stop(): void {
    this.ringback?.stop();
    this.stopWaitingForAudio?.();
  }

  /** The far end's audio plays as it comes; once packets arrive, the call is in early media. */
  private playEarlyMedia(pc: RTCPeerConnection, flowing: () => void): void {
    this.remoteAudio.play(pc);
    this.stopWaitingForAudio ??= whenAudioArrives(pc, () => {
      this.ringback?.stop();
      flowing();
    });
  }
}
