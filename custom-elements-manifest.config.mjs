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
 * `VcDialpad.define('vc-dialpad')` (the elements' base-class `define()`) registers a tag, as
 * `customElements.define('vc-dialpad', VcDialpad)` does: record it the same way, so the class
 * gets its tag name.
 */
function baseClassDefineCalls() {
  return {
    name: 'vc-define-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (node.kind !== ts.SyntaxKind.CallExpression) return;
      const callee = node.expression;
      const [tag] = node.arguments;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define' || !ts.isIdentifier(callee.expression)) return;
      if (node.arguments.length !== 1 || !ts.isStringLiteral(tag)) return;
      const name = callee.expression.text;
      const imported = context?.imports?.find((entry) => entry.name === name);
      const module = imported && !imported.isBareModuleSpecifier ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname : moduleDoc.path;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name, module } }];
    },
  };
}

/**
 * The public API only, in a stable order: private, protected and static members (and `@internal`
 * ones, which the analyzer drops itself) are implementation, not something to document or turn into a
 * Storybook control; module order follows the file walk, which varies.
 */
function publicApiStableOrder() {
  return {
    name: 'vc-public-api',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // The elements' base classes (src/internal) define no tag: documented for what the
          // elements inherit, not listed as elements.
          if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
          // An event the analyzer found as a `dispatchEvent(new VcXEvent(...))` call has no name
          // (ours keep it in a static field); each is documented with its name by an `@event` tag.
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          if (declaration.members) {
            // Static members (`define()`, `version`) belong to the class, not to an element on the page.
            declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.static && !member.name.startsWith('#'));
          }
        }
      }
    },
  };
}

export default {
  // src/internal holds the base classes: the elements' inherited members (`phone`) are documented from there.
  globs: ['src/components/**/*.ts', 'src/internal/vc-element.ts', 'src/internal/vc-phone-consumer-element.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.parts.ts', 'src/components/shared/**'],
  outdir,
  // package.json's customElements field is written by hand: the freshness check analyses into a
  // temporary folder and must not point the package at it.
  packagejson: false,
  litelement: true,
  dev: false,
  plugins: [baseClassDefineCalls(), publicApiStableOrder(), vscodeCustomData()],
};
