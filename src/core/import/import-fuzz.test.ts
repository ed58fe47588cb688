import fc from 'fast-check';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, parsePaprikaExport, parsePlainTextRecipe, parseRecipesFromHtml, type RecipeDraft } from './index';

function draftProblem(draft: RecipeDraft): string | null {
  if (typeof draft.name !== 'string' || draft.name.length === 0 || draft.name.length > 300) return `bad name ${JSON.stringify(draft.name)}`;
  if (!Number.isFinite(draft.servings) || draft.servings <= 0) return `bad servings ${draft.servings}`;
  for (const list of [draft.ingredients, draft.steps, draft.tags]) {
    if (!Array.isArray(list) || list.some((line) => typeof line !== 'string' || line.length === 0)) return 'bad list';
  }
  for (const minutes of [draft.prepMinutes, draft.cookMinutes, draft.totalMinutes]) {
    if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 0)) return `bad minutes ${minutes}`;
  }
  if (draft.source !== null && !/^https?:\/\//i.test(draft.source)) return `bad source ${draft.source}`;
  return null;
}

/** Runs an import and checks it either gives well-formed drafts or throws ImportError with one line. */
function expectDraftsOrImportError(run: () => RecipeDraft[]): void {
  let drafts: RecipeDraft[];
  try {
    drafts = run();
  } catch (error) {
    if (!(error instanceof ImportError) || error.message.length === 0 || error.message.includes('\n')) {
      expect.fail(`unexpected error: ${String(error)}`);
    }
    return;
  }
  if (drafts.length === 0) expect.fail('no drafts and no error');
  for (const draft of drafts) {
    const problem = draftProblem(draft);
    if (problem) expect.fail(problem);
  }
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('&amp;', '&#x27;', '&#99999999;', '&#xD800;', '&frac12', '<b>', '</p>', '<!--', '-->', '<script>', '</script>', ']]>', '((', '\u0000', '\n', '\\', '"', 'PT', 'P1Y2M3W4DT5H6M7.5S', '<br/>', '&lt;p&gt;', '<li>', '<tr>', '<div class="ingredient">', '1 cup '),
  fc.integer({ min: 1, max: 200 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 40 }).map((n) => '<!--<a '.repeat(n)),
);
const hostileString = fc.array(hostileText, { maxLength: 4 }).map((parts) => parts.join(''));

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 3 === 0 ? [value] : { '@type': 'Recipe', itemListElement: value };
  return value;
}

/** Any value, biased towards what recipe fields hold, wrong types included. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(hostileString, { maxLength: 6 }),
  fc.double(),
  fc.constantFrom(null, true, -1, 0, 1e308, 'PT1H30M', 'P0DT20M', 'Serves 4-6', ['4', '4 servings']),
  fc.record({ '@type': fc.constantFrom('HowToStep', 'HowToSection', 'ItemList', 'Recipe'), name: hostileString, text: hostileString }),
  fc.integer({ min: 20, max: 70 }).map((depth) => nest(depth, 'deep')),
  fc.array(fc.record({ '@type': fc.constantFrom('HowToSection', 'HowToStep'), name: hostileString, itemListElement: fc.array(hostileString, { maxLength: 4 }) }), { maxLength: 4 }),
);

const recipeNode = fc.dictionary(
  fc.constantFrom('@type', 'name', 'recipeIngredient', 'ingredients', 'recipeInstructions', 'recipeYield', 'prepTime', 'cookTime', 'totalTime', 'keywords', 'recipeCategory', 'recipeCuisine', 'url', 'description', 'mainEntityOfPage', '@graph', 'mainEntity'),
  fieldValue,
  { maxKeys: 8 },
).map((node) => ({ '@type': 'Recipe', ...node }));

const container = fc.oneof(
  recipeNode,
  recipeNode.map((node) => ({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, node] })),
  recipeNode.map((node) => ({ '@type': 'NewsArticle', mainEntity: node })),
  recipeNode.map((node) => [node, node]),
  recipeNode.map((node) => ({ ...node, '@type': ['Recipe', 'NewsArticle'] })),
  fc.jsonValue({ maxDepth: 3 }),
);

const scriptBody = fc.oneof(
  container.map((value) => JSON.stringify(value)),
  fc.tuple(container, fc.nat()).map(([value, cut]) => {
    const text = JSON.stringify(value);
    return text.slice(0, cut % (text.length + 1));
  }),
  container.map((value) => `<![CDATA[${JSON.stringify(value)}]]>`),
  container.map((value) => `<!--${JSON.stringify(value)}-->`),
  container.map((value) => JSON.stringify(value, null, 1).replace(/,/g, ',\n,')),
  hostileString,
  fc.integer({ min: 1, max: 300 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
);

const scriptTag = fc.tuple(scriptBody, fc.constantFrom('type="application/ld+json"', "TYPE='application/ld+json' id=x", 'data-a="1" type=application/ld+json', 'type="text/javascript"', 'type="application/ld+json'), fc.boolean()).map(
  ([body, attributes, closed]) => `<script ${attributes}>${body}${closed ? '</script>' : ''}`,
);

const page = fc
  .tuple(fc.array(fc.oneof(scriptTag, hostileString, fc.constantFrom('<link rel=canonical href="https://x.example/r">', '<title>T &amp; T</title>', '<link', '<meta', '<script')), { maxLength: 4 }))
  .map(([parts]) => `<html><head>${parts.join('\n')}</head></html>`);

function page0(ingredients: string): string {
  return `<script type="application/ld+json">{"@type":"Recipe","name":"n","recipeIngredient":${ingredients}}</script>`;
}

const validExport = zipSync({ 'a.paprikarecipe': gzipSync(strToU8('{"name":"A","ingredients":"1 egg"}')) });
/** Deflated inside the zip as well: the reader's own file list and inflater see the damage. */
const deflatedExport = zipSync({ 'a.paprikarecipe': strToU8('{"name":"A","ingredients":"1 egg"}'), 'b.paprikarecipe': gzipSync(strToU8('{"name":"B"}')) }, { level: 6 });

