// The Storybook docs pages (stories/docs/*.mdx) name only what exists: every `vc-` event and
// element name, `--vc-` custom property, part, custom state, `data-vc-` attribute, attribute of a
// `<vc-*>` tag in an example, and `phone.x` / `call.x` / `detail.x` member they mention is found in
// src/ or custom-elements.json. And they keep up: every event, every custom property and every
// `<vc-phone>` attribute is on its page. Reads files only (no build, no browser).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const docsDir = path.join(root, 'stories/docs');
const pages = Object.fromEntries(fs.readdirSync(docsDir).filter((f) => f.endsWith('.mdx')).map((f) => [f, fs.readFileSync(path.join(docsDir, f), 'utf8')]));

function sourcesUnder(dir) {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8'))
    .join('\n');
}
const src = sourcesUnder('src');

// The manifest: each element's attributes, members, parts, custom properties and states.
const manifest = JSON.parse(read('custom-elements.json'));
const elements = new Map();
for (const mod of manifest.modules) for (const decl of mod.declarations ?? []) if (decl.tagName) elements.set(decl.tagName, decl);
const names = (list) => new Set((list ?? []).map((entry) => entry.name).filter(Boolean));
const all = (key) => new Set([...elements.values()].flatMap((decl) => [...names(decl[key])]));
const cssProperties = all('cssProperties');
const cssParts = all('cssParts');
const cssStates = all('cssStates');
const memberNames = new Set([...elements.values()].flatMap((decl) => [...names(decl.members), ...[...names(decl.attributes)]]));

// Event names, from the event classes themselves (not the example in a doc comment).
const eventNames = new Set([...sourcesUnder('src/events').matchAll(/^\s*static override readonly eventName = '(vc-[a-z-]+)'/gm)].map((m) => m[1]));

/** Quoted kebab-case strings of a TypeScript array literal `NAME = [...]` in `file`. */
function arrayLiteral(file, name) {
  const text = read(file);
  const start = text.indexOf(`${name} = [`);
  assert.notEqual(start, -1, `${name} not found in ${file}`);
  const body = text.slice(start, text.indexOf(']', start));
  return [...body.matchAll(/'([a-z][a-z-]*)'/g)].map((m) => m[1]);
}

/** The parts a page can reach as `vc-phone::part(x)`: its own and those it re-exports. */
function vcPhoneParts() {
  const parts = new Set(names(elements.get('vc-phone').cssParts));
  // Its template: the desk (phone-desk.ts).
  const desk = read('src/components/phone/phone-desk.ts');
  const status = /<vc-phone-status[^>]*exportparts="([^"]+)"/.exec(desk);
  assert.ok(status, 'the status bar exportparts of <vc-phone> not found');
  for (const part of status[1].split(',')) parts.add(part.trim());
  for (const part of arrayLiteral('src/components/place-call/place-call.ts', 'PLACE_CALL_PARTS')) parts.add(part === 'base' ? 'place-call-base' : part);
  for (const part of arrayLiteral('src/components/call-list/call-list.parts.ts', 'CALL_LIST_PARTS')) parts.add(part);
  for (const part of arrayLiteral('src/components/call-box/call-box.parts.ts', 'CALL_BOX_PARTS')) if (part !== 'base') parts.add(part);
  return parts;
}

/** Each problem as "page: what", so a failure lists them all at once. */
function check(find) {
  const problems = [];
  for (const [page, text] of Object.entries(pages)) for (const problem of find(text)) problems.push(`${page}: ${problem}`);
  assert.deepEqual(problems, []);
}

const EVENT_TARGET = new Set(['addEventListener', 'removeEventListener', 'dispatchEvent']);
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'style', 'lang', 'dir', 'hidden', 'slot', 'part', 'exportparts', 'title', 'tabindex']);

