// Names of TypeScript `private`/`protected` class members in src/ that a build could safely
// shorten: declared private somewhere, never declared public (member, object literal key or
// interface field), not decorated (Lit reads decorated names as strings), longer than two
// characters, never named in a string (Lit's `createProperty('name')` reads it so), and not used
// as a property name in the library code given. Used by
// bench/size-floor.mjs to measure what renaming them would save; nothing is renamed in cdn/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const isHidden = (node) => (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
const isMember = (node) => ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);
const isPublicKey = (node) => ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node);

/** @param {string} root the project root; @param {string} libraryCode the bundled libraries' source. */
export function privateMemberNames(root, libraryCode) {
  const files = execFileSync('git', ['ls-files', 'src/**/*.ts'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const hidden = new Set();
  const visible = new Set();
  const named = new Set();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(`${root}/${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
      if (name && isMember(node)) (isHidden(node) && !ts.getDecorators(node)?.length ? hidden : visible).add(name);
      else if (name && ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && isHidden(node)) hidden.add(name);
      else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) named.add(node.text);
      else if (name && (isPublicKey(node) || ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && ts.getModifiers(node)?.length)) visible.add(name);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...hidden].filter((name) => !visible.has(name) && !named.has(name) && name.length > 2 && !new RegExp(`[.\\s]${name}\\b`).test(libraryCode));
}
