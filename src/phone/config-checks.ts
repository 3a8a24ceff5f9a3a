/**
 * Checks of the Phone's configuration that need no lazily loaded code, so `configure()` can
 * refuse at once and keep what it had: the JavaScript types of every setting, the credentials,
 * the status webhook, the ICE servers and the cap of finished calls. The server, aor and display
 * name are checked when a call needs them (their words name the fix; element attributes set them).
 * @internal
 */
import { inputError } from './errors.js';
import { checkCallOptionsShape, checkOptionalText, checkWebhookShape, describeValue, isPlainObject } from './input-shapes.js';
import type { PhoneConfig, SipCredentials, SipCredentialsSource, StatusWebhookConfig } from './types.js';
import { checkWebhookUrl } from './webhook-url.js';
import { checkCrmConfig } from './crm-config-checks.js';

/** Finished calls kept (and rendered) when the configuration does not say. */
export const DEFAULT_MAX_FINISHED_CALLS = 100;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_CREDENTIAL_LENGTH = 256;

const TEXT_SETTINGS = ['server', 'aor', 'displayName', 'disabledReason', 'numberDomain', 'storageKey', 'dtmf'] as const;

/**
 * sip.js writes the username raw between quotes in the Authorization header; the password is
 * only ever hashed. So: no line breaks or control characters in either, no quote or backslash in
 * the username.
 */
export function checkCredentials(auth: unknown): asserts auth is SipCredentials | SipCredentialsSource | undefined {
  // A source is called per call; what it returns is checked then.
  if (auth === undefined || typeof auth === 'function') return;
  if (!isPlainObject(auth) || typeof auth.username !== 'string' || typeof auth.password !== 'string') {
    throw inputError('invalid-config', 'auth', `SIP credentials need both a username and a password, as text (got ${describeValue(auth)}).`);
  }
  const { username, password } = auth;
  if (!username) throw inputError('invalid-config', 'auth', 'SIP credentials need both a username and a password.');
  if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
    throw inputError('invalid-config', 'auth', `The SIP username and password can be at most ${MAX_CREDENTIAL_LENGTH} characters each.`);
  }
  if (CONTROL.test(username) || /["\\]/.test(username)) {
    throw inputError('invalid-config', 'auth', 'The SIP username can\'t contain line breaks, control characters, quotes (") or backslashes (\\).');
  }
  if (CONTROL.test(password)) {
    throw inputError('invalid-config', 'auth', "The SIP password can't contain line breaks or other control characters.");
  }
}

/** The webhook's address and its Basic credentials (a `:` would split the username in two). */
export function checkStatusWebhook(webhook: unknown, field = 'statusWebhook'): asserts webhook is StatusWebhookConfig | undefined {
  checkWebhookShape(webhook, field);
  if (webhook === undefined) return;
  checkWebhookUrl(webhook.url);
  if (webhook.username?.includes(':')) {
    throw inputError('invalid-config', field, 'The status webhook username can\'t contain ":" (Basic authentication splits there).');
  }
  if (CONTROL.test(webhook.username ?? '') || CONTROL.test(webhook.password ?? '')) {
    throw inputError('invalid-config', field, "The status webhook username and password can't contain line breaks or control characters.");
  }
}

function checkIceServers(servers: unknown): void {
  if (servers === undefined) return;
  if (!Array.isArray(servers)) throw inputError('wrong-type', 'iceServers', `iceServers must be a list, not ${describeValue(servers)}.`);
  for (const server of servers) {
    if (!isPlainObject(server)) throw inputError('wrong-type', 'iceServers', `Each ICE server must be an object such as { urls: "stun:..." }, not ${describeValue(server)}.`);
    const urls: unknown[] = Array.isArray(server.urls) ? server.urls : [server.urls];
    for (const url of urls) {
      if (typeof url !== 'string' || !/^(?:stuns?|turns?):[^\s\p{Cc}]+$/u.test(url)) {
        throw inputError('invalid-config', 'iceServers', `"${String(url).slice(0, 60)}" is not an ICE server address (stun:, stuns:, turn: or turns:).`);
      }
      if (/^turns?:/.test(url) && (typeof server.username !== 'string' || typeof server.credential !== 'string')) {
        throw inputError('invalid-config', 'iceServers', `The TURN server ${url.slice(0, 60)} needs a username and a credential.`);
      }
    }
    checkOptionalText(server.username, 'iceServers', 'ICE server username');
    checkOptionalText(server.credential, 'iceServers', 'ICE server credential');
  }
}

