/**
 * The pre-call check's words joining the one strings table when a report is first shown (like
 * `call-box-strings.ts`), where `setStrings` has not set them already.
 */
import { strings, type VcStrings } from './strings.js';
import { checkDefaults } from './check-defaults.js';

for (const [key, value] of Object.entries(checkDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the pre-call check's words in it. */
export const checkStrings: VcStrings = strings;
