import fc from 'fast-check';
import { gzipSync, strToU8, zipSync } from 'fflate';

/** `depth` levels of objects and lists (or lists only) around `leaf`. */
export function nested(depth: number, leaf: unknown, listsOnly = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = listsOnly || i % 2 ? [value] : { nested: value };
  return value;
}

const hostileFragment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('&amp;', '&#99999999;', '&#xD800;', '<!--', '-->', '<script>', '</script>', ']]>', '\u0000', '"', '\\', '<br/>', '{', '[', '"@type":"Recipe"', '\uFEFF', '1 cup '),
  fc.integer({ min: 1, max: 400 }).map((n) => 'x'.repeat(n)),
);

/** Text built from entities, tags, comment markers, quotes and control characters. */
export const hostileString = fc.array(hostileFragment, { maxLength: 5 }).map((parts) => parts.join(''));

/** Any value a recipe field might hold: wrong types, hostile text, deep nesting, huge strings. */
const fieldValue = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(hostileString, { maxLength: 5 }),
  fc.constantFrom<unknown>(null, -1, 0, 1e308, 'PT1H30M', 'P99999Y', 'Serves 4-6', ['4', '4 servings'], { '@type': 'HowToStep' }),
  fc.array(fc.record({ '@type': fc.constantFrom('HowToSection', 'HowToStep'), name: hostileString, text: hostileString, itemListElement: fc.array(hostileString, { maxLength: 3 }) }), { maxLength: 3 }),
  fc.integer({ min: 20, max: 400 }).map((depth) => nested(depth, 'deep')),
  fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'y'.repeat(length)),
);

/** A schema.org Recipe node whose fields hold anything. */
export const recipeNode = fc
  .dictionary(
    fc.constantFrom('name', 'recipeIngredient', 'ingredients', 'recipeInstructions', 'recipeYield', 'prepTime', 'cookTime', 'totalTime', 'keywords', 'recipeCategory', 'url', '@graph', 'mainEntity', '@id'),
    fieldValue,
    { maxKeys: 7 },
  )
  .map((node) => ({ '@type': 'Recipe', ...node }));

const jsonLdBody = fc.oneof(
  recipeNode.map((node) => JSON.stringify(node)),
  fc.tuple(recipeNode, fc.nat()).map(([node, cut]) => {
    const text = JSON.stringify(node);
    return text.slice(0, cut % text.length);
  }),
  recipeNode.map((node) => JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, node, node] })),
  recipeNode.map((node) => JSON.stringify({ '@type': 'NewsArticle', mainEntity: node })),
  recipeNode.map((node) => `<!--${JSON.stringify(node)}-->`),
  recipeNode.map((node) => `<![CDATA[${JSON.stringify(node)}]]>`),
  hostileString,
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '{"@graph":['.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
);

/** An HTML page with JSON-LD scripts that are broken, hostile, unclosed or mislabelled. */
export const recipePage = fc
  .array(
    fc.oneof(
      fc
        .tuple(jsonLdBody, fc.constantFrom('type="application/ld+json"', "type='application/ld+json'", 'type=application/ld+json', 'type="application/ld+json', 'type="text/javascript"'), fc.boolean())
        .map(([body, type, closed]) => `<script ${type}>${body}${closed ? '</script>' : ''}`),
      hostileString,
      fc.constantFrom('<title>Soup &amp; bread</title>', '<link rel=canonical href="https://x.example/r">', '<link', '<meta', '<script'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => `<!doctype html><html><head>${parts.join('\n')}</head><body></body></html>`);

const goodExport = zipSync({
  'Lentil soup.paprikarecipe': gzipSync(strToU8(JSON.stringify({ name: 'Lentil soup', ingredients: '1 cup red lentils\n1 onion', directions: 'Simmer.', servings: '4' }))),
  'Porridge.paprikarecipe': gzipSync(strToU8(JSON.stringify({ name: 'Porridge', ingredients: '1 cup oats', directions: 'Cook.' }))),
});

const paprikaRecord = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  recipeNode,
  fc.record({ name: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 1 })), ingredients: fieldValue, directions: fieldValue, servings: fieldValue, categories: fieldValue }, { requiredKeys: [] }),
);

/** Paprika exports that are broken: noise after a zip signature, damaged or cut archives, entries that hold anything. */
export const brokenPaprika = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat()).map(([noise, at]) => {
    const bytes = goodExport.slice();
    const offset = at % bytes.length;
    bytes.set(noise.slice(0, bytes.length - offset), offset);
    return bytes;
  }),
  fc.nat().map((cut) => goodExport.slice(0, 4 + (cut % (goodExport.length - 4)))),
  fc.array(fc.tuple(paprikaRecord, fc.boolean(), fc.constantFrom('r.paprikarecipe', 'a/b.paprikarecipe', '__MACOSX/._r.paprikarecipe', '../../evil.paprikarecipe', 'x.txt')), { maxLength: 4 }).map((entries) =>
    zipSync(
      Object.fromEntries(entries.map(([record, gzipped, name], i) => [`${i}-${name}`, gzipped ? gzipSync(strToU8(JSON.stringify(record) ?? '')) : strToU8(JSON.stringify(record) ?? '')])),
      { level: 0 },
    ),
  ),
);
