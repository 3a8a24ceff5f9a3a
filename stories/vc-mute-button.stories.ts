import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec, type Loaded } from './support.js';

interface Args {
  call: CallSpec;
}

/** Mutes and un-mutes the microphone of its call (`aria-pressed`). */
const meta: Meta<Args> = {
  title: 'Elements/vc-mute-button',
  component: 'vc-mute-button',
  tags: ['autodocs'],
  args: { call: { state: 'connected' } },
  argTypes: { call: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls([args.call])) })],
  render: (_args, { loaded }) => html`<vc-mute-button .call=${(loaded as Loaded).calls[0]}></vc-mute-button>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Unmuted: Story = {};
export const Muted: Story = { args: { call: { state: 'muted' } } };
