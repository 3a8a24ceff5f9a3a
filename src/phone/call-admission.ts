/**
 * What a call goes through before anything is sent: the arguments and the account checked, the
 * defaults and the caller id applied, the target resolved, the request and the webhook checked,
 * then the page's `vc-call-request` and the CRM's `beforeDial` asked. Refusals throw a
 * `PhoneInputError`; the phone announces them. A transfer target goes through the same checks.
 * @internal
 */
import { VcCallRequestEvent } from '../events/user-events.js';
import { askBeforeDial } from './before-dial.js';
import { checkColorName } from './call.js';
import { chooseCallerId } from './caller-ids.js';
import { checkStatusWebhook } from './config-checks.js';
import type { OutboundRequest } from './engine.js';
import { inputError } from './errors.js';
import { checkCallArguments } from './input-shapes.js';
import { loadDialing } from './lazy-modules.js';
import { randomHex } from './random-hex.js';
import type { CallOptions, CallTarget, PhoneConfig, PhoneLogger, StatusWebhookConfig } from './types.js';

/**
 * The mark request-asked.ts puts on call options whose `vc-call-request` an element already
 * dispatched. The same global key, not an import: the CDN's element entry and its API entry would
 * otherwise share a chunk of a few bytes, one more file before the first paint.
 */
const REQUEST_ASKED = Symbol.for('vc-phone.request-asked');

/** What admitting a call needs of its phone: whether calling is on, its log, where `vc-call-request` is dispatched. */
export interface CallDesk {
  readonly enabled: boolean;
  readonly disabledReason: string;
  readonly log: PhoneLogger;
  dispatchEvent(event: Event): boolean;
}

/** A call that passed every check: what to dial, with the options as the defaults completed them. */
export interface AdmittedCall {
  target: CallTarget;
  request: OutboundRequest;
  options: CallOptions;
  webhook: StatusWebhookConfig | undefined;
}

/** Random id for calls. */
export const newCallId = (): string => randomHex(16);

/** Checks a call to `to` and builds its request; throws a `PhoneInputError` for anything refused. */
export async function admitCall(to: string, options: CallOptions, config: PhoneConfig, desk: CallDesk): Promise<AdmittedCall> {
  const asked = typeof options === 'object' && options !== null && (options as { [REQUEST_ASKED]?: boolean })[REQUEST_ASKED] === true;
  checkCallArguments(to, options);
  if (!desk.enabled) throw inputError('disabled', 'enabled', desk.disabledReason);
  const dialing = await loadDialing(to, options, config);
  dialing.checkAccount(config);
  const merged = dialing.withDefaults(config.defaults, options);
  merged.from = chooseCallerId(merged.from, config);
  const target = dialing.resolveTarget(to, config);
  const request = dialing.buildRequest(target, merged, config);
  request.ringback = config.ringback === false ? false : { country: target.country };
  const webhook = merged.statusWebhook ?? config.statusWebhook;
  checkStatusWebhook(webhook);
  if (merged.color !== undefined) checkColorName(merged.color);
  const { label, record, from } = merged;
  const asking = { to, target, ...(label !== undefined ? { label } : {}), ...(record !== undefined ? { record } : {}), ...(from !== undefined ? { from } : {}) };
  if (!asked) {
    const requested = new VcCallRequestEvent(asking);
    desk.dispatchEvent(requested);
    if (requested.defaultPrevented) {
      desk.log('info', `call to ${target.display} cancelled by a vc-call-request listener`);
      throw inputError('call-request-cancelled', 'to', 'The call was cancelled by the page before it was placed.');
    }
  }
  await askBeforeDial(config.beforeDial, asking, config.beforeDialTimeoutMs);
  return { target, request, options: merged, webhook };
}

/**
 * The checks a call's transfer target goes through: the same as `call()`'s, the CRM's
 * `beforeDial` policy included (a do-not-call list applies to where a call is sent too).
 */
export async function checkTransferTarget(to: string, config: PhoneConfig): Promise<CallTarget> {
  checkCallArguments(to, {});
  const dialing = await loadDialing(to, config);
  dialing.checkAccount(config);
  const target = dialing.resolveTarget(to, config);
  await askBeforeDial(config.beforeDial, { to, target }, config.beforeDialTimeoutMs);
  return target;
}
