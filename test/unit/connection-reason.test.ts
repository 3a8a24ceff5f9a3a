// The reason code through the real Phone and the real sip.js engine (the stand-in transport of
// test/support): a dropped WebSocket and a CSP that blocks the server each say why, for a program.
import { expect } from '@open-wc/testing';
import type { VcConnectionChangeEvent } from '../../src/events/call-lifecycle-events.js';
import { StubTransport } from '../support/stub-sip.js';
import { realSipPhone, resetTransports, until } from './real-sip-phone.js';

describe('connectionReason (real sip.js engine)', () => {
  beforeEach(() => resetTransports());

  it('a WebSocket that drops under the phone: reconnecting, reason lost, in the property and the event', async () => {
    const phone = realSipPhone();
    const details: VcConnectionChangeEvent['detail'][] = [];
    phone.addEventListener('vc-connection-change', (event) => details.push((event).detail));
    await phone.connect();
    expect(phone.connectionState).to.equal('connected');
    expect(phone.connectionReason).to.equal(undefined);
    // The socket closes without being asked to (what sip.js's WebSocket transport does on a 1006).
    const transport = StubTransport.current;
    transport.state = 'Disconnected' as StubTransport['state'];
    transport.onDisconnect?.(new Error('WebSocket closed wss://sip.example.com/ws (code: 1006)'));
    await until(() => phone.connectionState === 'reconnecting' && phone.connectionReason === 'lost', 'the lost report');
    expect(phone.connectionMessage).to.equal('The connection to the SIP server was lost. Reconnecting…');
    expect(details.at(-1)).to.include({ state: 'reconnecting', reason: 'lost' });
    await until(() => phone.connectionState === 'connected', 'the reconnect');
    expect(phone.connectionReason).to.equal(undefined);
    // Closed on purpose: disconnected, with no reason.
    await phone.dispose();
    expect(phone.connectionState).to.equal('disconnected');
    expect(phone.connectionReason).to.equal(undefined);
  });

  it('a connect-src that blocks the server: disconnected, reason blocked, the English words kept for developers', async () => {
    const phone = realSipPhone();
    await phone.connect();
    document.dispatchEvent(
      new SecurityPolicyViolationEvent('securitypolicyviolation', {
        blockedURI: 'wss://sip.example.com',
        documentURI: location.href,
        effectiveDirective: 'connect-src',
        violatedDirective: 'connect-src',
        originalPolicy: "connect-src 'self'",
        disposition: 'enforce',
        statusCode: 200,
      }),
    );
    expect(phone.connectionState).to.equal('disconnected');
    expect(phone.connectionReason).to.equal('blocked');
    expect(phone.connectionMessage).to.match(/Content-Security-Policy blocks the SIP server: add wss:\/\/sip\.example\.com to its connect-src/);
    await phone.dispose();
  });
});
