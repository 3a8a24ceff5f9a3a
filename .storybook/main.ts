import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Telemetry only slows the build down here (failed look-ups) and reports nothing useful.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    viteConfig.optimizeDeps ??= {};
    // One copy of Lit in `storybook dev` (else "Multiple versions of Lit loaded").
    viteConfig.optimizeDeps.include = [...(viteConfig.optimizeDeps.include ?? []), 'lit/directive-helpers.js'];
    return viteConfig;
  },
};

export default config;
