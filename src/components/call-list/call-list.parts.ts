import { CALL_BOX_PARTS } from '../call-box/call-box.parts.js';

/** The list's own parts, and its boxes' parts as it re-exports them (a box's `base` becomes `call-box-base`). */
export const CALL_LIST_PARTS = [
  'live',
  'recent',
  'recent-heading',
  'clear-all-button',
  'recent-row',
  'recent-party',
  'recent-status',
  'recent-time',
  'call-again-button',
  'recent-remove-button',
  'show-more-button',
  'call-box',
  'call-box-base',
  ...CALL_BOX_PARTS.filter((part) => part !== 'base'),
];
