import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { VcPhone } from '../src/components/phone/phone-element.js';
import type { VcPlaceCall } from '../src/components/place-call/place-call.js';
import { phoneWithCalls, rendered, type CallSpec, type Loaded } from './support.js';

interface Args {
  lang: string;
  typed: string;
}

const CALLS: CallSpec[] = [
  { state: 'ended', to: '+33 1 23 45 67 89', label: 'Bistro Lafayette' },
  { state: 'failed', failStatus: 486, to: '+49 30 12345678' },
  { state: 'ringing', to: '+1 415 555 0132', label: 'Priya Raman' },
  { state: 'on-hold', to: '+34 912 345 678', label: 'Jonas Becker', color: 'amber' },
  { state: 'muted', label: 'Alice Martin', color: 'green' },
];

/**
 * The desk in each shipped locale: the elements take the language of the nearest `lang`
 * (here a wrapper; usually `<html lang>`), Arabic mirrored right to left. The field holds an
 * entry with letters, so the validation message shows in the locale's words. The toolbar's
 * globe switches the language of every other story.
 */
const meta: Meta<Args> = {
  title: 'Languages',
  args: { lang: 'fr', typed: 'abc' },
  argTypes: { lang: { control: 'select', options: ['en', 'es', 'fr', 'de', 'it', 'pt-BR', 'ar'] } },
  loaders: [async () => ({ ...(await phoneWithCalls(CALLS)) })],
  render: (args, { loaded }) =>
    html`<div lang=${args.lang} style="max-width: 520px"><vc-phone silent .phone=${(loaded as Loaded).phone}></vc-phone></div>`,
  play: async ({ canvasElement, args }) => {
    const phone = canvasElement.querySelector<VcPhone>('vc-phone')!;
    await rendered(canvasElement);
    const field = phone.shadowRoot!.querySelector<VcPlaceCall>('vc-place-call')!;
    field.value = args.typed;
    await field.openField();
    await rendered(canvasElement);
    // The check of the entry is asynchronous (the phone-number code loads lazily): wait for its words.
    const deadline = Date.now() + 5000;
    while (!field.shadowRoot!.querySelector('[part="error"]') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  },
};
export default meta;
type Story = StoryObj<Args>;

export const English: Story = { args: { lang: 'en' } };
export const Spanish: Story = { name: 'Español', args: { lang: 'es' } };
export const French: Story = { name: 'Français', args: { lang: 'fr' } };
export const German: Story = { name: 'Deutsch', args: { lang: 'de' } };
export const Italian: Story = { name: 'Italiano', args: { lang: 'it' } };
export const Portuguese: Story = { name: 'Português (Brasil)', args: { lang: 'pt-BR' } };
export const Arabic: Story = { name: 'العربية (right to left)', args: { lang: 'ar' } };
