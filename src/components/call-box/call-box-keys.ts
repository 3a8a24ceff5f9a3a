/** The call box's keyboard: digits to the dialpad, and its shortcuts (scoped to the box). */

const DTMF_KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);

/** Shortcut letters and what they do; documented in the README and on the box's buttons (`aria-keyshortcuts`). */
export const SHORTCUTS = { m: 'mute', h: 'hold', k: 'keypad' } as const;
export type ShortcutAction = (typeof SHORTCUTS)[keyof typeof SHORTCUTS] | 'dtmf' | 'escape';

/** Typing here is text entry, not a DTMF key or a shortcut. */
export function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
}

/** What a key press in the box means, if anything (modified keys, repeats and text entry mean nothing). */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTextEntry(event.composedPath()[0])) return undefined;
  if (DTMF_KEYS.has(event.key)) return 'dtmf';
  if (event.key === 'Escape') return 'escape';
  return SHORTCUTS[event.key.toLowerCase() as keyof typeof SHORTCUTS];
}
