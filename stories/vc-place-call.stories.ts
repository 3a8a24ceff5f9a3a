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

/** The phone has several caller IDs (`fromNumbers`) and allows a withheld number: a "Call from" picker. */
export const CallerIdPicker: Story = {
  name: 'Caller-ID picker',
  args: { open: true, value: '+44 20 7946 0958' },
  loaders: [
    () => ({
      phone: new FakePhone({ fromNumbers: ['+44 20 7183 8750', { displayName: 'Sales', uri: '+1 415 555 0100' }], allowAnonymous: true }),
    }),
  ],
};

/** The CRM's `beforeDial` policy refused the call: its words under the field. */
export const RefusedByPolicy: Story = {
  name: 'Refused by the CRM policy',
  args: { open: true, value: '+33 1 42 68 53 00' },
  loaders: [
    async () => {
      const phone = new FakePhone({ beforeDial: () => ({ refuse: 'Calls to France are not allowed from this desk.' }) });
      return { phone };
    },
  ],
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('vc-place-call') as HTMLElement & { dialTo(to: string): Promise<unknown> };
    await customElements.whenDefined('vc-place-call');
    await field.dialTo('+33 1 42 68 53 00');
  },
};
