import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec, type Loaded } from './support.js';

interface Args {
  silent: boolean;
  call: CallSpec;
}

/** The 0-9 * # keys of a call; keys are enabled while the call is connected. */
const meta: Meta<Args> = {
  title: 'Elements/vc-dialpad',
  component: 'vc-dialpad',
  tags: ['autodocs'],
  args: { silent: true, call: { state: 'connected' } },
  argTypes: { call: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls([args.call])) })],
  render: (args, { loaded }) =>
    html`<div style="max-width: 260px"><vc-dialpad .call=${(loaded as Loaded).calls[0]} ?silent=${args.silent}></vc-dialpad></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Connected: Story = {};
export const NotConnected: Story = { name: 'Not connected (ringing)', args: { call: { state: 'ringing' } } };
