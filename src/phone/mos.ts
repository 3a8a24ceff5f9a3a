/**
 * Mean opinion score from the E-model, computed exactly as Twilio's Voice SDK does
 * (twilio-voice.js `lib/twilio/rtc/mos.ts`), so the figures compare with Twilio's Voice Insights.
 * @internal
 */

/** The E-model's basic signal-to-noise "R0" as Twilio uses it. */
const R0 = 94.768;

function isNonNegative(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/**
 * MOS (1.0 to about 4.5) from the round trip (ms), the jitter (ms) and the share of packets lost
 * in the last sample (percent, 0-100). `undefined` when an input is missing or negative.
 */
export function mosOf(rttMs: number | undefined, jitterMs: number | undefined, lossPercent: number | undefined): number | undefined {
  if (!isNonNegative(rttMs) || !isNonNegative(jitterMs) || !isNonNegative(lossPercent)) return undefined;
  const effectiveLatency = rttMs + jitterMs * 2 + 10;
  let r = 0;
  if (effectiveLatency < 160) r = R0 - effectiveLatency / 40;
  else if (effectiveLatency < 1000) r = R0 - (effectiveLatency - 120) / 10;
  r = lossPercent <= r / 2.5 ? Math.max(r - lossPercent * 2.5, 6.52) : 0;
  return 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
}