describe('recipe import under malformed input', () => {
  it('never fails other than with ImportError over 10,000 hostile inputs', () => {
    let runs = 0;
    fc.assert(
      fc.property(page, (html) => {
        runs += 1;
        expectDraftsOrImportError(() => parseRecipesFromHtml(html));
      }),
      { numRuns: 7_000 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileString, fc.constantFrom('Ingredients', 'Method', 'Serves 4', '2 cups flour', '## Steps', '1. Mix')), { maxLength: 12 }), (lines) => {
        runs += 1;
        expectDraftsOrImportError(() => [parsePlainTextRecipe(lines.join('\n'))]);
      }),
      { numRuns: 1_500 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])),
          fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), recipeNode, fc.record({ name: hostileString, ingredients: fieldValue, directions: fieldValue, servings: fieldValue, categories: fieldValue })), { minLength: 1, maxLength: 3 }).map((records) =>
            zipSync(Object.fromEntries(records.map((record, index) => [`r${index}.paprikarecipe`, index % 2 ? strToU8(JSON.stringify(record) ?? '') : gzipSync(strToU8(JSON.stringify(record) ?? ''), { level: 1 })])), { level: 0 }),
          ),
          fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.boolean()).map(([noise, at, deflated]) => {
            const bytes = (deflated ? deflatedExport : validExport).slice();
            const offset = at % bytes.length;
            bytes.set(noise.slice(0, bytes.length - offset), offset);
            return bytes;
          }),
        ),
        (bytes) => {
          runs += 1;
          expectDraftsOrImportError(() => parsePaprikaExport(bytes));
        },
      ),
      { numRuns: 1_500 },
    );
    expect(runs).toBeGreaterThanOrEqual(10_000);
  });

  it('stays linear on pages built to make regular expressions backtrack', () => {
    const pages = [
      '<link'.repeat(200_000),
      '<script'.repeat(200_000),
      `<script type="application/ld+json">${'<!--'.repeat(100_000)}</script>`,
      `<title${' '.repeat(500_000)}`,
      `${page0('["salt","pepper"]')}${'<li>salt <div class=\'ingredient'.repeat(100_000)}`,
      `${page0('["salt","pepper"]')}<div ${"class='".repeat(200_000)}`,
      `<script type="application/ld+json">{"@type":"Recipe","name":"${'<!--<a '.repeat(50_000)}","recipeIngredient":["${'&#'.repeat(100_000)}"]}</script>`,
      `<script type="application/ld+json">${JSON.stringify(Array.from({ length: 50_000 }, () => ({ '@type': 'Recipe' })))}</script>`,
      `<script type="application/ld+json">${'['.repeat(100_000)}${']'.repeat(100_000)}</script>`,
      `<script type="application/ld+json">${'{"@type":"Recipe","name":"n","recipeInstructions":'.repeat(20_000)}1${'}'.repeat(20_000)}</script>`,
    ];
    for (const html of pages) expectDraftsOrImportError(() => parseRecipesFromHtml(html));
  });
});
