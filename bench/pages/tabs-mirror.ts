// One page of the tabs benchmark: a FakePhone shared across the pages of one context (the same
// leader election, BroadcastChannel and mirrors as the real phone; only SIP is simulated), and a
// raw BroadcastChannel beside it for the baseline.
import { FakePhone } from '../../src/testing/fake-phone.js';

const w = window as unknown as Record<string, unknown>;
const now = () => performance.timeOrigin + performance.now();
let phone: FakePhone;
/** When each `vc-call-mute` was dispatched in this page. */
const muteSeen: number[] = [];
let nextMute: (() => void) | undefined;

w.start = async (storageKey: string) => {
  phone = new FakePhone({ storageKey }, { tabs: 'shared' });
  phone.addEventListener('vc-call-mute', () => {
    muteSeen.push(now());
    nextMute?.();
  });
  const tabs = (phone as unknown as { tabs: { follows(): Promise<boolean> } }).tabs;
  return (await tabs.follows()) ? 'follower' : 'leader';
};

w.connectedCalls = async (count: number) => {
  for (let i = 0; i < count; i++) await phone.callInState('connected', '+44 20 7946 0958');
  return phone.calls.length;
};

w.callCount = () => phone.calls.filter((call) => call.state === 'connected').length;
w.muteSeen = () => muteSeen;

/** A state change here (the leader's own, or a follower's command), resolved once this page shows it. */
w.toggleMute = async (): Promise<{ at: number; shownAt: number }> => {
  const shown = new Promise<void>((resolve) => (nextMute = resolve));
  const at = now();
  phone.calls[0].toggleMute();
  await shown;
  return { at, shownAt: muteSeen[muteSeen.length - 1] };
};

// The baseline: the same browser's BroadcastChannel, with nothing of vc-phone around it.
const raw = new BroadcastChannel('vc-bench-raw');
const rawSeen: { sent: number; at: number }[] = [];
let pong: (() => void) | undefined;
w.answerPings = false;
raw.onmessage = (event: MessageEvent<{ sent?: number; ping?: boolean; pong?: boolean }>) => {
  const data = event.data;
  if (data.ping) {
    if (w.answerPings) raw.postMessage({ pong: true });
  } else if (data.pong) pong?.();
  else if (data.sent !== undefined) rawSeen.push({ sent: data.sent, at: now() });
};
w.rawSend = () => raw.postMessage({ sent: now() });
w.rawSeen = () => rawSeen;
w.rawRoundTrip = async () => {
  const back = new Promise<void>((resolve) => (pong = resolve));
  const at = now();
  raw.postMessage({ ping: true });
  await back;
  return now() - at;
};
w.benchReady = true;
