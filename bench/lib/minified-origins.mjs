// What a minified chunk is made of: its bytes attributed to the sources its source map names
// (each mapped segment runs to the next one), then grouped by origin (a package, or our src/).
// Used by bench/size.mjs to say how a first call's gzip splits between Lit, sip.js,
// libphonenumber-js and vc-phone's own code (each chunk's gzip shared out by minified bytes).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one Base64 VLQ segment of a source map's `mappings`. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a source map segment: ${text}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Minified characters per source file, from a chunk's code and its (version 3) source map. */
export function bytesBySource(code, map) {
  const lines = code.split('\n');
  const bytes = new Map();
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    const segments = line ? line.split(',').map(decodeSegment) : [];
    segments.forEach((segment, index) => {
      column += segment[0];
      if (segment.length > 1) source += segment[1];
      const end = index + 1 < segments.length ? column + segments[index + 1][0] : lines[lineIndex].length;
      const name = segment.length > 1 ? map.sources[source] : '(unmapped)';
      bytes.set(name, (bytes.get(name) ?? 0) + Math.max(0, end - column));
    });
  });
  return bytes;
}

/** The origin of a source path: the package under node_modules, or `vc-phone` for our own code. */
export function originOf(sourcePath) {
  // The build's stand-ins for parts of a package (scripts/lib/rollup-outbound-only.mjs) count as that package.
  const inPackage = /(?:node_modules\/|vc-outbound-only:)((?:@[^/]+\/)?[^/]+)/.exec(sourcePath);
  if (!inPackage) return sourcePath === '(unmapped)' ? 'other' : 'vc-phone';
  const name = inPackage[1];
  if (name === 'lit' || name === 'lit-html' || name === 'lit-element' || name.startsWith('@lit/')) return 'Lit';
  return name;
}
