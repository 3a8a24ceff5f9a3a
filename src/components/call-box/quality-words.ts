/** A quality warning in the agent's words (strings table, with its figures filled in). */
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { QualityChange } from '../../phone/call-quality.js';

const figure = (value: number | undefined, digits = 0): string => (value === undefined ? '?' : value.toFixed(digits));

/**
 * What to announce about a call's quality warnings since `seen` (the warnings shown before, as
 * a key): the words of each newly raised one ('' when none), and the new key.
 */
export function newQualityWarnings(seen: string, warnings: readonly QualityChange[]): { key: string; words: string } {
  const before = new Set(seen.split(' '));
  return { key: warnings.map((w) => w.warning).join(' '), words: warnings.filter((w) => !before.has(w.warning)).map(qualityText).join('. ') };
}

export function qualityText({ warning, figures }: QualityChange): string {
  switch (warning) {
    case 'no-audio-received':
      return strings.qualityNoAudioReceived;
    case 'no-audio-sent':
      return strings.qualityNoAudioSent;
    case 'silent-microphone':
      return strings.qualitySilentMicrophone;
    case 'high-packet-loss':
      return format(strings.qualityHighPacketLoss, { loss: figure(figures.packetLossPercent, 1) });
    case 'high-rtt':
      return format(strings.qualityHighRtt, { rtt: figure(figures.rttMs) });
    case 'high-jitter':
      return format(strings.qualityHighJitter, { jitter: figure(figures.jitterMs) });
    case 'low-mos':
      return format(strings.qualityLowMos, { mos: figure(figures.mos, 1) });
  }
}
