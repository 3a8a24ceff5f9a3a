import { CALL_BOX_PARTS } from '../call-box/call-box.parts.js';

/** The call box's parts as re-exported by the list (its `base` becomes `call-box-base`). */
export const CALL_LIST_PARTS = ['call-box', 'call-box-base', ...CALL_BOX_PARTS.filter((part) => part !== 'base')];
