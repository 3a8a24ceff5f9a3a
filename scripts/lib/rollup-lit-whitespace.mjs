// Rollup plugin for the CDN build: takes the layout out of our own Lit templates, which terser
// leaves as written.
// - css`...`: comments go, and whitespace around `{ } ; , :` (quoted strings stay as written);
//   other runs of whitespace become one space, so every rule reads the same.
// - html`...` and svg`...`: a run of whitespace holding a line break becomes one space (HTML
//   collapses it the same way: no element of ours shows preformatted text).
// Only the literal parts of a template change (never a `${...}`), found in the module's syntax
// tree, and a part with a backslash is left alone. `npm run bench:size` prints what the build
// weighs; test/unit/lit-whitespace.test.mjs checks the transform.

/** Layout whitespace out of CSS text that holds no quoted string. */
const squeezeText = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

/**
 * One literal part of a css`` template without comments and layout whitespace; quoted strings
 * stay as written. `first`/`last`: the part starts/ends the template (its ends may be trimmed;
 * elsewhere a space next to a `${...}` stays a space).
 */
export function squeezeCss(text, first = true, last = true) {
  if (text.includes('\\')) return text;
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, ' ').split(/('[^'\n]*'|"[^"\n]*")/);
  let out = parts.map((part, i) => (i % 2 ? part : squeezeText(part))).join('');
  // Next to a `${...}` keep one space where there was some (`margin: ${a} ${b}`).
  if (!first && /^\s/.test(text) && !/^[\s{};,]/.test(out)) out = ` ${out.trimStart()}`;
  if (!last && /\s$/.test(text) && !/[\s{};,:]$/.test(out)) out = `${out.trimEnd()} `;
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}

/** One literal part of an html``/svg`` template: each run of whitespace with a line break becomes one space. */
export function squeezeHtml(text) {
  return text.includes('\\') ? text : text.replace(/[ \t]*\n\s*/g, ' ');
}

/** Every node of an ESTree `tree` (depth first). */
function* nodes(tree) {
  if (!tree || typeof tree.type !== 'string') return;
  yield tree;
  for (const [key, value] of Object.entries(tree)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const item of value) yield* nodes(item);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

export function litWhitespace() {
  return {
    name: 'vc-lit-whitespace',
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s$/.test(id.replaceAll('\\', '/')) || !/\b(css|html|svg) ?`/.test(code)) return null;
      const edits = [];
      for (const node of nodes(this.parse(code))) {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
        const kind = node.tag.name;
        if (kind !== 'css' && kind !== 'html' && kind !== 'svg') continue;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, i) => {
          const raw = code.slice(quasi.start, quasi.end);
          const squeezed = kind === 'css' ? squeezeCss(raw, i === 0, i === quasis.length - 1) : squeezeHtml(raw);
          if (squeezed !== raw) edits.push({ start: quasi.start, end: quasi.end, text: squeezed });
        });
      }
      if (edits.length === 0) return null;
      let out = '';
      let at = 0;
      for (const edit of edits.sort((a, b) => a.start - b.start)) {
        out += code.slice(at, edit.start) + edit.text;
        at = edit.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
