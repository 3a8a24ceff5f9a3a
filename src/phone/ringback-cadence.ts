/**
 * The ringback tone a caller expects to hear while the far end rings (ITU-T E.180 Supplement 2),
 * chosen by the country of the dialled number. Played locally when the network sends a 180
 * Ringing without audio of its own.
 * @internal
 */

/** Which family of tones a cadence belongs to (for tests and logs). */
export type RingbackRegion = 'uk' | 'north-america' | 'cept' | 'france' | 'japan';

export interface RingbackCadence {
  readonly region: RingbackRegion;
  /** Frequencies played together, in Hz. */
  readonly frequencies: readonly number[];
  /** Seconds on, off, on, off..., starting with on; the pattern repeats. */
  readonly pattern: readonly number[];
}

/** UK, Ireland, Australia, New Zealand: 400+450 Hz, 0.4 s on, 0.2 off, 0.4 on, 2 off. */
const UK: RingbackCadence = { region: 'uk', frequencies: [400, 450], pattern: [0.4, 0.2, 0.4, 2] };
/** North American Numbering Plan: 440+480 Hz, 2 s on, 4 off. */
const NORTH_AMERICA: RingbackCadence = { region: 'north-america', frequencies: [440, 480], pattern: [2, 4] };
/** CEPT (most of Europe) and the ITU's recommendation elsewhere: 425 Hz, 1 s on, 4 off. */
const CEPT: RingbackCadence = { region: 'cept', frequencies: [425], pattern: [1, 4] };
/** France: 440 Hz, 1.5 s on, 3.5 off. */
const FRANCE: RingbackCadence = { region: 'france', frequencies: [440], pattern: [1.5, 3.5] };
/** Japan: 400 Hz, 1 s on, 2 off. */
const JAPAN: RingbackCadence = { region: 'japan', frequencies: [400], pattern: [1, 2] };

const UK_LIKE = ['GB', 'GG', 'JE', 'IM', 'IE', 'AU', 'NZ'];
/** Countries and territories of +1. */
const NANP = ['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP', 'AG', 'AI', 'BS', 'BB', 'BM', 'VG', 'KY', 'DM', 'DO', 'GD', 'JM', 'MS', 'KN', 'LC', 'VC', 'SX', 'TT', 'TC'];

const BY_COUNTRY = new Map<string, RingbackCadence>([
  ...UK_LIKE.map((country) => [country, UK] as const),
  ...NANP.map((country) => [country, NORTH_AMERICA] as const),
  ['FR', FRANCE],
  ['JP', JAPAN],
]);

/**
 * The cadence for a dialled number's country (ISO 3166 alpha-2, as libphonenumber gives it);
 * the CEPT/ITU tone when the country is unknown (a `sip:` address) or has no entry.
 */
export function ringbackCadenceFor(country: string | undefined): RingbackCadence {
  return (country && BY_COUNTRY.get(country.toUpperCase())) || CEPT;
}

/** One period of the cadence, in seconds. */
export function cadencePeriod(cadence: RingbackCadence): number {
  return cadence.pattern.reduce((sum, seconds) => sum + seconds, 0);
}

/** Whether the tone sounds `t` seconds after it started. */
export function toneOnAt(cadence: RingbackCadence, t: number): boolean {
  let at = t % cadencePeriod(cadence);
  for (let i = 0; i < cadence.pattern.length; i++) {
    if (at < cadence.pattern[i]) return i % 2 === 0;
    at -= cadence.pattern[i];
  }
  return false;
}
