/**
 * Whether a call's microphone reaches the far end: muted, on hold, or merged (then the track sent
 * is the mix, and mute switches this call's microphone inside it).
 * @internal
 */
import type { AudioConference, ConferenceMember } from './sip-conference.js';

export class MicrophoneSwitch {
  /** The agent has not muted the call. */
  enabled = true;
  /** On hold by the agent: neither side's audio flows. */
  held = false;
  /** The merge this call is part of (its microphone switch goes through the mix). */
  conference: AudioConference | undefined;

  constructor(
    private readonly member: ConferenceMember,
    private readonly peerConnection: () => RTCPeerConnection | undefined,
  ) {}

  /** Puts the state on the tracks. Until the offer holds the microphone there is nothing to switch: Established applies it again. */
  apply(): void {
    this.conference?.setMicrophoneEnabled(this.member, this.enabled);
    const pc = this.peerConnection();
    pc?.getSenders().forEach((sender) => {
      if (sender.track?.kind === 'audio') sender.track.enabled = (this.conference ? true : this.enabled) && !this.held;
    });
    pc?.getReceivers().forEach((receiver) => {
      if (receiver.track.kind === 'audio') receiver.track.enabled = !this.held;
    });
  }
}
