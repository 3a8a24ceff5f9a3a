/**
 * Everything needed to check what the agent dials and to build the INVITE, in one module loaded
 * on first need together with the phone-number metadata: none of it is needed to paint the
 * elements, all of it is needed the moment the agent types a number.
 * @internal
 */
export { formatAsTyped } from './targets.js';
export { loadNumberZonesFor } from './number-metadata.js';
export { checkDefaultCountry } from './national-number.js';
export { buildRequest, checkAccount, engineConfig, resolveTarget, withDefaults } from './outbound-request.js';
