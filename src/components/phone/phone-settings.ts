/**
 * The attribute converters of the Phone settings a page sets on `<vc-phone>` (`from-numbers`,
 * `ice-servers`, `confirm-close`...). Applying the settings to the phone is `phone-wiring.ts`,
 * loaded with the phone.
 * @internal
 */
import type { ComplexAttributeConverter } from 'lit';

/** A converter: the attribute's JSON, else `fallback` of its text. */
const jsonElse = (fallback: (text: string) => unknown): ComplexAttributeConverter<unknown> => ({
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return fallback(value);
    }
  },
});

/**
 * JSON (`ice-servers='[{"urls":"stun:stun.example.com"}]'`, `wrap-up-seconds="90"`); anything else
 * is kept as text: the wiring reads a comma list (`from-numbers="+44 20 7183 8750, +1 415 555 0100"`),
 * refuses text that starts like JSON (`[`, `{`) but is not, and the phone refuses the rest in words
 * (`wrap-up-seconds="soon"`).
 */
export const json = jsonElse((text) => text);

/** `confirm-close="false"` turns it off; any other value (or the bare attribute) on. (Not reflected: no `toAttribute`.) */
export const onUnlessFalse: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim().toLowerCase() !== 'false'),
};
