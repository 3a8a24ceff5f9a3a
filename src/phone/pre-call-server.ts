/**
 * The pre-call check's server item: opens a WebSocket to the SIP server and sends one OPTIONS
 * (no REGISTER), then words the answer, the refusal or the silence.
 * @internal
 */
import type { CheckItem } from './audio-types.js';
import { PhoneInputError } from './errors.js';
import { randomHex } from './random-hex.js';
import { checkServerUrl } from './server-url.js';
import type { PhoneConfig } from './types.js';

/** The SIP server's domain, for an OPTIONS that asks the server itself (not a user). */
function serverDomain(config: PhoneConfig, url: URL): string {
  const match = /^sips?:(?:[^@;>]*@)?([^;>?]+)/i.exec(config.aor ?? '');
  return match?.[1] ?? url.hostname;
}

export async function checkServer(config: PhoneConfig): Promise<CheckItem> {
  let href: string;
  try {
    href = checkServerUrl(config.server);
  } catch (error) {
    const message = error instanceof PhoneInputError ? error.message : String(error);
    return { id: 'server', status: 'fail', code: 'server-invalid', message, fix: 'Set the phone\'s server to the SIP-over-WebSocket address your provider gave (wss://...).' };
  }
  const url = new URL(href);
  const domain = serverDomain(config, url);
  const started = performance.now();
  return new Promise<CheckItem>((resolve) => {
    let socket: WebSocket;
    let opened = false;
    const done = (item: CheckItem) => {
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close();
      resolve(item);
    };
    try {
      socket = new WebSocket(href, 'sip');
    } catch (error) {
      return resolve({
        id: 'server',
        status: 'fail',
        code: 'server-blocked',
        values: { host: url.host, origin: `${url.protocol}//${url.host}` },
        message: `The page may not open a WebSocket to ${url.host} (${(error as Error).message}).`,
        fix: `Add ${url.protocol}//${url.host} to the page's Content-Security-Policy connect-src.`,
      });
    }
    socket.onopen = () => {
      opened = true;
      const tag = randomHex(8);
      const transport = url.protocol === 'wss:' ? 'WSS' : 'WS';
      socket.send(
        [
          `OPTIONS sip:${domain} SIP/2.0`,
          `Via: SIP/2.0/${transport} ${tag}.invalid;branch=z9hG4bK${randomHex(8)}`,
          'Max-Forwards: 70',
          `To: <sip:${domain}>`,
          `From: <sip:vc-phone-check@${domain}>;tag=${tag}`,
          `Call-ID: ${randomHex(8)}`,
          'CSeq: 1 OPTIONS',
          'User-Agent: vc-phone (check)',
          'Content-Length: 0',
          '',
          '',
        ].join('\r\n'),
      );
    };
    socket.onmessage = (event) => {
      const status = /^SIP\/2\.0 (\d{3})/.exec(String(event.data))?.[1];
      if (!status) return;
      const roundTripMs = Math.round(performance.now() - started);
      const code = Number(status);
      if (code >= 500) {
        return done({
          id: 'server',
          status: 'warn',
          code: 'server-error',
          values: { status: String(code) },
          message: `The SIP server answered, but with a server error (${code}).`,
          fix: 'The server may be overloaded or in maintenance: try again later, or tell your administrator.',
          details: { sipStatus: code, roundTripMs },
        });
      }
      done({ id: 'server', status: 'pass', code: 'server-ok', values: { host: url.host, ms: String(roundTripMs) }, message: `The SIP server ${url.host} answered in ${roundTripMs} ms.`, details: { sipStatus: code, roundTripMs } });
    };
    socket.onerror = socket.onclose = () =>
      done(
        opened
          ? {
              id: 'server',
              status: 'fail',
              code: 'server-closed',
              values: { host: url.host },
              message: `${url.host} took the WebSocket connection but closed it without a SIP answer.`,
              fix: 'Check the server address: the path or port may not be the SIP-over-WebSocket one.',
            }
          : {
              id: 'server',
              status: 'fail',
              code: 'server-unreachable',
              values: { host: url.host },
              message: `The SIP server ${url.host} could not be reached.`,
              fix: 'Check the server address and port, the network, and that no firewall, proxy or Content-Security-Policy blocks WebSockets to it.',
            },
      );
  });
}
