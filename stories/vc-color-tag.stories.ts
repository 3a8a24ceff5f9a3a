import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, type CallSpec, type Loaded } from './support.js';

interface Args {
  open: boolean;
  call: CallSpec;
}

/** The agent's colour tag for a call box: a named colour, remembered across reloads. */
const meta: Meta<Args> = {
  title: 'Elements/vc-color-tag',
  component: 'vc-color-tag',
  tags: ['autodocs'],
  args: { open: false, call: { state: 'connected' } },
  argTypes: { call: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls([args.call])) })],
  render: (args, { loaded }) =>
    html`<div style="min-height: 260px"><vc-color-tag .call=${(loaded as Loaded).calls[0]} ?open=${args.open}></vc-color-tag></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const NoTag: Story = { name: 'No tag' };
export const Tagged: Story = { args: { call: { state: 'connected', color: 'green' } } };
export const PaletteOpen: Story = { name: 'Palette open', args: { open: true, call: { state: 'connected', color: 'amber' } } };
