/**
 * What `<vc-phone>` does with a phone once there is one: the configuration its attributes
 * describe, the Phone settings set as attributes or properties (applied when the phone arrives
 * and again whenever they change), and the forwarding of the phone's events into the DOM.
 *
 * None of it is needed before a phone exists, so it is not in the first paint's chunk: the CDN
 * build carries it with the phone code (`cdn/index.js` imports it), the npm build with the
 * element (`vc-phone.js`). When it runs it puts itself under a global key, where `<vc-phone>` finds it.
 * @internal
 */
import type { PropertyValues } from 'lit';
import type { Phone } from '../../phone/phone.js';
import type { PhoneConfig, StatusWebhookConfig } from '../../phone/types.js';
import type { VcPhone } from './phone-element.js';
import { linkRequest } from './link-request.js';
import { PhoneEventForwarder } from './phone-event-forwarder.js';
import { checkTheme, refuseSetting } from './setting-refusals.js';

/** Attribute-backed properties and the config key each one sets. */
const CONFIG_PROPERTIES = ['server', 'aor', 'displayName', 'dtmf', 'disabled', 'disabledReason', 'ringback'] as const;

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

type Changed = PropertyValues<VcPhone>;

/** The Phone config of one setting's value. */
function settingConfig(key: PhoneSetting, value: unknown): PhoneConfig {
  if (key === 'statusWebhook' && typeof value === 'string') return { statusWebhook: value.trim() ? { url: value.trim() } : undefined };
  if (key === 'statusWebhook') return { statusWebhook: value as StatusWebhookConfig | undefined };
  return { [key]: value };
}

/** Settings whose attribute is JSON (phone-settings.ts); the lists also take comma-separated text. */
const JSON_SETTINGS: readonly PhoneSetting[] = ['iceServers', 'fromNumbers', 'dispositions', 'wrapUpSeconds', 'maxHistory'];
const LISTS: readonly PhoneSetting[] = ['fromNumbers', 'dispositions'];
const BAD_JSON = Symbol('bad JSON');

/**
 * The value a setting gives the phone: a list's comma-separated text as a list; text that starts
 * like JSON (`dispositions='["A",'`) but is not is `BAD_JSON` (never a list with `["A"` in it).
 */
