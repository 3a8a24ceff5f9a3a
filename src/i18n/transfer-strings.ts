/**
 * The transfer form's failure words joining the one strings table when the form loads (like
 * `call-box-strings.ts`), where `setStrings` has not set them already.
 */
import { strings, type VcStrings } from './strings.js';
import { transferDefaults } from './transfer-defaults.js';

for (const [key, value] of Object.entries(transferDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the transfer form's failure words in it. */
export const transferStrings: VcStrings = strings;
