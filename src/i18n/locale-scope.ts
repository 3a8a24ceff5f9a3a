/**
 * The locale an element is rendering in. Lit renders synchronously, so while one element
 * updates (`VcElement.performUpdate`), the strings table and the number/time formats answer in
 * that element's locale: the rendering code keeps reading `strings.key` and gets the element's
 * words, with no table to pass around. Outside an update it is English (and the browser's
 * formats), unless code asks for an element's locale with `inLocaleOf`.
 */
import type { LocaleStrings } from './locale-types.js';

export interface LocaleScope {
  /** The registered locale whose words are used (`'fr'` for `fr-CA`), `'en'` by default. */
  readonly tag: string;
  /** The language asked for (`lang`, `locale`), for number and time formats; undefined: none was asked. */
  readonly lang: string | undefined;
  /** Its table, once loaded (undefined: English). */
  readonly table: LocaleStrings | undefined;
  readonly dir: 'ltr' | 'rtl';
}

export const ENGLISH: LocaleScope = { tag: 'en', lang: undefined, table: undefined, dir: 'ltr' };

let current: LocaleScope = ENGLISH;

/** The scope of the element rendering now. */
export const currentScope = (): LocaleScope => current;

/** Runs `work` in `scope` (nested calls restore the outer one). */
export function inScope<T>(scope: LocaleScope, work: () => T): T {
  const outer = current;
  current = scope;
  try {
    return work();
  } finally {
    current = outer;
  }
}
