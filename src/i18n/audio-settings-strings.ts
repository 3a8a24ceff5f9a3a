/**
 * The audio settings' words: part of the one strings table (`strings.ts`), in their own module so
 * a page's first download does not carry them. Filled in where `setStrings` has not set them.
 */
import { strings, type VcStrings } from './strings.js';
import { audioSettingsDefaults } from './audio-settings-defaults.js';

for (const [key, value] of Object.entries(audioSettingsDefaults)) {
  const table = strings as unknown as Record<string, unknown>;
  if (!(key in table)) table[key] = value;
}

/** The strings table, with the audio settings' words in it. */
export const audioStrings: VcStrings = strings;
