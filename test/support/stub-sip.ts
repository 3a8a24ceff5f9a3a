// A stand-in for the WebSocket under the real sip.js: tests read what the phone sends and play
// what a proxy or far end answers, in SIP text. No WebRTC is needed (a stand-in description handler).
import { EmitterImpl, TransportState, type SessionDescriptionHandler, type Transport } from 'sip.js';

export const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

/** Records what the phone sends; `receive` plays what the proxy sends back. */
export class StubTransport implements Transport {
  static current: StubTransport;
  readonly protocol = 'WSS';
  state = TransportState.Disconnected;
  readonly stateChange = new EmitterImpl<TransportState>();
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  readonly sent: string[] = [];
  constructor(_logger: unknown, _options: unknown) {
    StubTransport.current = this;
  }
  async connect() {
    this.state = TransportState.Connected;
    this.stateChange.emit(this.state);
    this.onConnect?.();
  }
  async disconnect() {
    this.state = TransportState.Disconnected;
    this.stateChange.emit(this.state);
    this.onDisconnect?.();
  }
  async dispose() {}
  isConnected() {
    return this.state === TransportState.Connected;
  }
  async send(message: string) {
    this.sent.push(message);
  }
  receive(message: string) {
    this.onMessage?.(message);
  }
  /** The requests sent with this method, oldest first. */
  requests(method: string): string[] {
    return this.sent.filter((message) => message.startsWith(`${method} `));
  }
}

export const stubDescriptionHandler = (): SessionDescriptionHandler => ({
  close: () => undefined,
  getDescription: async () => ({ body: SDP, contentType: 'application/sdp' }),
  hasDescription: (contentType: string) => contentType === 'application/sdp',
  setDescription: async () => undefined,
  sendDtmf: () => true,
});

/** A response to `request`, as a far end (through the proxy) would send it. */
export function response(request: string, status: string, options: { toTag?: string; body?: string; headers?: string[] } = {}): string {
  const lines = request.split('\r\n');
  const header = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const to = header('To')[0] + (options.toTag && !/;tag=/.test(header('To')[0]) ? `;tag=${options.toTag}` : '');
  const body = options.body ?? '';
  return [
    `SIP/2.0 ${status}`,
    ...header('Via'),
    ...header('From'),
    to,
    ...header('Call-ID'),
    ...header('CSeq'),
    'Contact: <sip:far-end@127.0.0.1:5080>',
    ...(body ? ['Content-Type: application/sdp'] : []),
    ...(options.headers ?? []),
    `Content-Length: ${body.length}`,
    '',
    body,
  ].join('\r\n');
}

