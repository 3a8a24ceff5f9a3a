import type { Phone } from '../../phone/phone.js';

/**
 * Reformats a number field as the agent types (`+442079` → `+44 20 79`), but only while the
 * caret is at the end, never under the agent's cursor; `done` gets the new text. Shared by the
 * place-call field and the transfer field so both format the same way.
 */
export function formatAsTyped(phone: Phone | undefined, input: HTMLInputElement, done: (formatted: string) => void): void {
  const raw = input.value;
  if (!phone || input.selectionStart !== raw.length || input.selectionEnd !== raw.length) return;
  void phone.formatAsTyped(raw).then(
    (formatted) => {
      // Stale: the agent typed on (or moved the caret) meanwhile.
      if (input.value !== raw || formatted === raw || input.selectionStart !== raw.length) return;
      input.value = formatted;
      input.setSelectionRange(formatted.length, formatted.length);
      done(formatted);
    },
    () => undefined,
  );
}
