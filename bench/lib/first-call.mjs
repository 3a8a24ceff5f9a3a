// Which chunks of a CDN build a first call loads: bench/size.mjs prints them, bench/size-floor.mjs
// measures what could leave them.
import { gzipSync } from 'node:zlib';
import { NOT_FOR_FIRST_CALL } from './chunk-classes.mjs';

/**
 * The phone-number metadata's parts (src/phone/number-metadata.ts): a call loads the one part for
 * the number's first digit after +. The first-call figure counts the heaviest part (worst case).
 */
export const NUMBER_ZONE = /^chunks\/zone-(\d)-/;

/**
 * Files reachable from `entry` through static imports only (`withDynamic` false: what paints
 * first), or through static imports and the dynamic ones a first call makes; `skip(file)` leaves a
 * file (and what only it imports) out.
 */
export function reachable(chunks, entry, withDynamic, skip = () => false) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || skip(file)) return;
    seen.add(file);
    const chunk = chunks.get(file);
    for (const next of chunk.imports) visit(next);
    if (withDynamic) for (const next of chunk.dynamicImports) if (!NOT_FOR_FIRST_CALL.some((re) => re.test(next))) visit(next);
  };
  visit(entry);
  return seen;
}

/** The heaviest number-metadata part (by gzip), counted for a first call. */
export function heaviestZone(chunks) {
  const gzip = (file) => gzipSync(Buffer.from(chunks.get(file).code), { level: 9 }).length;
  return [...chunks.keys()].filter((file) => NUMBER_ZONE.test(file)).sort((a, b) => gzip(b) - gzip(a))[0];
}

/** Everything a first call loads from `entry`: the reachable chunks plus the heaviest metadata part. */
export function firstCallFiles(chunks, entry = 'vc-phone.js', skip = () => false) {
  const files = reachable(chunks, entry, true, skip);
  const zone = heaviestZone(chunks);
  if (zone) files.add(zone);
  return files;
}
