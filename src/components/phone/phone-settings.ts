/**
 * The attribute converters of the Phone settings a page sets on `<vc-phone>` (`from-numbers`,
 * `ice-servers`, `confirm-close`...). Applying the settings to the phone is `phone-wiring.ts`,
 * loaded with the phone.
 * @internal
 */
import type { ComplexAttributeConverter } from 'lit';

/**
 * An attribute that starts like JSON (`[` or `{`) but is not valid JSON (`dispositions='["A",'`):
 * never read as a comma list (that would make `["A"` a disposition); the wiring refuses it in
 * words (`vc-input-error`) and the setting keeps its previous value.
 */
export class BadJsonSetting {
  readonly badJson = true;
}

/** A converter: the attribute's JSON, else `fallback` of its text (text that starts like JSON must be JSON). */
const jsonElse = (fallback: (text: string) => unknown): ComplexAttributeConverter<unknown> => ({
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return /^\s*[[{]/.test(value) ? new BadJsonSetting() : fallback(value);
    }
  },
});

/** A number (`wrap-up-seconds="90"`), else the text as given, so the phone's refusal can say what it was (`"soon"`, not NaN). */
export const numberOrText: ComplexAttributeConverter<unknown> = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value),
};

/** JSON (a list, an object) or, for a list, comma-separated text: `from-numbers="+44 20 7183 8750, +1 415 555 0100"`. */
export const jsonOrList = jsonElse((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** JSON only (`ice-servers='[{"urls":"stun:stun.example.com"}]'`); anything else is kept as text, which the phone refuses in words. */
export const json = jsonElse((text) => text);

/** `confirm-close="false"` turns it off; any other value (or the bare attribute) on. (Not reflected: no `toAttribute`.) */
export const onUnlessFalse: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim().toLowerCase() !== 'false'),
};
