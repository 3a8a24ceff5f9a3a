/**
 * The CRM's pre-dial policy (`beforeDial`): do-not-call lists, calling hours, allowed countries.
 * Asked after the phone's own checks and before anything is sent; it has a deadline, and a
 * policy that fails, throws or does not answer in time refuses the call (fail closed).
 * @internal
 */
import { inputError, type PhoneInputError } from './errors.js';
import type { BeforeDialHook, BeforeDialRequest } from './types.js';

/** How long the policy may take when the configuration does not say. */
export const DEFAULT_BEFORE_DIAL_TIMEOUT_MS = 5000;
const MAX_REASON_LENGTH = 300;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function refused(reason: string): PhoneInputError {
  return inputError('refused-by-policy', 'to', reason);
}

/** The policy's own words, made safe to show (no control characters, bounded length). */
function reasonText(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.replace(CONTROL, ' ').trim() : '';
  if (!text) return 'This call is not allowed.';
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

/**
 * Resolves when the policy allows the call (`true`, `undefined`, `'allow'` or `{ allow: true }`);
 * throws a `refused-by-policy` PhoneInputError with words otherwise.
 */
export async function askBeforeDial(hook: BeforeDialHook | undefined, request: BeforeDialRequest, timeoutMs = DEFAULT_BEFORE_DIAL_TIMEOUT_MS): Promise<void> {
  if (!hook) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(refused(`The call check did not answer within ${Math.round(timeoutMs / 100) / 10} s, so the call was not placed.`)), timeoutMs);
  });
  let verdict: unknown;
  try {
    verdict = await Promise.race([Promise.resolve().then(() => hook(Object.freeze({ ...request }))), deadline]);
  } catch (error) {
    if ((error as PhoneInputError)?.code === 'refused-by-policy') throw error;
    throw refused(`The call check failed, so the call was not placed${error instanceof Error && error.message ? `: ${reasonText(error.message)}` : '.'}`);
  } finally {
    clearTimeout(timer);
  }
  if (verdict === undefined || verdict === true || verdict === 'allow') return;
  if (typeof verdict === 'object' && verdict !== null) {
    const { allow, refuse } = verdict as { allow?: unknown; refuse?: unknown };
    if (refuse !== undefined) throw refused(reasonText(refuse));
    if (allow === true) return;
  }
  throw refused(reasonText(undefined));
}
