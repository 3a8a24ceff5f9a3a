import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { QualityFigures, QualityWarning } from '../src/phone/call-quality.js';
import { phoneWithCalls, settle, type Loaded } from './support.js';

interface Args {
  /** Warnings raised on the connected call (with their figures). */
  warnings: Array<[QualityWarning, QualityFigures?]>;
  /** The microphone level the meter shows (0-1; negative: unknown). */
  level: number;
  muted: boolean;
  talkingWhileMuted: boolean;
}

/**
 * The call box's audio: the live microphone level meter, "You're muted" when the agent talks
 * while muted, and each quality warning in words, all driven through FakePhone.
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-call-box/Audio quality',
  component: 'vc-call-box',
  args: { warnings: [], level: 0.45, muted: false, talkingWhileMuted: false },
  argTypes: { warnings: { control: false } },
  loaders: [
    async ({ args }) => {
      const loaded = await phoneWithCalls([{ state: 'connected', label: 'Alice Martin' }]);
      const call = loaded.calls[0];
      const far = loaded.phone.far(call);
      far.inputLevel = args.level < 0 ? undefined : args.level;
      if (args.muted) call.mute();
      if (args.talkingWhileMuted) far.talkWhileMuted(true);
      for (const [warning, figures] of args.warnings) far.quality(warning, true, figures ?? {});
      await settle();
      return loaded;
    },
  ],
  render: (_args, { loaded }) =>
    html`<div style="max-width: 400px"><vc-call-box silent .phone=${loaded.phone} .call=${(loaded as Loaded).calls[0]}></vc-call-box></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const LevelMeter: Story = { name: 'Level meter' };
export const LevelUnknown: Story = { name: 'Level meter (level unknown)', args: { level: -1 } };
export const TalkingWhileMuted: Story = { name: "You're muted (talking while muted)", args: { muted: true, talkingWhileMuted: true, level: 0.7 } };
export const NoAudioReceived: Story = { name: 'No audio from the other party', args: { warnings: [['no-audio-received', { silentForMs: 3200 }]] } };
export const NoAudioSent: Story = { name: 'No audio sent', args: { warnings: [['no-audio-sent', { silentForMs: 3100 }]] } };
export const SilentMicrophone: Story = { name: 'Silent microphone', args: { warnings: [['silent-microphone', { inputLevelDeviation: 0 }]], level: 0 } };
export const HighPacketLoss: Story = { name: 'Packet loss', args: { warnings: [['high-packet-loss', { packetLossPercent: 6.5 }]] } };
export const HighRtt: Story = { name: 'Long round trip', args: { warnings: [['high-rtt', { rttMs: 620 }]] } };
export const HighJitter: Story = { name: 'Jitter', args: { warnings: [['high-jitter', { jitterMs: 48 }]] } };
export const LowMos: Story = { name: 'Low MOS', args: { warnings: [['low-mos', { mos: 3.1 }]] } };
export const SeveralWarnings: Story = {
  name: 'Several warnings',
  args: { warnings: [['high-rtt', { rttMs: 620 }], ['low-mos', { mos: 2.9 }], ['high-packet-loss', { packetLossPercent: 4 }]] },
};
export const Dark: Story = {
  args: { warnings: [['no-audio-received', {}]], muted: true, talkingWhileMuted: true },
  render: (_args, { loaded }) =>
    html`<div style="max-width: 400px; padding: 16px; background: #0d1117; --vc-color-scheme: dark"><vc-call-box silent .phone=${loaded.phone} .call=${(loaded as Loaded).calls[0]}></vc-call-box></div>`,
};
