import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import { loadAllNumberZones } from '../../src/phone/number-metadata.js';
import { formatAsTyped, numberAtDomain, parseSipUri, parseTarget } from '../../src/phone/targets.js';

// The checks are synchronous; the Phone loads the metadata's parts first (src/phone/number-metadata.ts).
before(loadAllNumberZones);

const toUri = (e164: string) => numberAtDomain(e164, 'pbx.example.com');

async function parse(input: string) {
  return parseTarget(input, toUri);
}

async function refusal(input: string): Promise<PhoneInputError> {
  try {
    await parse(input);
  } catch (error) {
    expect(error).to.be.instanceOf(PhoneInputError);
    return error as PhoneInputError;
  }
  throw new Error(`"${input}" was accepted`);
}

describe('call targets', () => {
  const good: Array<[string, string, string]> = [
    ['+44 20 7946 0958', 'sip:+442079460958@pbx.example.com', '+44 20 7946 0958'],
    ['+1 (415) 555-0132', 'sip:+14155550132@pbx.example.com', '+1 415 555 0132'],
    ['+33 1 42 68 53 00', 'sip:+33142685300@pbx.example.com', '+33 1 42 68 53 00'],
    ['  +61-2-9123-4567  ', 'sip:+61291234567@pbx.example.com', '+61 2 9123 4567'],
    ['+49.30.901820', 'sip:+4930901820@pbx.example.com', '+49 30 901820'],
    ['tel:+44-20-7946-0958', 'sip:+442079460958@pbx.example.com', '+44 20 7946 0958'],
    // phone-context does not change a global number: allowed, not carried.
    ['tel:+44-20-7946-0958;phone-context=example.com', 'sip:+442079460958@pbx.example.com', '+44 20 7946 0958'],
    ['TEL:+14155550132;phone-context=x', 'sip:+14155550132@pbx.example.com', '+1 415 555 0132'],
  ];
  for (const [input, uri, display] of good) {
    it(`accepts ${JSON.stringify(input)}`, async () => {
      const target = await parse(input);
      expect(target.kind).to.equal('number');
      expect(target.uri).to.equal(uri);
      expect(target.display).to.equal(display);
    });
  }

  const sipGood: Array<[string, string]> = [
    ['sip:alice@example.com', 'sip:alice@example.com'],
    ['SIP:+442079460958@127.0.0.1:5060;user=phone', 'sip:+442079460958@127.0.0.1:5060;user=phone'],
    ['sips:bob@[2001:db8::1]', 'sips:bob@[2001:db8::1]'],
    ['sip:example.com', 'sip:example.com'],
  ];
  for (const [input, uri] of sipGood) {
    it(`accepts the SIP URI ${input}`, async () => {
      const target = await parse(input);
      expect(target.kind).to.equal('sip');
      expect(target.uri).to.equal(uri);
    });
  }

  const bad: Array<[string, string, RegExp]> = [
    ['', 'empty', /international format/],
    ['020 7946 0958', 'national-format', /country code/],
    ['0044 20 7946 0958', 'national-format', /\+ instead of 00/],
    ['+1 800 FLOWERS', 'letters', /letters/],
    ['call me', 'letters', /letters/],
    ['+44 20 7946 0958\r\nX-Evil: 1', 'control-characters', /control characters/],
    ['+44 20 7946\u0000 0958', 'control-characters', /control characters/],
    ['+999 123 4567', 'unknown-country', /not a country calling code/],
    ['+44 20', 'too-short', /too short/],
    ['+44 20 7946 0958 1234 5678', 'too-long-number', /too long/],
    ['+44 99 9999 9999', 'invalid-number', /not a valid number for country code \+44/],
    ['+' + '1'.repeat(300), 'too-long', /too long/],
    ['javascript:alert(1)', 'unsupported-scheme', /can't be called/],
    ['http://example.com', 'unsupported-scheme', /can't be called/],
    ['+44 <20> 7946', 'invalid-characters', /Use only digits/],
    ['sip:alice @example.com', 'invalid-sip-uri', /spaces/],
    ['sip:<alice@example.com>', 'invalid-sip-uri', /character </],
    ['sip:"alice"@example.com', 'invalid-sip-uri', /character "/],
    ['sip:alice@example.com?Subject=hi', 'invalid-sip-uri', /\?headers/],
    ['sip:alice:secret@example.com', 'invalid-sip-uri', /password/],
    ['sip:alice@', 'invalid-sip-uri', /valid host/],
    ['sip:alice@example.com:99999', 'invalid-sip-uri', /port/],
    ['sip:alice@example.com\r\nVia: x', 'control-characters', /control characters/],
    ['tel:442079460958', 'invalid-tel-uri', /starting with \+/],
    // An extension is never dropped silently (the number alone is a different target).
    ['tel:+442079460958;ext=1', 'tel-extension', /Extensions can't be dialled.*keypad/],
    ['tel:+1-415-555-0100;ext=204', 'tel-extension', /Extensions can't be dialled/],
    ['tel:+1-415-555-0100;phone-context=crm;EXT=204', 'tel-extension', /Extensions/],
    ['tel:+442079460958;isub=1234', 'tel-parameter', /a part that can't be dialled \(;isub\)/],
    ['tel:+442079460958;foo=bar', 'tel-parameter', /;foo\)/],
  ];
  for (const [input, code, message] of bad) {
    it(`refuses ${JSON.stringify(input.slice(0, 40))} (${code})`, async () => {
      const error = await refusal(input);
      expect(error.code).to.equal(code);
      expect(error.message).to.match(message);
      expect(error.field).to.equal('to');
    });
  }

  it('formats an international number as it is typed', async () => {
    expect(formatAsTyped('+442079')).to.equal('+44 20 79');
    expect(formatAsTyped('+14155550132')).to.equal('+1 415 555 0132');
    expect(formatAsTyped('sip:bob@example.com')).to.equal('sip:bob@example.com');
  });

  it('validates Route-style SIP URIs with parameters', () => {
    expect(parseSipUri('sip:edge.example.com;lr', 'route')).to.equal('sip:edge.example.com;lr');
    expect(() => parseSipUri('sip:edge.example.com;lr>,<sip:evil', 'route')).to.throw(PhoneInputError);
  });
});