/**
 * Checks the settings in `config` that are present (an absent or `undefined` one clears it).
 * Throws a PhoneInputError; changes nothing.
 */
export function checkConfig(config: unknown): asserts config is PhoneConfig {
  if (!isPlainObject(config)) throw inputError('wrong-type', 'config', `The configuration must be an object, not ${describeValue(config)}.`);
  for (const key of TEXT_SETTINGS) checkOptionalText(config[key], key, `${key} setting`);
  for (const key of ['enabled', 'autoHold', 'ringback'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'boolean') {
      throw inputError('wrong-type', key, `${key} must be true or false, not ${describeValue(config[key])}.`);
    }
  }
  if (config.numberToUri !== undefined && typeof config.numberToUri !== 'function') {
    throw inputError('wrong-type', 'numberToUri', `numberToUri must be a function, not ${describeValue(config.numberToUri)}.`);
  }
  const window = config.reconnectWindowMs;
  if (window !== undefined && (typeof window !== 'number' || !Number.isFinite(window) || window < 0 || window > 600_000)) {
    throw inputError('invalid-config', 'reconnectWindowMs', `reconnectWindowMs must be a number of milliseconds from 0 to 600000 (not ${describeValue(window)}).`);
  }
  const max = config.maxFinishedCalls;
  if (max !== undefined && !(typeof max === 'number' && Number.isSafeInteger(max) && max >= 0)) {
    throw inputError('invalid-config', 'maxFinishedCalls', `maxFinishedCalls must be a whole number, 0 or more (not ${describeValue(max)}).`);
  }
  checkCredentials(config.auth);
  checkStatusWebhook(config.statusWebhook);
  checkCrmConfig(config);
  if (config.defaults !== undefined) {
    checkCallOptionsShape(config.defaults, 'defaults');
    checkStatusWebhook((config.defaults as Record<string, unknown>).statusWebhook);
  }
  checkIceServers(config.iceServers);
  if (config.iceTransportPolicy !== undefined && config.iceTransportPolicy !== 'all' && config.iceTransportPolicy !== 'relay') {
    throw inputError('invalid-config', 'iceTransportPolicy', `iceTransportPolicy must be "all" or "relay", not ${describeValue(config.iceTransportPolicy)}.`);
  }
  const servers = (config.iceServers ?? []) as RTCIceServer[];
  if (config.iceTransportPolicy === 'relay' && !servers.some((server) => [server.urls].flat().some((url) => /^turns?:/i.test(String(url))))) {
    throw inputError('invalid-config', 'iceTransportPolicy', 'A relay-only policy needs a TURN server in iceServers (turn: or turns:).');
  }
}

/** The configuration as anyone may see it: no SIP credentials, no webhook password, no TURN credential. */
export function withoutCredentials(config: PhoneConfig): Readonly<Omit<PhoneConfig, 'auth'>> {
  const { auth: _auth, ...rest } = config;
  void _auth;
  const withoutPassword = (webhook?: StatusWebhookConfig) => webhook && { url: webhook.url, username: webhook.username };
  return {
    ...rest,
    ...(rest.statusWebhook ? { statusWebhook: withoutPassword(rest.statusWebhook) } : {}),
    ...(rest.defaults?.statusWebhook ? { defaults: { ...rest.defaults, statusWebhook: withoutPassword(rest.defaults.statusWebhook) } } : {}),
    ...(rest.iceServers ? { iceServers: rest.iceServers.map(({ credential: _credential, ...server }) => server) } : {}),
  };
}
