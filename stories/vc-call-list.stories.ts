import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec } from './support.js';

interface Args {
  silent: boolean;
  calls: CallSpec[];
}

/** Every call of a phone as a stack of boxes, newest first. */
const meta: Meta<Args> = {
  title: 'Elements/vc-call-list',
  component: 'vc-call-list',
  tags: ['autodocs'],
  args: { silent: true, calls: [] },
  argTypes: { calls: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls(args.calls)) })],
  render: (args, { loaded }) =>
    html`<div style="max-width: 400px"><vc-call-list .phone=${loaded.phone} ?silent=${args.silent}><p slot="empty">No calls yet.</p></vc-call-list></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const SeveralBoxes: Story = {
  name: 'Several boxes',
  args: {
    calls: [
      { state: 'mic-denied', to: '+61 2 9123 4567' },
      { state: 'failed', to: '+33 1 42 68 53 00', failStatus: 486 },
      { state: 'muted', to: '+49 30 901820', color: 'blue' },
      { state: 'ringing', to: '+1 415 555 0132' },
      { state: 'dialing', to: '+44 20 7946 0958' },
    ],
  },
};
