/** Machine-readable codes of input the phone refuses before anything is sent. */
export type InputErrorCode =
  | 'empty'
  | 'too-long'
  | 'control-characters'
  | 'letters'
  | 'invalid-characters'
  | 'national-format'
  | 'unknown-country'
  | 'too-short'
  | 'too-long-number'
  | 'invalid-number'
  | 'unsupported-scheme'
  | 'invalid-sip-uri'
  | 'invalid-tel-uri'
  /** A `tel:` address with an extension (`;ext=`): it can't be dialled; call the number and use the keypad. */
  | 'tel-extension'
  /** A `tel:` address with a parameter that can't be carried (`;isub=`...; `phone-context` is allowed). */
  | 'tel-parameter'
  | 'invalid-header-name'
  | 'invalid-header-value'
  | 'forbidden-header'
  | 'invalid-route'
  | 'invalid-identity'
  | 'invalid-dtmf'
  | 'insecure-server'
  | 'invalid-server'
  | 'missing-config'
  | 'invalid-config'
  | 'disabled'
  /** No microphone or output with that id is listed (`phone.audio.useMicrophone` / `useSpeaker`). */
  | 'unknown-device'
  /** The browser cannot do what was asked (e.g. choose an output without `setSinkId`). */
  | 'not-supported'
  | 'call-not-live'
  /** A value of the wrong JavaScript type (a number, null, an object where text was expected). */
  | 'wrong-type'
  /** The headers added to one INVITE are larger than a proxy safely takes (see MAX_ADDED_HEADER_BYTES). */
  | 'headers-too-large'
  /** The page's `beforeDial` policy refused the call (or did not answer in time). */
  | 'refused-by-policy'
  /** A listener cancelled the call's `vc-call-request`. */
  | 'call-request-cancelled'
  /** The caller ID is not one of the phone's `fromNumbers` (or anonymous calls are not allowed). */
  | 'from-not-allowed'
  /** The disposition is not one of the phone's `dispositions`. */
  | 'invalid-disposition'
  /** The call was already wrapped up. */
  | 'already-wrapped-up';

/**
 * Thrown (and announced as a `vc-input-error` event) when input is refused.
 * `message` is written for a person; `code` and `field` are for programs.
 */
export class PhoneInputError extends Error {
  override readonly name = 'PhoneInputError';

  constructor(
    readonly code: InputErrorCode,
    message: string,
    /** Which input was refused: `to`, `from`, `context`, `route`, `headers`, `server`, `aor`, `digits`... */
    readonly field: string,
  ) {
    super(message);
  }
}

export const inputError = (code: InputErrorCode, field: string, message: string) =>
  new PhoneInputError(code, message, field);
