/**
 * After-call work: optional notes and a disposition code from the CRM's list, checked before
 * they are carried in `vc-call-wrapped-up`, the webhook and the history.
 * @internal
 */
import { inputError } from './errors.js';
import { describeValue, isPlainObject } from './input-shapes.js';
import type { PhoneConfig, WrapUp, WrapUpInput } from './types.js';

const MAX_NOTES_LENGTH = 4000;
// Line breaks and tabs are fine in notes; other control characters and direction overrides are not.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Checks a wrap-up against the configuration; returns what is stored and sent. */
export function checkWrapUp(input: unknown, config: PhoneConfig, endedAt: number | undefined, now = Date.now()): WrapUp {
  if (input === undefined) input = {};
  if (!isPlainObject(input)) throw inputError('wrong-type', 'wrapUp', `The wrap-up must be an object such as { disposition, notes }, not ${describeValue(input)}.`);
  const { notes, disposition, timedOut } = input as WrapUpInput;
  if (notes !== undefined && typeof notes !== 'string') throw inputError('wrong-type', 'notes', `The notes must be text, not ${describeValue(notes)}.`);
  if (disposition !== undefined && typeof disposition !== 'string') throw inputError('wrong-type', 'disposition', `The disposition must be text, not ${describeValue(disposition)}.`);
  if (notes && notes.length > MAX_NOTES_LENGTH) throw inputError('too-long', 'notes', `The notes are too long (at most ${MAX_NOTES_LENGTH} characters).`);
  if (notes && UNSAFE.test(notes)) throw inputError('invalid-characters', 'notes', "The notes can't contain control characters or direction overrides.");
  const list = config.dispositions ?? [];
  if (disposition && list.length && !list.includes(disposition)) {
    throw inputError('invalid-disposition', 'disposition', `"${disposition.slice(0, 40)}" is not one of the dispositions: ${list.join(', ').slice(0, 200)}.`);
  }
  if (disposition && disposition.length > 100) throw inputError('too-long', 'disposition', 'The disposition is too long (at most 100 characters).');
  const wrapUp: WrapUp = { wrappedUpAt: now };
  if (notes?.trim()) wrapUp.notes = notes.trim();
  if (disposition) wrapUp.disposition = disposition;
  if (endedAt !== undefined) wrapUp.afterCallMs = Math.max(0, now - endedAt);
  if (timedOut === true) wrapUp.timedOut = true;
  return wrapUp;
}

/** The finished calls of this session still waiting for their wrap-up: the timer and the draft of each. */
export class PendingWrapUps {
  private readonly pending = new Map<string, { timer?: ReturnType<typeof setTimeout>; draft: WrapUpInput }>();

  /** `timedOut(id, draft)` saves what was entered when a call's timer runs out. */
  constructor(private readonly timedOut: (callId: string, draft: WrapUpInput) => void) {}

  get ids(): string[] {
    return [...this.pending.keys()];
  }
  has(callId: string): boolean {
    return this.pending.has(callId);
  }

  /** A call ended: its wrap-up is due, within `seconds` when there is a timer. */
  start(callId: string, seconds: number | undefined): void {
    if (this.pending.has(callId)) return;
    const entry: { timer?: ReturnType<typeof setTimeout>; draft: WrapUpInput } = { draft: {} };
    if (seconds) entry.timer = setTimeout(() => this.timedOut(callId, this.pending.get(callId)?.draft ?? {}), seconds * 1000);
    this.pending.set(callId, entry);
  }

  draft(callId: string, draft: WrapUpInput): void {
    const entry = this.pending.get(callId);
    if (entry) entry.draft = { ...draft };
  }

  forget(callId: string): void {
    clearTimeout(this.pending.get(callId)?.timer);
    this.pending.delete(callId);
  }

  clear(): void {
    for (const id of this.ids) this.forget(id);
  }
}
