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

export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
  },
};
