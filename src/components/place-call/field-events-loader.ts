/**
 * How `<vc-place-call>` reaches its event classes (field-events.ts): not in the first paint, they
 * come in a chunk of their own. Taken as soon as the agent focuses the field, so the click on
 * "Call" does not wait on an import.
 * @internal
 */
import type { VcCallRequestEvent } from '../../events/call-request-event.js';

/** The class of the field's `vc-call-request` event, once loaded. */
export let RequestEvent: typeof VcCallRequestEvent | undefined;

export const loadFieldEvents = () => import('./field-events.js');

export const loadRequestEvent = () => loadFieldEvents().then((module) => (RequestEvent = module.VcCallRequestEvent));
