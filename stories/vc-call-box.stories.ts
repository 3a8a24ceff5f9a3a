import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec, type Loaded } from './support.js';

interface Args {
  silent: boolean;
  call: CallSpec;
}

/** One call's box, in every state the agent can meet. */
const meta: Meta<Args> = {
  title: 'Elements/vc-call-box',
  component: 'vc-call-box',
  tags: ['autodocs'],
  args: { silent: true, call: { state: 'connected' } },
  argTypes: { call: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls([args.call])) })],
  render: (args, { loaded }) =>
    html`<div style="max-width: 400px"><vc-call-box .phone=${loaded.phone} .call=${(loaded as Loaded).calls[0]} ?silent=${args.silent}></vc-call-box></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Dialing: Story = { args: { call: { state: 'dialing' } } };
export const Ringing: Story = { args: { call: { state: 'ringing' } } };
export const EarlyMedia: Story = { name: 'Early media', args: { call: { state: 'early-media' } } };
export const Connected: Story = {};
export const Muted: Story = { args: { call: { state: 'muted' } } };
export const Ended: Story = { args: { call: { state: 'ended' } } };
export const FailedBusy: Story = { name: 'Failed (busy)', args: { call: { state: 'failed', failStatus: 486 } } };
export const FailedNotFound: Story = { name: 'Failed (not found)', args: { call: { state: 'failed', failStatus: 404 } } };
export const MicrophoneDenied: Story = { name: 'Microphone denied', args: { call: { state: 'mic-denied' } } };
export const ColourTag: Story = { name: 'Colour tag', args: { call: { state: 'connected', color: 'amber' } } };
export const SipAddress: Story = { name: 'SIP address', args: { call: { state: 'ringing', to: 'sip:support@example.com' } } };

export const OnHold: Story = { name: 'On hold', args: { call: { state: 'on-hold' } } };
export const HeldByRemote: Story = { name: 'Held by the other party', args: { call: { state: 'held-by-remote' } } };
export const HangingUp: Story = { name: 'Hanging up', args: { call: { state: 'hanging-up' } } };
export const Declined: Story = { args: { call: { state: 'failed', failStatus: 603 } } };
export const NoAnswer: Story = { name: 'No answer', args: { call: { state: 'failed', failStatus: 480 } } };
/** The far end removed the audio mid-call (a re-INVITE with port 0): `outcome.cause` `audio-removed`. */
export const AudioRemoved: Story = { name: 'Ended (the other party removed the audio)', args: { call: { state: 'audio-removed' } } };
/** Answered without audio the browser could use: `outcome.cause` `answer-unusable`. */
export const AnsweredWithoutAudio: Story = { name: 'Failed (answered, but no audio)', args: { call: { state: 'answer-unusable' } } };
export const LongName: Story = {
  name: 'Long name (label and number)',
  args: { call: { state: 'connected', label: 'Alexandra Konstantinopoulou-Featherstonehaugh, Acme Logistics', to: 'sip:alexandra.konstantinopoulou@very-long-customer-domain.example.com' } },
};
export const Narrow: Story = {
  name: '320 px',
  args: { call: { state: 'connected', label: 'Alice Martin', color: 'green' } },
  render: (args, { loaded }) =>
    html`<div style="width: 320px"><vc-call-box .phone=${loaded.phone} .call=${(loaded as Loaded).calls[0]} ?silent=${args.silent}></vc-call-box></div>`,
};
export const Dark: Story = {
  args: { call: { state: 'muted', label: 'Alice Martin', color: 'purple' } },
  render: (args, { loaded }) =>
    html`<div style="max-width: 400px; padding: 16px; background: #0d1117; --vc-color-scheme: dark"><vc-call-box .phone=${loaded.phone} .call=${(loaded as Loaded).calls[0]} ?silent=${args.silent}></vc-call-box></div>`,
};
export const KeypadOpen: Story = {
  name: 'Keypad open',
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="keypad-button"]')!.click();
    await box.updateComplete;
    box.shadowRoot!.querySelector('vc-dialpad')!.press('4');
    box.shadowRoot!.querySelector('vc-dialpad')!.press('2');
  },
};

export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
  },
};

/** 320 px: a ringing call above a connected one. Hang up keeps its place when Mute and Hold appear on answer, and the X stays on the row. */
export const NarrowRingingAndConnected: Story = {
  name: '320 px, ringing and connected',
  loaders: [async () => ({ ...(await phoneWithCalls([{ state: 'connected', label: 'Alice Martin', color: 'green' }, { state: 'ringing', label: 'Priya Raman' }])) })],
  render: (args, { loaded }) =>
    html`<div style="width: 320px; display: grid; gap: 12px">
      ${(loaded as Loaded).calls.map((call) => html`<vc-call-box .phone=${loaded.phone} .call=${call} ?silent=${args.silent}></vc-call-box>`)}
    </div>`,
};
