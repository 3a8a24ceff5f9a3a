/**
 * Colour tags are names (`blue`, `amber`), so their meaning is never colour alone.
 */
import { inputError } from './errors.js';

const COLOR_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Colour tags are names (`blue`, `amber`), so their meaning is never colour alone. */
export function checkColorName(color: string): void {
  if (!COLOR_NAME.test(color)) {
    throw inputError('invalid-config', 'color', `"${color.slice(0, 40)}" is not a colour name (lower-case letters, digits and dashes).`);
  }
}
