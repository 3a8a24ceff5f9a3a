/**
 * A finished call's words in the locale being rendered, for the call box and the history alike:
 * the translation of its `reason:cause` (where the cause tells the situation apart), else of its
 * reason, else the phone's own (English) words. English has no table of its own for outcomes: the
 * phone's message is its words, so they are written once.
 */
import type { CallOutcome } from '../phone/types.js';
import type { DetailedOutcomeKey } from './locale-types.js';
import { strings } from './strings.js';

export function outcomeWords(outcome: CallOutcome): string {
  const table = strings.outcomes;
  const detailed = outcome.cause ? table[`${outcome.reason}:${outcome.cause}` as DetailedOutcomeKey] : undefined;
  return detailed ?? table[outcome.reason] ?? outcome.message;
}
