// The phone-number metadata loaded by parts (src/phone/number-metadata.ts): the parts together
// are exactly libphonenumber-js's "min" set, and every country's example number validates,
// formats and formats-as-typed exactly as with `libphonenumber-js/min` (the whole set at once).
import { expect } from '@open-wc/testing';
import { AsYouType, getCountryCallingCode, parsePhoneNumber, type CountryCode } from 'libphonenumber-js/min';
import fullMetadata from 'libphonenumber-js/metadata.min.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { loadAllNumberZones, loadNumberZonesFor, numberMetadata, numberZonesIn } from '../../src/phone/number-metadata.js';
import { COUNTRY_CALLING_CODES, VERSION } from '../../src/phone/number-metadata/index.js';
import { formatAsTyped, numberAtDomain, parseInternationalNumber, parseTarget } from '../../src/phone/targets.js';

const toUri = (e164: string) => numberAtDomain(e164, 'pbx.example.com');

describe('phone-number metadata by parts', () => {
  it('loads only the part for the number dialled, and says so plainly when a part is missing', async () => {
    // Nothing is loaded yet in this page.
    expect(() => parseInternationalNumber('+44 20 7946 0958')).to.throw(/metadata for \+4… was not loaded/);
    await loadNumberZonesFor('+44 20 7946 0958');
    expect(parseInternationalNumber('+44 20 7946 0958').display).to.equal('+44 20 7946 0958');
    expect(() => parseInternationalNumber('+1 415 555 0132')).to.throw(/metadata for \+1… was not loaded/);
    // A number that is refused before any lookup needs no part.
    expect(() => parseInternationalNumber('020 7946 0958')).to.throw(/country code/);
  });

  it('finds the parts a call needs in the number, the options and the config', () => {
    expect([...numberZonesIn(['+44 20 7946 0958'])]).to.deep.equal(['4']);
    expect([...numberZonesIn(['tel:+1-415-555-0132'])]).to.deep.equal(['1']);
    expect([...numberZonesIn(['+ (33) 1 42'])]).to.deep.equal(['3']);
    expect([...numberZonesIn(['sip:bob@example.com', { from: { uri: 'tel:+61291234567' } }, { defaults: { from: '+81 3' } }])].sort()).to.deep.equal(['6', '8']);
    expect([...numberZonesIn(['+0', '+', 'no plus 44', 42, null, undefined, () => '+5'])]).to.deep.equal([]);
    const loop: Record<string, unknown> = { to: '+7 495' };
    loop.self = loop;
    expect([...numberZonesIn([loop])]).to.deep.equal(['7']);
  });

  it('together, the parts are exactly libphonenumber-js "min" metadata (run scripts/generate-number-metadata.mjs after an upgrade)', async () => {
    await loadAllNumberZones();
    const merged = numberMetadata('+1');
    expect(VERSION).to.equal(fullMetadata.version);
    expect(COUNTRY_CALLING_CODES).to.deep.equal(fullMetadata.country_calling_codes);
    expect(Object.keys(merged.countries).sort()).to.deep.equal(Object.keys(fullMetadata.countries).sort());
    expect(JSON.stringify(merged.countries, Object.keys(merged.countries).sort())).to.equal(JSON.stringify(fullMetadata.countries, Object.keys(merged.countries).sort()));
    for (const country of Object.keys(fullMetadata.countries)) {
      expect(merged.countries[country as keyof typeof merged.countries], country).to.deep.equal(fullMetadata.countries[country as keyof typeof fullMetadata.countries]);
    }
    expect(merged.nonGeographic).to.deep.equal(fullMetadata.nonGeographic);
  });

  it("validates and formats every country's example number as libphonenumber-js/min does, also as it is typed", async () => {
    await loadAllNumberZones();
    const countries = Object.keys(examples) as CountryCode[];
    expect(countries.length).to.be.greaterThan(240);
    for (const country of countries) {
      const e164 = `+${getCountryCallingCode(country)}${examples[country]}`;
      const reference = parsePhoneNumber(e164);
      expect(reference.isValid(), `${country} ${e164} (reference)`).to.equal(true);
      const ours = parseTarget(e164, toUri);
      expect(ours.kind).to.equal('number');
      expect(ours.kind === 'number' && ours.e164, country).to.equal(reference.number);
      expect(ours.display, country).to.equal(reference.formatInternational());
      for (let end = 2; end <= e164.length; end++) {
        const typed = e164.slice(0, end);
        expect(formatAsTyped(typed), `${country} typed ${typed}`).to.equal(new AsYouType().input(typed));
      }
    }
  });
});
