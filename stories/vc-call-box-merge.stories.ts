import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { phoneWithCalls, settle, type Loaded } from './support.js';
import type { Call } from '../src/phone/call.js';

interface Args {
  /** What the two calls are doing. */
  scene: 'offered' | 'merged' | 'merged-muted' | 'one-left' | 'refused';
}

/** Two connected calls set up for the scene (FakePhone, no server). */
async function scene(name: Args['scene']): Promise<Loaded> {
  const loaded = await phoneWithCalls(
    [
      { state: 'connected', label: 'Alice Martin', to: '+44 20 7946 0958' },
      { state: 'connected', label: 'Bob Chen', to: '+1 415 555 0132' },
    ],
    { autoHold: false },
  );
  const phone = loaded.phone;
  const [alice, bob] = loaded.calls as [Call, Call];
  if (name === 'merged' || name === 'merged-muted' || name === 'one-left') await phone.merge(alice, bob);
  if (name === 'merged-muted') bob.mute();
  if (name === 'one-left') phone.far(alice).hangUp();
  if (name === 'refused') phone.far(alice).refuseNextMerge = 'Both calls need their audio connected before they can be merged.';
  await settle();
  return loaded;
}

/**
 * Merging two calls into one conversation (mixed in the browser): the "Merge" action appears
 * when another call is connected; once merged each box says "Merged with …" and offers "Split".
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-call-box/Merge',
  component: 'vc-call-box',
  args: { scene: 'offered' },
  argTypes: { scene: { control: 'select', options: ['offered', 'merged', 'merged-muted', 'one-left', 'refused'] } },
  loaders: [async ({ args }) => ({ ...(await scene(args.scene)) })],
  render: (_args, { loaded }) => {
    const { phone, calls } = loaded as Loaded;
    return html`<div style="max-width: 400px; display: grid; gap: 12px">
      ${calls.map((call) => html`<vc-call-box .phone=${phone} .call=${call} silent></vc-call-box>`)}
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const MergeOffered: Story = { name: 'Merge offered (two connected calls)' };
export const Merged: Story = { args: { scene: 'merged' } };
export const MergedMuted: Story = { name: 'Merged, muted in both', args: { scene: 'merged-muted' } };
export const OneLegHungUp: Story = { name: 'One leg hung up (the other carries on)', args: { scene: 'one-left' } };
export const MergeRefused: Story = {
  name: 'Merge refused',
  args: { scene: 'refused' },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="merge-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
  },
};

/** The widest row of controls (Mute, Hold, Merge, Hang up, Keypad, colour, X) in a 320 px box, dark: still one row. */
export const MergeOfferedNarrowDark: Story = {
  name: 'Merge offered, 320 px, dark',
  render: (_args, { loaded }) => {
    const { phone, calls } = loaded as Loaded;
    return html`<div style="width: 320px; display: grid; gap: 12px; padding: 16px; background: #0d1117; --vc-color-scheme: dark">
      ${calls.map((call) => html`<vc-call-box .phone=${phone} .call=${call} silent></vc-call-box>`)}
    </div>`;
  },
};
