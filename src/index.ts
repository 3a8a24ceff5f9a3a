/**
 * vc-phone: outbound calling from any web page. This entry is free of side effects: it exports
 * the `Phone` controller, the events, the types and the element classes, and defines no custom
 * element (import `vc-phone/vc-phone.js`, or a component's `vc-*.js`, for that).
 */
export * from './phone/index.js';
export * from './events/index.js';
export * from './components/index.js';
