import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec } from './support.js';

interface Args {
  disabled: boolean;
  'disabled-reason': string;
  silent: boolean;
  calls: CallSpec[];
}

/**
 * The one-tag drop-in: a place-call field and a box per call. Every story runs on the fake
 * phone (`vc-phone/testing`), no SIP server involved.
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-phone',
  component: 'vc-phone',
  tags: ['autodocs'],
  args: { disabled: false, 'disabled-reason': '', silent: true, calls: [] },
  argTypes: { calls: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls(args.calls)) })],
  render: (args, { loaded }) =>
    html`<vc-phone
      .phone=${loaded.phone}
      ?disabled=${args.disabled}
      disabled-reason=${args['disabled-reason'] || 'Outbound calling is switched off.'}
      ?silent=${args.silent}
    ></vc-phone>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};

export const Dialing: Story = { args: { calls: [{ state: 'dialing' }] } };

export const Ringing: Story = { args: { calls: [{ state: 'ringing' }] } };

export const Connected: Story = { args: { calls: [{ state: 'connected' }] } };

export const Muted: Story = { args: { calls: [{ state: 'muted' }] } };

export const Ended: Story = { args: { calls: [{ state: 'ended' }] } };

export const FailedBusy: Story = { name: 'Failed (busy)', args: { calls: [{ state: 'failed', failStatus: 486 }] } };

export const MicrophoneDenied: Story = { name: 'Microphone denied', args: { calls: [{ state: 'mic-denied' }] } };

export const SeveralBoxes: Story = {
  name: 'Several boxes',
  args: {
    calls: [
      { state: 'failed', to: '+33 1 42 68 53 00', failStatus: 486 },
      { state: 'ended', to: '+61 2 9123 4567' },
      { state: 'connected', to: '+49 30 901820', color: 'green' },
      { state: 'ringing', to: '+1 415 555 0132' },
    ],
  },
};

export const ColourTags: Story = {
  name: 'Colour tags',
  args: {
    calls: [
      { state: 'connected', to: '+44 20 7946 0958', color: 'blue' },
      { state: 'ringing', to: '+1 415 555 0132', color: 'amber' },
      { state: 'ended', to: '+49 30 901820', color: 'red' },
      { state: 'connected', to: '+33 1 42 68 53 00', color: 'purple' },
    ],
  },
};

export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  args: { calls: [{ state: 'connected' }] },
  play: async ({ canvasElement }) => {
    const phone = canvasElement.querySelector('vc-phone')!;
    await phone.updateComplete;
    const list = phone.shadowRoot!.querySelector('vc-call-list')!;
    await list.updateComplete;
    const box = list.shadowRoot!.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
  },
};

export const Disabled: Story = { args: { disabled: true, 'disabled-reason': 'Calling is off outside office hours.' } };

/** Theming from the page: global tokens on `:root` (here on a wrapper) and `::part()` rules. */
export const Themed: Story = {
  args: { calls: [{ state: 'connected', color: 'green' }, { state: 'ringing', to: '+1 415 555 0132' }] },
  render: (args, { loaded }) => html`<div
    class="themed"
    style="--vc-color-accent: #6d28d9; --vc-color-success: #047857; --vc-radius: 12px; --vc-font-family: Georgia, serif; --vc-call-box-background: #faf5ff; --vc-phone-max-width: 460px"
  >
    <vc-phone .phone=${loaded.phone} ?silent=${args.silent}></vc-phone>
  </div>`,
};
