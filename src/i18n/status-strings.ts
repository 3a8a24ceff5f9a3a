/**
 * The status pill's words: part of the one strings table (`strings.ts`), in their own module so
 * a page's first download (the place-call field) does not carry them; the pill loads later. Filled
 * in where `setStrings` has not set them already.
 */
import { strings, type VcStrings } from './strings.js';
import { statusDefaults } from './status-defaults.js';

for (const [key, value] of Object.entries(statusDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the status pill's words in it. */
export const statusStrings: VcStrings = strings;
