import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls } from './support.js';

interface Args {
  seconds: number;
}

/** After a call: notes and a disposition from the CRM's list, with an optional timer. */
const meta: Meta<Args> = {
  title: 'Elements/vc-wrap-up',
  component: 'vc-wrap-up',
  tags: ['autodocs'],
  args: { seconds: 0 },
  argTypes: { seconds: { description: 'The phone\'s `wrapUpSeconds` (0: no timer).' } },
  loaders: [
    async ({ args }) => {
      const { phone, calls } = await phoneWithCalls([{ state: 'connected', label: 'Alice Martin' }], {
        dispositions: ['Interested', 'Call back', 'Wrong number'],
        ...(args.seconds ? { wrapUpSeconds: args.seconds } : {}),
      });
      calls[0].hangup();
      await new Promise((resolve) => setTimeout(resolve));
      return { phone };
    },
  ],
  render: (_args, { loaded }) => html`<vc-wrap-up .phone=${loaded.phone}></vc-wrap-up>`,
};
export default meta;
type Story = StoryObj<Args>;

export const AfterACall: Story = { name: 'After a call' };

export const WithTimer: Story = { name: 'With a wrap-up timer', args: { seconds: 600 } };
