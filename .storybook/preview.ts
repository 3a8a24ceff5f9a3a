import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { Decorator } from '@storybook/web-components-vite';
import type { StrictArgTypes } from 'storybook/internal/types';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import '../src/vc-phone.js';

// Controls and the API tables come from the same manifest the IDEs read.
setCustomElementsManifest(manifest);

/** Properties that are objects for code (the phone, the call) or internal: documented, never a control. */
const NOT_CONTROLS = new Set(['phone', 'call', 'resolvedCall', 'pending', 'afterDial', 'auth', 'phoneReady']);

/**
 * Makes the manifest's argTypes usable as controls: CSS custom properties get a colour or text
 * control (and really restyle the story, see `withTokens`), booleans a toggle, and object-valued
 * or internal properties no control at all.
 */
const controlsFromManifest = (argTypes: StrictArgTypes): StrictArgTypes => {
  const out: StrictArgTypes = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const typeName = String((argType.type as { name?: string } | undefined)?.name ?? '');
    if (category === 'css custom properties') {
      out[key] = { ...argType, type: { name: 'string' }, control: /color|background|backdrop/.test(key) && !/scheme/.test(key) ? { type: 'color' } : { type: 'text' } };
    } else if ((category === 'properties' || category === 'attributes') && NOT_CONTROLS.has(key)) {
      out[key] = { ...argType, control: false };
    } else if ((category === 'properties' || category === 'attributes') && /^boolean( \| undefined)?$/.test(typeName)) {
      out[key] = { ...argType, type: { name: 'boolean' }, control: { type: 'boolean' } };
    } else if ((category === 'properties' || category === 'attributes') && /Phone|Call|=>|Promise|SipCredentials/.test(typeName)) {
      out[key] = { ...argType, control: false };
    } else out[key] = argType;
  }
  return out;
};

/** Token controls restyle the story: every `--vc-*` arg set in the Controls panel lands on a wrapper. */
const withTokens: Decorator = (story, context) => {
  const tokens: Record<string, string> = {};
  for (const [key, value] of Object.entries(context.args)) if (key.startsWith('--') && typeof value === 'string' && value) tokens[key] = value;
  return Object.keys(tokens).length ? html`<div style=${styleMap(tokens)}>${story()}</div>` : story();
};

/** The toolbar's language: every story renders under `lang` (the elements follow it, Arabic right to left). */
const withLocale: Decorator = (story, context) => {
  const locale = context.globals.locale as string | undefined;
  return locale && locale !== 'en' ? html`<div lang=${locale}>${story()}</div>` : story();
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements (their nearest lang attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'it', title: 'Italiano' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
  argTypesEnhancers: [(context) => controlsFromManifest(context.argTypes)],
  decorators: [withTokens, withLocale],
};

export default preview;
