/**
 * An answer that declines the audio: RFC 3264 section 6, a stream is rejected by answering its
 * m-line with port 0. The phone offers one audio stream; if no audio m-line of the answer has
 * a port, no audio can ever flow.
 * @internal
 */
export function audioDeclined(sdp: string): boolean {
  const ports = sdp
    .split(/\r?\n/)
    .map((line) => /^m=audio (\d+)(?:\/\d+)? /.exec(line)?.[1])
    .filter((port): port is string => port !== undefined);
  return ports.length > 0 && ports.every((port) => Number(port) === 0);
}
