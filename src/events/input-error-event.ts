import type { InputErrorCode } from '../phone/errors.js';
import { VcEvent } from './vc-event.js';

export interface InputErrorDetail {
  code: InputErrorCode;
  /** Words for a person. */
  message: string;
  /** Which input was refused (`to`, `context`, `route`, `server`...). */
  field: string;
}

/** Input was refused before anything was sent. */
export class VcInputErrorEvent extends VcEvent<InputErrorDetail> {
  static override readonly eventName = 'vc-input-error';
}
