// Which CDN chunks a first call does NOT load: bench/size.mjs counts every other chunk reachable
// from the entry for a first call, and test/e2e/first-call-chunks.test.mjs checks in the real page
// that a first call fetches none of these before it is connected.

/** One locale's words: a page loads the one of its language (none for English). */
export const LOCALE_TABLE = /^chunks\/(es|fr|de|it|pt-BR|ar)-/;
/**
 * Lazy chunks a first call does not load: the webhook outbox (only when one is configured), the
 * pre-call check (only when the agent tests the audio), and what only a transfer or a merge runs:
 * the transfer form (`<vc-transfer>`, loaded on the first press of "Transfer"), the REFER code
 * and the merge code with its audio mixing (loaded on first use), the audio settings panel and the
 * call history (src/cdn/lazy-tags.ts). Those are prefetched when the
 * browser is idle AFTER a call connects, so placing and connecting a first call does not wait
 * on them (test/e2e/first-call-chunks.test.mjs checks that in the real page).
 */
export const AFTER_CONNECT = [
  /^chunks\/vc-transfer-/,
  /^chunks\/sip-transfer-/,
  /^chunks\/sip-conference-/,
  /^chunks\/call-merge-/,
  // src/cdn/lazy-tags.ts: the audio settings (loaded when "Audio settings" is first pressed) and
  // the call history (loaded when the page shows one).
  /^chunks\/vc-audio-settings-/,
  /^chunks\/vc-call-history-/,
];
/** The wrap-up form: loaded only when the phone has a wrap-up (`dispositions` or `wrapUp`), src/cdn/lazy-tags.ts. */
export const WRAP_UP = /^chunks\/vc-wrap-up-/;
export const NOT_FOR_FIRST_CALL = [/^chunks\/status-webhook-/, /^chunks\/pre-call-check-/, LOCALE_TABLE, /^chunks\/zone-\d-/, WRAP_UP, ...AFTER_CONNECT];
