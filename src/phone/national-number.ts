/**
 * National numbers for a CRM that opts in (`defaultCountry`): `020 7946 0958` with `GB` becomes
 * `+442079460958`. Anything else (international numbers, addresses, 00-prefixed numbers) is left
 * to the usual checks, so their words stay the same. Part of the lazily loaded dialing chunk.
 * @internal
 */
import { isSupportedCountry, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/core';
import { inputError } from './errors.js';
import { numberMetadata, zoneOfCountry } from './number-metadata.js';

/** The international form of a national number typed for `country`, or the input unchanged. */
export function withCountryCode(input: string, country: string | undefined): string {
  const text = input.trim();
  if (!country || !/^[\d\s().\-/]+$/.test(text) || text.replace(/\D/g, '').startsWith('00')) return input;
  // The metadata's part for the country was loaded with the config (`loadNumberZonesFor`).
  const metadata = numberMetadata(`+${zoneOfCountry(country) ?? ''}`);
  if (!isSupportedCountry(country as CountryCode, metadata)) throw inputError('invalid-config', 'defaultCountry', `"${country}" is not a country code the phone knows (such as GB or US).`);
  try {
    const parsed = parsePhoneNumberWithError(text, country as CountryCode, metadata);
    return parsed.isValid() ? parsed.number : input;
  } catch {
    return input; // the usual checks say why
  }
}

/**
 * Refuses a `defaultCountry` that is no region of the phone-number metadata (`XX`): the two-letter
 * shape is checked at once (`configure`), the region list only once the metadata has loaded.
 */
export function checkDefaultCountry(country: string): void {
  if (!zoneOfCountry(country)) {
    throw inputError('invalid-config', 'defaultCountry', `"${country.slice(0, 8)}" is not a country the phone knows: use a two-letter region code such as GB or US. National numbers are not dialled until it is fixed.`);
  }
}
