/**
 * The words of the call boxes, the call list and the controls inside them: part of the one
 * strings table (`strings.ts`), kept in their own module so that a page's first download (the
 * place-call field) does not carry them. `callStrings` is the same table object as `strings`,
 * with these words filled in where `setStrings` has not set them already.
 */
import { strings, type VcStrings } from './strings.js';
import { callBoxDefaults } from './call-box-defaults.js';

for (const [key, value] of Object.entries(callBoxDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the call boxes' words in it. */
export const callStrings: VcStrings = strings;
