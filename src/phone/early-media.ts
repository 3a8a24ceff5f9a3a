/**
 * "Ringing (early media)" means audio is really arriving before the answer, not merely that a
 * 183 carried SDP: a receiver's track unmutes on its first RTP packet, and getStats counts the
 * packets (checked too, for browsers that unmute late).
 * @internal
 */

/** How often getStats is read while waiting for the first packets. */
const STATS_POLL_MS = 250;

/** Calls `flowing` once, when the far end's audio reaches the peer connection. Returns a cancel. */
export function whenAudioArrives(pc: RTCPeerConnection, flowing: () => void): () => void {
  let done = false;
  const tracks = pc.getReceivers().map((receiver) => receiver.track).filter((track) => track?.kind === 'audio');
  const arrived = () => {
    if (done) return;
    cancel();
    flowing();
  };
  const poll = setInterval(() => {
    void pc.getStats().then((stats) => {
      stats.forEach((report: { type?: string; kind?: string; packetsReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio' && (report.packetsReceived ?? 0) > 0) arrived();
      });
    }, () => undefined);
  }, STATS_POLL_MS);
  const cancel = () => {
    done = true;
    clearInterval(poll);
    tracks.forEach((track) => track.removeEventListener('unmute', arrived));
  };
  tracks.forEach((track) => track.addEventListener('unmute', arrived));
  return cancel;
}
