import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import {
  assertedIdentityHeader,
  checkIdentityUri,
  contextHeaders,
  encodeHeaderValue,
  extraHeaders,
  quoteDisplayName,
  routeHeaders,
} from '../../src/phone/headers.js';

function refused(fn: () => unknown): PhoneInputError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(PhoneInputError);
    return error as PhoneInputError;
  }
  throw new Error('accepted');
}

describe('header encoding', () => {
  it('sends context pairs as X-VC- headers', () => {
    expect(contextHeaders({ CrmId: 'A-42', Priority: 3, Vip: true })).to.deep.equal([
      'X-VC-CrmId: A-42',
      'X-VC-Priority: 3',
      'X-VC-Vip: true',
    ]);
  });

  it('percent-encodes non-ASCII text and the percent sign, keeps printable ASCII', () => {
    expect(encodeHeaderValue('Zoë 100% <ok>', 'context', 'X')).to.equal('Zo%C3%AB 100%25 <ok>');
  });

  it('refuses CR/LF and other control characters in values (header injection)', () => {
    for (const value of ['a\r\nVia: evil', 'a\nb', 'a\u0000b', 'tab\tbed', 'line\u2028sep']) {
      const error = refused(() => contextHeaders({ Name: value }));
      expect(error.code).to.equal('invalid-header-value');
      expect(error.message).to.match(/control characters/);
    }
  });

  it('refuses header names that are not tokens', () => {
    for (const name of ['', 'Bad Name', 'Bad:Name', 'a\r\nb', 'Ünïcode', 'x'.repeat(65), '-lead']) {
      expect(refused(() => contextHeaders({ [name]: 'v' })).code).to.equal('invalid-header-name');
    }
  });

  it('refuses oversized values and too many headers', () => {
    expect(refused(() => contextHeaders({ Big: 'x'.repeat(1025) })).code).to.equal('invalid-header-value');
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`K${i}`, 'v']));
    expect(refused(() => contextHeaders(many)).code).to.equal('invalid-header-name');
  });

  it('allows X- and end-to-end extra headers, refuses the stack-owned ones', () => {
    expect(extraHeaders({ 'X-Campaign': 'spring', Subject: 'Renewal' })).to.deep.equal(['X-Campaign: spring', 'Subject: Renewal']);
    for (const name of ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Route', 'Max-Forwards', 'Proxy-Authorization', 'Content-Length']) {
      expect(refused(() => extraHeaders({ [name]: 'x' })).code).to.equal('forbidden-header');
    }
  });

  it('builds Route headers from an array or a comma-separated list', () => {
    expect(routeHeaders(['sip:127.0.0.1:5066;transport=ws;lr', '<sip:edge.example.com;lr>'])).to.deep.equal([
      'Route: <sip:127.0.0.1:5066;transport=ws;lr>',
      'Route: <sip:edge.example.com;lr>',
    ]);
    expect(routeHeaders('sip:a.example.com;lr, sip:b.example.com;lr')).to.have.length(2);
    expect(routeHeaders(undefined)).to.deep.equal([]);
  });

  it('refuses Route entries that are not clean SIP URIs', () => {
    for (const route of ['sip:edge.example.com;lr\r\nX-Evil: 1', 'http://example.com', 'sip:a@b.com?X=1', 'sip:a b@c.com', 'javascript:alert(1)']) {
      expect(refused(() => routeHeaders([route])).code).to.be.oneOf(['invalid-route', 'control-characters']);
    }
  });

  it('quotes display names and escapes quotes and backslashes', () => {
    expect(quoteDisplayName('Ann "Sales" \\ Team', 'from')).to.equal('"Ann \\"Sales\\" \\\\ Team"');
    expect(refused(() => quoteDisplayName('Ann\r\nVia: x', 'from')).code).to.equal('control-characters');
  });

  it('writes P-Asserted-Identity and checks identity URIs', () => {
    expect(assertedIdentityHeader({ displayName: 'Acme Support' }, 'sip:+442071838750@example.com')).to.equal(
      'P-Asserted-Identity: "Acme Support" <sip:+442071838750@example.com>',
    );
    expect(checkIdentityUri('sip:support@example.com')).to.equal('sip:support@example.com');
    expect(refused(() => checkIdentityUri('sip:support@example.com>;x=<y')).code).to.equal('invalid-identity');
    expect(refused(() => checkIdentityUri('tel:12 34')).code).to.equal('invalid-identity');
  });
});
