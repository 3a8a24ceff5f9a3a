/**
 * The Phone settings a page sets on `<vc-phone>`, as attributes or properties: the server and
 * account, policies, lists and logging. Declared here, applied to the phone by the wiring
 * (phone-wiring.ts, loaded with the phone); `VcPhone` (phone-element.ts) is the element itself.
 * @internal
 */
import type { PropertyDeclarations } from 'lit';
import { VcElement } from '../../internal/vc-element.js';
import type { BeforeDialHook, CallerIdentity, DtmfMode, LogLevel, PhoneLogger, StatusWebhookConfig } from '../../phone/types.js';
import { json, onUnlessFalse } from './phone-settings.js';

/** The settings of `<vc-phone>` (its base class: the manifest lists them on the element, inherited from here). */
export class VcPhoneSettings extends VcElement {
  /** Reactive properties and their attributes (not decorators: no decorator code in the first paint's chunk); the element's internal state is declared under `VcPhone`. */
  static override properties: PropertyDeclarations = {
    server: {},
    aor: {},
    displayName: { attribute: 'display-name' },
    dtmf: {},
    storageKey: { attribute: 'storage-key' },
    disabled: { type: Boolean, reflect: true },
    disabledReason: { attribute: 'disabled-reason' },
    ringback: {},
    silent: { type: Boolean, reflect: true },
    theme: { reflect: true },
    clickToDial: { type: Boolean, reflect: true, attribute: 'click-to-dial' },
    value: {},
    statusWebhook: { attribute: 'status-webhook' },
    iceServers: { attribute: 'ice-servers', converter: json },
    numberDomain: { attribute: 'number-domain' },
    defaultCountry: { attribute: 'default-country' },
    fromNumbers: { attribute: 'from-numbers', converter: json },
    allowAnonymous: { type: Boolean, attribute: 'allow-anonymous' },
    dispositions: { converter: json },
    wrapUpSeconds: { attribute: 'wrap-up-seconds', converter: json }, // text ("soon") stays text, for the refusal to quote
    maxHistory: { attribute: 'max-history', converter: json },
    logLevel: { attribute: 'log-level' },
    logger: { attribute: false },
    beforeDial: { attribute: false },
    confirmClose: { attribute: 'confirm-close', converter: onUnlessFalse },
  };

  /** SIP-over-WebSocket server (`wss://...`; `ws://` only for localhost). */
  server?: string;

  /** The agent's SIP address of record, e.g. `sip:agent@example.com`. */
  aor?: string;

  /** The agent's display name, shown to the far end. */
  displayName?: string;

  /** DTMF method: `rfc4733` (default, in the media) or `info` (SIP INFO). */
  dtmf?: DtmfMode;

  /** Namespace of what is remembered across reloads; read when the element creates its phone. */
  storageKey?: string;

  /** Outbound calling switched off (the elements are disabled and say why). */
  disabled?: boolean;

  /** Why calling is switched off, shown to the agent. */
  disabledReason?: string;

  /**
   * The local ringback tone while the far end rings without audio of its own: `on` (default) or
   * `off` (`ringback="off"`). Early media from the far end always plays.
   */
  ringback?: 'on' | 'off';

  /** No local key tones on the dialpads. */
  silent?: boolean;

  /** Colour scheme: `light` or `dark` forces one; unset (or `auto`) follows the system. */
  theme?: 'light' | 'dark' | 'auto';

  /** Plain clicks on the page's `tel:` and `sip:` links dial them (modifier-clicks keep the browser's default). */
  clickToDial = false;

  /** Prefills the number field ("click to call" from a CRM record); `open()` shows it. */
  value?: string;

  /** Status webhook: its URL as an attribute, or `{ url, username, password }` as a property (the password never as an attribute). */
  statusWebhook?: string | StatusWebhookConfig;

  /** ICE servers (JSON attribute): `ice-servers='[{"urls":"stun:stun.example.com:3478"}]'`. */
  iceServers?: RTCIceServer[];

  /** Domain of the Request-URI for dialled numbers (default: the aor's domain). */
  numberDomain?: string;

  /** Country (e.g. `GB`) whose national numbers may be dialled without the country code; off unless set. */
  defaultCountry?: string;

  /** Caller IDs the agent may use (a list, or as text a JSON list or comma-separated); with more than one the field shows a picker. */
  fromNumbers?: (string | CallerIdentity)[] | string;

  /** The agent may withhold the caller ID ("Withheld" in the picker). */
  allowAnonymous?: boolean;

  /** Disposition codes for the wrap-up after each call (JSON list or comma-separated); setting them turns the wrap-up on. */
  dispositions?: string[] | string;

  /** Seconds for the wrap-up; when they run out what was entered is saved. */
  wrapUpSeconds?: number;

  /** How many entries the call history keeps (default 200). */
  maxHistory?: number;

  /** `debug`, `info`, `warn` (default), `error` or `off`: the phone's and sip.js's log. */
  logLevel?: LogLevel;

  /** Where log lines go (default the console). Property only; secrets never reach it. */
  logger?: PhoneLogger;

  /** The CRM's pre-dial policy. Property only. */
  beforeDial?: BeforeDialHook;

  /** Ask before the close X hangs up a live call: `confirm-close="false"` turns it off (the agent's choice is remembered). */
  confirmClose?: boolean;
}
