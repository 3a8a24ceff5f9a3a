import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CheckReport } from '../src/phone/audio-types.js';
import { phoneWithCalls, settle, type FakePhone } from './support.js';

interface Args {
  /** The browser can choose where audio plays (`setSinkId`). */
  canChooseOutput: boolean;
  /** Device names hidden (the microphone was not allowed yet). */
  namesHidden: boolean;
  /** The headset in use was unplugged. */
  unplugged: boolean;
  /** Voice processing switched off by the agent. */
  processingOff: boolean;
  report?: CheckReport;
}

interface AudioLoaded {
  phone: FakePhone;
}

const NOW = Date.UTC(2026, 0, 5, 9, 30);

const PASSED: CheckReport = {
  status: 'pass',
  startedAt: NOW,
  endedAt: NOW + 2400,
  items: [
    { id: 'microphone', status: 'pass', message: '"Jabra Evolve2 40 (USB)" works (level -21 dBFS).' },
    { id: 'speaker', status: 'pass', message: 'A test tone played on "Jabra Evolve2 40 (USB)".', fix: 'Did not hear it? Check the volume, or choose another speaker.' },
    { id: 'server', status: 'pass', message: 'The SIP server sip.example.com answered in 38 ms.' },
    { id: 'network', status: 'pass', message: 'Network paths for audio found (2 local, 1 public).' },
    { id: 'turn', status: 'pass', message: 'The TURN server answered: audio can be relayed (1 relay address).' },
  ],
};

const PROBLEMS: CheckReport = {
  status: 'fail',
  startedAt: NOW,
  endedAt: NOW + 6100,
  items: [
    {
      id: 'microphone',
      status: 'warn',
      message: '"Jabra Evolve2 40 (USB)" is allowed, but nothing was heard from it.',
      fix: 'Speak while testing; check the microphone is not muted (a switch on the headset or in the system) or choose another one.',
    },
    { id: 'speaker', status: 'pass', message: 'A test tone played on the default output.', fix: 'Did not hear it? Check the volume, or choose another speaker.' },
    {
      id: 'server',
      status: 'fail',
      message: 'The SIP server sip.example.com could not be reached.',
      fix: 'Check the server address and port, the network, and that no firewall, proxy or Content-Security-Policy blocks WebSockets to it.',
    },
    { id: 'network', status: 'pass', message: 'Network paths for audio found (2 local).' },
    {
      id: 'turn',
      status: 'warn',
      message: 'The TURN server (turn:turn.example.com:3478) gave no relay address: it is unreachable, or it refused the credentials.',
      fix: 'Check the TURN address and port, that the network allows it, and that its credentials are current.',
    },
  ],
};

/**
 * The agent's audio: microphone, speaker and ringer choice (live calls switch at once), voice
 * processing switches and "Test your audio". Every story runs on the fake phone and its fake
 * devices (`phone.mediaDevices`), no hardware involved.
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-audio-settings',
  component: 'vc-audio-settings',
  tags: ['autodocs'],
  args: { canChooseOutput: true, namesHidden: false, unplugged: false, processingOff: false },
  argTypes: { report: { control: false, table: { disable: true } } },
  loaders: [
    async ({ args }) => {
      const { phone } = await phoneWithCalls([], {}, { canChooseOutput: args.canChooseOutput });
      phone.mediaDevices.hideLabels = args.namesHidden;
      await phone.audio.refresh();
      if (!args.namesHidden && args.canChooseOutput) {
        await phone.audio.useMicrophone('mic-headset');
        await phone.audio.useSpeaker('out-headset');
      }
      if (args.processingOff) await phone.audio.setProcessing({ noiseSuppression: false, autoGainControl: false });
      if (args.unplugged) {
        phone.mediaDevices.unplug('mic-headset');
        await phone.audio.refresh();
        await settle();
      }
      return { phone };
    },
  ],
  render: (args, { loaded }) => html`<vc-audio-settings .phone=${(loaded as AudioLoaded).phone} .report=${args.report}></vc-audio-settings>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A headset and a laptop's own devices; the headset chosen for both. */
export const Devices: Story = {};
/** Before the microphone was allowed, browsers hide device names. */
export const NamesHidden: Story = { args: { namesHidden: true } };
/** A browser without `setSinkId`: the speaker is the system's, said in words. */
export const SpeakerNotChoosable: Story = { args: { canChooseOutput: false } };
/** The headset in use was unplugged: the default microphone took over, and the panel says so. */
export const MicrophoneUnplugged: Story = { args: { unplugged: true } };
/** Noise suppression and automatic volume switched off by the agent (remembered). */
export const ProcessingOff: Story = { args: { processingOff: true } };
/** "Test your audio": every item passed. */
export const CheckPassed: Story = { args: { report: PASSED } };
/** "Test your audio": a silent microphone, an unreachable server, a TURN server that gave no relay. */
export const CheckProblems: Story = { args: { report: PROBLEMS } };
