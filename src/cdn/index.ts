/**
 * The CDN's API entry, `cdn/index.js`: the `Phone` controller, its events and types, with no
 * element (and no Lit). sip.js and the phone-number metadata stay lazy, as in the npm package.
 */
export * from '../phone/index.js';
export * from '../events/index.js';
