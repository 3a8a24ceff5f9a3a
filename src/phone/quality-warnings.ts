/**
 * The names of the quality warnings (kept apart from the rules in call-quality.ts, so a `Call`
 * knows them without the first page download carrying the rules).
 */

/** Which warning: the figure that went bad. */
export type QualityWarning = 'high-rtt' | 'high-jitter' | 'high-packet-loss' | 'low-mos' | 'no-audio-received' | 'no-audio-sent' | 'silent-microphone';

/** Every warning, in the order the box lists them (most urgent first). */
export const QUALITY_WARNINGS: readonly QualityWarning[] = ['no-audio-received', 'no-audio-sent', 'silent-microphone', 'high-packet-loss', 'high-rtt', 'high-jitter', 'low-mos'];
