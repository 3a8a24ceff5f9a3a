// A real Phone over the real sip.js engine, with the stand-in transport of test/support: what a
// test reads from `sent` is exactly what would have left on the WebSocket.
import { createSipEngine } from '../../src/phone/sip-engine.js';
import { Phone } from '../../src/phone/phone.js';
import { memoryStorage, type KeyValueStorage } from '../../src/phone/store.js';
import type { PhoneConfig } from '../../src/phone/types.js';
import { StubTransport, stubDescriptionHandler } from '../support/stub-sip.js';

export const ACCOUNT: PhoneConfig = { server: 'wss://sip.example.com/ws', aor: 'sip:agent@pbx.example.com' };

/** Every transport made since `resetTransports()`, so a test can read what all of them sent. */
const transports: StubTransport[] = [];

class RecordingTransport extends StubTransport {
  constructor(logger: unknown, options: unknown) {
    super(logger, options);
    transports.push(this);
  }
}

export function resetTransports(): void {
  transports.length = 0;
}

/** Every SIP message sent on any transport since the last reset. */
export function sentMessages(): string[] {
  return transports.flatMap((transport) => transport.sent);
}

export function sentInvites(): string[] {
  return sentMessages().filter((message) => message.startsWith('INVITE '));
}

export function realSipPhone(config: PhoneConfig = ACCOUNT, storage: KeyValueStorage = memoryStorage()): Phone {
  return new Phone(config, {
    storage,
    engine: (host) => createSipEngine(host, { transportConstructor: RecordingTransport, sessionDescriptionHandlerFactory: stubDescriptionHandler }),
  });
}

export { until } from '../support/until.js';

/** The header lines of a SIP message (without the start line and the body). */
export function headerLines(message: string): string[] {
  const head = message.split('\r\n\r\n')[0];
  return head.split('\r\n').slice(1);
}
