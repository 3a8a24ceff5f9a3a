// Baseline for the post-dial-delay benchmark: the plain sip.js way (as in sip.js's own demos).
// The WebSocket is connected before the click; the click creates an Inviter, whose session
// description handler asks for the microphone, makes the offer and gathers ICE candidates.
import { Inviter, UserAgent } from 'sip.js';

const params = new URLSearchParams(location.search);
const userAgent = new UserAgent({
  uri: UserAgent.makeURI('sip:bench@127.0.0.1'),
  transportOptions: { server: params.get('ws') ?? 'ws://127.0.0.1:5066' },
  sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 1000 },
  logLevel: 'error',
});
const w = window as unknown as Record<string, unknown>;
await userAgent.start();
w.bareCall = async (target: string) => {
  const clickAt = Date.now();
  const inviter = new Inviter(userAgent, UserAgent.makeURI(target)!, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  w.lastInviter = inviter;
  await inviter.invite();
  return { clickAt, callId: inviter.request.callId };
};
w.bareHangup = async () => {
  const inviter = w.lastInviter as Inviter;
  await inviter.bye().catch(() => inviter.cancel());
};
w.vcReady = true;
