// custom-elements.json from the elements' JSDoc (`npm run analyze`), plus VS Code custom data
// (vscode.html-custom-data.json) made from the manifest, so tags and attributes complete in
// editors. Both files are committed; `npm run analyze:check` fails if either is stale.
import fs from 'node:fs';
import path from 'node:path';

const outdir = process.env.CEM_OUTDIR ?? '.';

/** Writes VS Code's HTML custom data: tags with their summary, attributes and reference link. */
function vscodeCustomData() {
  return {
    name: 'vc-vscode-custom-data',
    packageLinkPhase({ customElementsManifest }) {
      const tags = [];
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement || !declaration.tagName) continue;
          const events = (declaration.events ?? []).filter((e) => e.name).map((e) => `- \`${e.name}\`: ${e.description ?? ''}`);
          const parts = (declaration.cssParts ?? []).map((p) => `- \`${p.name}\`: ${p.description ?? ''}`);
          tags.push({
            name: declaration.tagName,
            description: [
              declaration.summary ?? declaration.description ?? '',
              events.length ? `\n\nEvents:\n${events.join('\n')}` : '',
              parts.length ? `\n\nCSS parts:\n${parts.join('\n')}` : '',
            ].join(''),
            attributes: (declaration.attributes ?? []).map((attribute) => {
              const values = (attribute.type?.text ?? '')
                .split('|')
                .map((v) => v.trim())
                .filter((v) => /^'[^']*'$/.test(v))
                .map((v) => ({ name: v.slice(1, -1) }));
              return {
                name: attribute.name,
                description: attribute.description ?? '',
                ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
                ...(values.length ? { values } : {}),
              };
            }),
          });
        }
      }
      tags.sort((a, b) => a.name.localeCompare(b.name));
      const data = { $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags };
      fs.writeFileSync(path.join(outdir, 'vscode.html-custom-data.json'), `${JSON.stringify(data, null, 2)}\n`);
    },
  };
}

/**
 * The public API only, in a stable order: private and protected members (and `@internal` ones,
 * which the analyzer drops itself) are implementation, not something to document or turn into a
 * Storybook control; module order follows the file walk, which varies.
 */
function publicApiStableOrder() {
  return {
    name: 'vc-public-api',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.parts.ts', 'src/components/shared/**'],
  outdir,
  // package.json's customElements field is written by hand: the freshness check analyses into a
  // temporary folder and must not point the package at it.
  packagejson: false,
  litelement: true,
  dev: false,
  plugins: [publicApiStableOrder(), vscodeCustomData()],
};
