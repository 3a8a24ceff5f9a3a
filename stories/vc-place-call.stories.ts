import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FakePhone } from './support.js';

interface Args {
  value: string;
  open: boolean;
  enabled: boolean;
}

/** The "Place call" button and its number field, checked as typed (international format). */
const meta: Meta<Args> = {
  title: 'Elements/vc-place-call',
  component: 'vc-place-call',
  tags: ['autodocs'],
  args: { value: '', open: false, enabled: true },
  argTypes: { enabled: { description: 'The phone allows calls (`phone.enabled`).' } },
  loaders: [({ args }) => ({ phone: new FakePhone({ enabled: args.enabled, disabledReason: 'Calling is off outside office hours.' }) })],
  render: (args, { loaded }) => html`<vc-place-call .phone=${loaded.phone} .value=${args.value} ?open=${args.open}></vc-place-call>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};

export const Open: Story = { args: { open: true } };

export const ValidNumber: Story = { name: 'Valid number', args: { open: true, value: '+44 20 7946 0958' } };

export const InvalidNumber: Story = { name: 'Invalid number (national format)', args: { open: true, value: '020 7946 0958' } };

export const SipAddress: Story = { name: 'SIP address', args: { open: true, value: 'sip:support@example.com' } };

export const Disabled: Story = { args: { enabled: false } };