function settingValue(key: PhoneSetting, value: unknown): unknown {
  if (typeof value !== 'string' || !JSON_SETTINGS.includes(key)) return value;
  if (/^\s*[[{]/.test(value)) return BAD_JSON;
  return LISTS.includes(key) ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
}

/** The value of each setting last handed to a phone. */
const applied = new WeakMap<Phone, Map<PhoneSetting, unknown>>();

/**
 * Applies the settings to the phone: all that are set (`changed` absent), or those that changed.
 * Each one on its own, so one refused value (the phone says why, in `vc-input-error`) does not
 * block the others.
 */
export function applySettings(phone: Phone, source: Partial<Record<PhoneSetting, unknown>>, changed?: ReadonlySet<PropertyKey> | Map<PropertyKey, unknown>): void {
  let given = applied.get(phone);
  if (!given) applied.set(phone, (given = new Map<PhoneSetting, unknown>()));
  for (const key of PHONE_SETTINGS) {
    if (changed ? !changed.has(key) : source[key] === undefined) continue;
    // The same value again (the phone arrived, then the first update): once, so a refusal is said
    // once; not remembered while the element is off the page, where no listener hears a refusal.
    if (given.has(key) && Object.is(given.get(key), source[key])) continue;
    if (!(source instanceof Node) || source.isConnected) given.set(key, source[key]);
    const value = settingValue(key, source[key]);
    if (value === BAD_JSON) {
      // Said from the element (the phone never saw it); the setting keeps its previous value.
      if (source instanceof EventTarget) refuseSetting(source, key, 'badJson');
      continue;
    }
    try {
      phone.configure(settingConfig(key, value));
    } catch {
      // The phone said why (vc-input-error); the setting keeps its previous value.
    }
  }
}

/**
 * The configuration the attributes describe: everything (`all`), or what `changed` names; for a
 * phone given from outside (`owns` false), only attributes that are set.
 */
function configOf(el: VcPhone, owns: boolean, all: boolean, changed?: Changed): PhoneConfig {
  const config: PhoneConfig = {};
  const wanted = (key: (typeof CONFIG_PROPERTIES)[number]) => (all || changed?.has(key)) && (owns || el[key] !== undefined);
  if (wanted('server')) config.server = el.server;
  if (wanted('aor')) config.aor = el.aor;
  if (wanted('displayName')) config.displayName = el.displayName;
  if (wanted('dtmf')) config.dtmf = el.dtmf;
  if (wanted('disabled')) config.enabled = !el.disabled;
  if (wanted('disabledReason')) config.disabledReason = el.disabledReason;
  // Read when the phone is made: it finds the agent's own history (kept per aor) and log at once.
  if (all && typeof el.maxHistory === 'number') config.maxHistory = el.maxHistory; // text: refused in words by applySettings
  if (wanted('ringback')) config.ringback = el.ringback !== 'off';
  if (all && el.storageKey) config.storageKey = el.storageKey;
  if (all && el.auth) config.auth = el.auth;
  return config;
}

/** Applies the attributes to the phone; a phone given from outside keeps what no attribute says. */
function configure(el: VcPhone, phone: Phone, owns: boolean, all: boolean, changed?: Changed): void {
  const config = configOf(el, owns, all, changed);
  if (!all && !owns) {
    for (const key of Object.keys(config) as (keyof PhoneConfig)[]) if (config[key] === undefined) delete config[key];
  }
  if (Object.keys(config).length) phone.configure(config);
}

/** Each element's forwarder of its phone's events into the DOM (made with its first phone). */
const forwarders = new WeakMap<VcPhone, PhoneEventForwarder>();

/** The settings set on the element (before its phone arrived, or for a phone given from outside). */
function applyOwnSettings(el: VcPhone, phone: Phone): void {
  checkTheme(el);
  applySettings(phone, el);
  if (el.confirmClose !== undefined) phone.confirmClose = el.confirmClose;
}

export const wiring = {
  /** The config a phone the element makes for itself is made with: what its attributes say (the phone's defaults for the rest). */
  config: (el: VcPhone): PhoneConfig => configOf(el, false, true),

  /** A phone arrived: made by the element (`owns`: made from its attributes) or given as `.phone`. */
  attach(el: VcPhone, phone: Phone, owns: boolean): void {
    // Forwarding first: a setting the phone refuses is said in the page (vc-input-error).
    let forwarder = forwarders.get(el);
    if (!forwarder) forwarders.set(el, (forwarder = new PhoneEventForwarder(el, () => el.phone)));
    forwarder.follow();
    if (!owns) configure(el, phone, false, true);
    applyOwnSettings(el, phone);
  },

  /** Attributes or properties changed: what they say goes to the phone. */
  update(el: VcPhone, phone: Phone, owns: boolean, changed: Changed): void {
    if (changed.has('theme')) checkTheme(el);
    if (CONFIG_PROPERTIES.some((key) => changed.has(key))) configure(el, phone, owns, false, changed);
    if (PHONE_SETTINGS.some((key) => changed.has(key))) applySettings(phone, el, changed);
    if (changed.has('confirmClose') && el.confirmClose !== undefined) phone.confirmClose = el.confirmClose;
    // The element shows <vc-wrap-up> (the CDN build loads it now, long before a call ends).
    if (phone.wrapUpEnabled) void (el.constructor as typeof VcPhone).needTag?.('vc-wrap-up').catch(() => undefined);
  },

  /** The phone in use changed (or went): the element's forwarder, if it has one, follows it. */
  follow(el: VcPhone): void {
    forwarders.get(el)?.follow();
  },

  /** Credentials written as an attribute (removed by the element at once): said in words, never echoed. */
  refuseAuthAttribute(el: VcPhone): void {
    refuseSetting(el, 'auth', 'authAttribute');
  },

  /** A click-to-dial link was clicked (`link`: a copy, as clicked): it is dialled through the field, placed once the phone is there. */
  dialLink(el: VcPhone, link: Element): Promise<unknown> {
    const { to, options } = linkRequest(link);
    return el.call(to, options);
  },

  /** After dialling: focus goes to the new call's box. */
  focusCall(el: VcPhone, callId: string): Promise<void> {
    const list = el.renderRoot.querySelector('vc-call-list');
    return list?.focusCall ? list.focusCall(callId) : Promise.resolve();
  },

  /** The last box or row went: focus "Place call" rather than losing it to the page. */
  keepFocus(el: VcPhone): void {
    requestAnimationFrame(() => {
      const inside = el.renderRoot.querySelector('vc-call-list')?.shadowRoot?.activeElement;
      if (!inside && (el.shadowRoot?.activeElement ?? null) === null) el.renderRoot.querySelector('vc-place-call')?.focus();
    });
  },
};

export type PhoneWiring = typeof wiring;

// The key <vc-phone> reads (phone-wiring-loader.ts); v2: the shape of `wiring` (change both together).
(globalThis as unknown as Record<symbol, PhoneWiring>)[Symbol.for('vc-phone:phone-wiring:v2')] = wiring;
