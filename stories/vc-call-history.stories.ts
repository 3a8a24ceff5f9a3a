import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FakePhone, settle } from './support.js';

interface Args {
  calls: number;
}

/** The call history (`phone.history`), with "Call again" on each row and "Clear history". */
const meta: Meta<Args> = {
  title: 'Elements/vc-call-history',
  component: 'vc-call-history',
  tags: ['autodocs'],
  args: { calls: 3 },
  loaders: [
    async ({ args }) => {
      const phone = new FakePhone({ dispositions: ['Interested', 'Call back', 'Wrong number'] });
      const people = [
        { to: '+44 20 7946 0958', label: 'Alice Martin', color: 'green', answered: true, disposition: 'Interested' },
        { to: '+1 415 555 0132', label: 'Bob Stone', answered: false },
        { to: 'sip:support@example.com', answered: true },
      ];
      for (const person of people.slice(0, args.calls)) {
        const call = await phone.call(person.to, { ...(person.label ? { label: person.label } : {}), ...(person.color ? { color: person.color } : {}) });
        await settle();
        if (person.answered) phone.far(call).answer();
        else phone.far(call).reject(486);
        await settle();
        if (call.isLive) call.hangup();
        await settle();
        phone.wrapUp(call.id, person.disposition ? { disposition: person.disposition } : {});
      }
      return { phone };
    },
  ],
  render: (_args, { loaded }) => html`<vc-call-history .phone=${loaded.phone}></vc-call-history>`,
};
export default meta;
type Story = StoryObj<Args>;

export const WithCalls: Story = { name: 'With calls' };

export const Empty: Story = { args: { calls: 0 } };
