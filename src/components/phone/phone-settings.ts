/**
 * The Phone settings a page sets as attributes or properties of `<vc-phone>`, so nothing needs
 * to wait for `phoneReady`: they are applied when the (lazily loaded) phone arrives, and again
 * whenever they change. A refused value is reported by the phone (`vc-input-error`, in words)
 * and the others still apply.
 * @internal
 */
import type { ComplexAttributeConverter } from 'lit';
import type { Phone } from '../../phone/phone.js';
import type { PhoneConfig, StatusWebhookConfig } from '../../phone/types.js';

/** Element properties that are Phone settings of the same name. */
export const PHONE_SETTINGS = [
  'statusWebhook',
  'iceServers',
  'numberDomain',
  'defaultCountry',
  'fromNumbers',
  'allowAnonymous',
  'dispositions',
  'wrapUpSeconds',
  'maxHistory',
  'logLevel',
  'beforeDial',
  'logger',
] as const;

export type PhoneSetting = (typeof PHONE_SETTINGS)[number];

/** JSON (a list, an object) or, for a list, comma-separated text: `from-numbers="+44 20 7183 8750, +1 415 555 0100"`. */
export const jsonOrList: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    }
  },
};

/** JSON only (`ice-servers='[{"urls":"stun:stun.example.com"}]'`); anything else is kept as text, which the phone refuses in words. */
export const json: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
};

/** `confirm-close="false"` turns it off; any other value (or the bare attribute) on. */
export const onUnlessFalse: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim().toLowerCase() !== 'false'),
  toAttribute: (value: boolean | undefined) => (value === undefined ? null : String(value)),
};

/** The Phone config of one setting's value. */
function settingConfig(key: PhoneSetting, value: unknown): PhoneConfig {
  if (key === 'statusWebhook' && typeof value === 'string') return { statusWebhook: value.trim() ? { url: value.trim() } : undefined };
  if (key === 'statusWebhook') return { statusWebhook: value as StatusWebhookConfig | undefined };
  return { [key]: value };
}

/**
 * Applies the settings to the phone: all that are set (`changed` absent), or those that changed.
 * Each one on its own, so one refused value does not block the others.
 */
export function applySettings(phone: Phone, source: Partial<Record<PhoneSetting, unknown>>, changed?: ReadonlySet<PropertyKey> | Map<PropertyKey, unknown>): void {
  for (const key of PHONE_SETTINGS) {
    if (changed ? !changed.has(key) : source[key] === undefined) continue;
    try {
      phone.configure(settingConfig(key, source[key]));
    } catch {
      // The phone said why (vc-input-error); the setting keeps its previous value.
    }
  }
}
