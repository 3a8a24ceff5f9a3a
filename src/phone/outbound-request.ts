/**
 * From the Phone's configuration and what the agent typed to a request that is safe to put on
 * the wire: the account checks, the number-to-URI mapping, the per-call options merged with the
 * defaults, and the header lines. Part of the lazily loaded dialing chunk; throws a
 * `PhoneInputError` for anything refused.
 * @internal
 */
import { checkConfig } from './config-checks.js';
import type { EngineConfig, OutboundRequest } from './engine.js';
import { inputError } from './errors.js';
import {
  assertedIdentityHeader,
  checkAddedHeadersSize,
  checkIdentityUri,
  contextHeaders,
  escapeDisplayName,
  extraHeaders,
  normaliseIdentity,
  routeHeaders,
} from './headers.js';
import { checkServerUrl } from './server-url.js';
import { ANONYMOUS } from './caller-ids.js';
import { withCountryCode } from './national-number.js';
import { checkHostPort } from './sip-uri.js';
import { numberAtDomain, parseInternationalNumber, parseSipUri, parseTarget } from './targets.js';
import type { CallOptions, CallTarget, PhoneConfig } from './types.js';

/** Like Twilio's: long enough for a Wi-Fi hand-over, short enough that nobody talks to silence for long. */
const DEFAULT_RECONNECT_WINDOW_MS = 30_000;

/** Checks the account settings a call needs (server, aor, display name, credentials). */
export function checkAccount(config: PhoneConfig): void {
  // Types, credentials, webhook: a configuration given to the constructor was not checked yet.
  checkConfig(config);
  checkServerUrl(config.server);
  if (!config.aor) throw inputError('missing-config', 'aor', "No SIP address (aor) is configured for the agent, e.g. sip:agent@example.com.");
  parseSipUri(config.aor, 'aor', "agent's SIP address");
  if (config.displayName) escapeDisplayName(config.displayName, 'displayName');
  if (config.dtmf !== undefined && config.dtmf !== 'rfc4733' && config.dtmf !== 'info') {
    throw inputError('invalid-config', 'dtmf', `"${String(config.dtmf).slice(0, 40)}" is not a DTMF method: use rfc4733 (in the audio) or info (SIP INFO).`);
  }
}

/** What the signalling engine needs of a checked account. */
export function engineConfig(config: PhoneConfig): EngineConfig {
  checkAccount(config);
  const { server, aor, displayName, auth, iceServers, iceTransportPolicy, reconnectWindowMs } = config;
  return {
    server: checkServerUrl(server),
    aor: aor as string,
    displayName: displayName === undefined ? undefined : escapeDisplayName(displayName, 'displayName'),
    auth,
    iceServers: iceServers ?? [],
    iceTransportPolicy: iceTransportPolicy ?? 'all',
    reconnectWindowMs: reconnectWindowMs ?? DEFAULT_RECONNECT_WINDOW_MS,
  };
}

function aorDomain(config: PhoneConfig): string {
  return (config.aor ?? '').replace(/^sips?:/i, '').replace(/^[^@]*@/, '').split(/[;?]/)[0];
}

/** Parses what the agent dials; numbers are addressed as the configuration says. */
export function resolveTarget(to: string, config: PhoneConfig): CallTarget {
  return parseTarget(withCountryCode(to, config.defaultCountry), (e164) => {
    if (config.numberToUri) return config.numberToUri(e164);
    if (config.numberDomain !== undefined) {
      // Checked here, with its own name: the combined URI's words would blame numberToUri.
      checkHostPort(config.numberDomain, 'numberDomain', 'numberDomain setting', 'invalid-config');
      return numberAtDomain(e164, config.numberDomain);
    }
    const domain = aorDomain(config);
    if (!domain) {
      // Without it the combined URI's words would blame numberToUri, which the page never set.
      throw inputError(
        'missing-config',
        'aor',
        "Numbers can't be dialled: the phone has no SIP address (aor, e.g. sip:agent@example.com) to take their domain from. Set aor, or number-domain for the numbers' domain.",
      );
    }
    return numberAtDomain(e164, domain);
  });
}

/** A call's own context and headers add to the defaults (and win on the same name). */
export function withDefaults(defaults: PhoneConfig['defaults'] = {}, options: CallOptions): CallOptions {
  return {
    ...defaults,
    ...options,
    context: defaults.context || options.context ? { ...defaults.context, ...options.context } : undefined,
    headers: defaults.headers || options.headers ? { ...defaults.headers, ...options.headers } : undefined,
  };
}

/** Turns validated options into header lines; throws PhoneInputError on anything unsafe. */
export function buildRequest(target: CallTarget, options: CallOptions, config: PhoneConfig): OutboundRequest {
  const headers: string[] = [...routeHeaders(options.route), ...contextHeaders(options.context), ...extraHeaders(options.headers)];
  if (options.from === ANONYMOUS) {
    // Withheld caller ID: an anonymous From (RFC 3323 section 4.1.1.3) and `Privacy: id` (RFC 3325),
    // so the proxy strips the identity it asserts for the account; no P-Asserted-Identity of ours.
    headers.push('Privacy: id');
    checkAddedHeadersSize(headers);
    return { uri: target.uri, fromUri: 'sip:anonymous@anonymous.invalid', fromDisplayName: 'Anonymous', extraHeaders: headers, dtmf: config.dtmf ?? 'rfc4733' };
  }
  const identity = normaliseIdentity(options.from);
  let fromUri: string | undefined;
  if (identity?.uri) {
    fromUri = /^(sips?|tel):/i.test(identity.uri) ? checkIdentityUri(identity.uri) : undefined;
    if (fromUri?.startsWith('tel:') || fromUri === undefined) {
      // A number (or tel: URI) as identity: the SIP stack needs a SIP URI, at the account's domain.
      try {
        const number = parseInternationalNumber(identity.uri.replace(/^tel:/i, ''), 'from');
        fromUri = `sip:${number.e164}@${aorDomain(config)};user=phone`;
      } catch (error) {
        throw inputError('invalid-identity', 'from', `Calling identity: ${(error as Error).message}`);
      }
    }
  }
  const displayName = identity?.displayName ?? config.displayName;
  if (identity) headers.push(assertedIdentityHeader(identity, fromUri ?? (config.aor as string)));
  checkAddedHeadersSize(headers);
  return {
    uri: target.uri,
    fromUri,
    fromDisplayName: displayName === undefined ? undefined : escapeDisplayName(displayName, identity?.displayName ? 'from' : 'displayName'),
    extraHeaders: headers,
    dtmf: config.dtmf ?? 'rfc4733',
  };
}
