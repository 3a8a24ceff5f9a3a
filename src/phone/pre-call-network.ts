/**
 * The pre-call check's network items: the ICE candidates one audio offer gathers (a path for
 * audio at all, a public address from STUN) and, when one is configured, whether the TURN server relays.
 * @internal
 */
import type { CheckItem } from './audio-types.js';
import type { PhoneConfig } from './types.js';

/** ICE candidates of each kind, gathered for one audio offer within `ms`. */
async function gather(config: PhoneConfig, ms: number, signal?: AbortSignal): Promise<{ host: number; srflx: number; relay: number; complete: boolean }> {
  const pc = new RTCPeerConnection({ iceServers: config.iceServers ?? [], iceTransportPolicy: config.iceTransportPolicy ?? 'all' });
  const counts = { host: 0, srflx: 0, relay: 0, complete: false };
  try {
    pc.addTransceiver('audio');
    const finished = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => resolve());
      pc.onicecandidate = (event) => {
        const type = event.candidate?.type;
        if (type === 'host' || type === 'srflx' || type === 'relay') counts[type] += 1;
        else if (type === 'prflx') counts.srflx += 1;
        if (!event.candidate) {
          counts.complete = true;
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await pc.setLocalDescription(await pc.createOffer());
    await finished;
    return counts;
  } finally {
    pc.close();
  }
}

export async function checkNetwork(config: PhoneConfig, ms: number, signal?: AbortSignal): Promise<CheckItem[]> {
  const urls = (config.iceServers ?? []).flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]));
  const turn = urls.filter((url) => /^turns?:/i.test(url));
  const stun = urls.filter((url) => /^stuns?:/i.test(url));
  const relayOnly = config.iceTransportPolicy === 'relay';
  let counts: Awaited<ReturnType<typeof gather>>;
  try {
    counts = await gather(config, ms, signal);
  } catch (error) {
    return [
      {
        id: 'network',
        status: 'fail',
        code: 'network-error',
        message: `The browser could not prepare a network path for audio (${(error as Error)?.message ?? error}).`,
        fix: 'Check that WebRTC is not switched off by a browser policy or extension.',
      },
    ];
  }
  const details = { host: counts.host, srflx: counts.srflx, relay: counts.relay, complete: counts.complete };
  const items: CheckItem[] = [];
  if (relayOnly) {
    items.push({ id: 'network', status: 'pass', code: 'network-relay-only', message: 'Audio is set to go through the TURN relay only.', details });
  } else if (counts.host + counts.srflx + counts.relay === 0) {
    items.push({
      id: 'network',
      status: 'fail',
      code: 'network-none',
      message: 'No network path for audio was found.',
      fix: 'Check the network connection, and that WebRTC is not blocked by a browser policy, extension or VPN.',
      details,
    });
  } else if (stun.length && counts.srflx === 0) {
    items.push({
      id: 'network',
      status: 'warn',
      code: 'network-no-public',
      message: 'The STUN server gave no public address: calls may have no audio through this network\'s firewall.',
      fix: 'Check the STUN server address, or ask for UDP to be allowed (or a TURN server to be configured).',
      details,
    });
  } else {
    const kinds = [`${counts.host} local`, ...(counts.srflx ? [`${counts.srflx} public`] : []), ...(counts.relay ? [`${counts.relay} relayed`] : [])];
    items.push({
      id: 'network',
      status: 'pass',
      code: 'network-ok',
      values: { local: String(counts.host), public: String(counts.srflx), relayed: String(counts.relay) },
      message: `Network paths for audio found (${kinds.join(', ')}).`,
      details,
    });
  }
  if (turn.length) {
    items.push(
      counts.relay > 0
        ? { id: 'turn', status: 'pass', code: 'turn-ok', values: { count: String(counts.relay) }, message: `The TURN server answered: audio can be relayed (${counts.relay} relay address${counts.relay === 1 ? '' : 'es'}).`, details: { relay: counts.relay } }
        : {
            id: 'turn',
            status: relayOnly ? 'fail' : 'warn',
            code: 'turn-none',
            values: { server: turn[0] },
            message: `The TURN server (${turn[0]}) gave no relay address: it is unreachable, or it refused the credentials.`,
            fix: 'Check the TURN address and port, that the network allows it, and that its credentials are current.',
            details: { relay: 0 },
          },
    );
  }
  return items;
}
