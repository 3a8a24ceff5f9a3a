/**
 * The words of the call history and the wrap-up joining the one strings table when those
 * elements load (like `call-box-strings.ts`), where `setStrings` has not set them already.
 */
import { strings, type VcStrings } from './strings.js';
import { crmLaterDefaults } from './crm-later-defaults.js';

for (const [key, value] of Object.entries(crmLaterDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the history's and wrap-up's words in it. */
export const crmStrings: VcStrings = strings;