describe('Storybook docs pages name only what exists', () => {
  it('finds the docs pages', () => {
    for (const page of ['embedding.mdx', 'events.mdx', 'phone-api.mdx', 'theming.mdx']) assert.ok(pages[page], `stories/docs/${page} is missing`);
  });

  it('every vc- name is an event or an element', () => {
    check((text) =>
      [...text.matchAll(/(?<![\w/.-])vc-[a-z0-9-]*[a-z0-9](?![\w-])(?!\.m?js)/g)]
        .map((m) => m[0])
        .filter((name) => !eventNames.has(name) && !elements.has(name))
        .map((name) => `"${name}" is neither an event nor an element`),
    );
  });

  it('every --vc- custom property exists', () => {
    check((text) =>
      [...text.matchAll(/--vc-[a-z0-9-]*[a-z0-9]/g)]
        .map((m) => m[0])
        .filter((name) => !cssProperties.has(name) && !src.includes(name))
        .map((name) => `custom property ${name} is not in custom-elements.json or src/`),
    );
  });

  it('every ::part() exists, and vc-phone::part() is one <vc-phone> re-exports', () => {
    const throughPhone = vcPhoneParts();
    check((text) =>
      [...text.matchAll(/([\w-]*)::part\(([a-z-]+)\)/g)].flatMap(([, host, part]) => {
        if (host === 'vc-phone') return throughPhone.has(part) ? [] : [`vc-phone::part(${part}) is not re-exported by <vc-phone>`];
        return cssParts.has(part) ? [] : [`::part(${part}) is no element's part`];
      }),
    );
  });

  it('every :state() exists', () => {
    check((text) => [...text.matchAll(/:state\(([a-z-]+)\)/g)].filter(([, state]) => !cssStates.has(state)).map(([, state]) => `:state(${state}) is no element's custom state`));
  });

  it('every data-vc- attribute is read by the code', () => {
    check((text) => [...text.matchAll(/data-vc-[a-z-]+/g)].filter(([name]) => !src.includes(name)).map(([name]) => `${name} is not in src/`));
  });

  it('every attribute written on a <vc-*> tag is one of its attributes', () => {
    check((text) =>
      [...text.matchAll(/<(vc-[a-z-]+)(\s[^>]*)?>/g)].flatMap(([, tag, rest = '']) => {
        const decl = elements.get(tag);
        if (!decl) return [`<${tag}> is no element`];
        const own = names(decl.attributes);
        const plain = rest.replace(/"[^"]*"|'[^']*'/g, '""');
        return [...plain.matchAll(/(?:^|\s)([a-z][a-z-]*)(?==|\s|\/|$)/g)]
          .map((m) => m[1])
          .filter((attribute) => !own.has(attribute) && !GLOBAL_ATTRIBUTES.has(attribute))
          .map((attribute) => `<${tag} ${attribute}> is not an attribute of <${tag}>`);
      }),
    );
  });

  it('every phone.x, call.x and detail.x member exists', () => {
    // Phone's members are declared along its class chain: PhoneCore -> PhoneRecords -> Phone; Call's: CallReadout -> Call.
    const phoneSide = [read('src/phone/phone.ts'), read('src/phone/phone-records.ts'), read('src/phone/phone-core.ts'), read('src/phone/call-readout.ts'), read('src/phone/call.ts'), sourcesUnder('src/testing')].join('\n');
    const declares = (text, name) => new RegExp(`(?:get |async |readonly |\\s)${name}(?:\\?)?\\s*[(:=<]`).test(text);
    const audio = read('src/phone/audio-devices.ts');
    const history = read('src/phone/call-history.ts');
    const eventsText = [sourcesUnder('src/events'), read('src/phone/types.ts'), read('src/phone/audio-types.ts'), read('src/phone/call-quality.ts'), read('src/phone/call-quality-types.ts')].join('\n');
    check((text) => [
      ...[...text.matchAll(/(?<![\w/.-])(?:phone|call|callA|callB|consult)\.([a-zA-Z]+)/g)]
        .map((m) => m[1])
        .filter((name) => !EVENT_TARGET.has(name) && !declares(phoneSide, name) && !memberNames.has(name))
        .map((name) => `.${name} is not a member of Phone, Call, FakePhone or an element`),
      ...[...text.matchAll(/\bphone\.audio\.([a-zA-Z]+)/g)].map((m) => m[1]).filter((name) => !declares(audio, name)).map((name) => `phone.audio.${name} does not exist`),
      ...[...text.matchAll(/\bphone\.history\.([a-zA-Z]+)/g)].map((m) => m[1]).filter((name) => !declares(history, name)).map((name) => `phone.history.${name} does not exist`),
      ...[...text.matchAll(/\bdetail\.([a-zA-Z0-9]+)/g)]
        .map((m) => m[1])
        .filter((name) => !new RegExp(`\\b${name}\\b`).test(eventsText))
        .map((name) => `detail.${name} is in no event's detail`),
    ]);
  });
});

describe('Storybook docs pages keep up with the code', () => {
  it('the Events page names every event', () => {
    const missing = [...eventNames].filter((name) => !new RegExp(`\`${name}\\\\?\``).test(pages['events.mdx']));
    assert.deepEqual(missing, [], 'add these events to stories/docs/events.mdx');
  });

  it('the Theming page names every custom property of the manifest', () => {
    const missing = [...cssProperties].filter((name) => !pages['theming.mdx'].includes(name));
    assert.deepEqual(missing, [], 'add these custom properties to stories/docs/theming.mdx');
  });

  it('the Embedding page names every <vc-phone> attribute', () => {
    const missing = [...names(elements.get('vc-phone').attributes)].filter((name) => !new RegExp(`\`${name}\\\\?\``).test(pages['embedding.mdx']));
    assert.deepEqual(missing, [], 'add these <vc-phone> attributes to stories/docs/embedding.mdx');
  });
});
