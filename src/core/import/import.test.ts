import { strToU8, zipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import graphSections from '../../../tests/fixtures/import/graph-sections.html?raw';
import lentilSoup from '../../../tests/fixtures/import/lentil-soup.txt?raw';
import mainEntity from '../../../tests/fixtures/import/main-entity.html?raw';
import noRecipe from '../../../tests/fixtures/import/no-recipe.html?raw';
import {
  ImportError,
  cleanText,
  decodeEntities,
  draftToRecipe,
  durationToMinutes,
  findJsonLdScripts,
  importRecipeFromHtml,
  isZip,
  parsePaprikaExport,
  parsePlainTextRecipe,
  parseRecipesFromHtml,
  parseRecipesFromJsonLd,
  servingsFromYield,
} from './index';

const FIXTURES: Record<string, string> = {
  'graph-sections.html': graphSections,
  'main-entity.html': mainEntity,
  'no-recipe.html': noRecipe,
  'lentil-soup.txt': lentilSoup,
};
const fixture = (name: string) => FIXTURES[name];

function page(jsonLd: string, head = ''): string {
  return `<html><head>${head}<script type="application/ld+json">${jsonLd}</script></head><body></body></html>`;
}

describe('text clean-up', () => {
  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('Salt &amp; pepper &#39;n&#x27; &frac12; cup&nbsp;milk &eacute;clair &hellip;')).toBe("Salt & pepper 'n' ½ cup\u00a0milk éclair …");
    expect(decodeEntities('&unknownentity; &#xD800; &amp')).toBe('&unknownentity; &#xD800; &');
    expect(decodeEntities('it&amp;#39;s')).toBe("it's");
    expect(decodeEntities('&#146;')).toBe('’');
    expect(decodeEntities('&frac25; &frac56; &half; cup &lpar;about 1&sol;2&rpar;&comma; diced&period;')).toBe('⅖ ⅚ ½ cup (about 1/2), diced.');
  });

  it('strips tags and collapses white space', () => {
    expect(cleanText('  <p>Mix <b>well</b>,&nbsp; then   rest.</p>\n')).toBe('Mix well, then rest.');
    expect(cleanText('&lt;p&gt;Encoded &lt;em&gt;markup&lt;/em&gt;&lt;/p&gt;')).toBe('Encoded markup');
    expect(cleanText('Use 1 < 2 cups')).toBe('Use 1 < 2 cups');
  });
});

describe('durations and yields', () => {
  it('reads ISO 8601 durations and loose text as minutes', () => {
    expect(durationToMinutes('PT1H30M')).toBe(90);
    expect(durationToMinutes('P0DT20M')).toBe(20);
    expect(durationToMinutes('PT0H35M')).toBe(35);
    expect(durationToMinutes('P1DT2H')).toBe(1_560);
    expect(durationToMinutes('PT90S')).toBe(2);
    expect(durationToMinutes('pt1.5h')).toBe(90);
    expect(durationToMinutes('1 hr 15 mins')).toBe(75);
    expect(durationToMinutes(45)).toBe(45);
    expect(durationToMinutes('soon')).toBeNull();
    expect(durationToMinutes('P')).toBe(0);
    expect(durationToMinutes({})).toBeNull();
    expect(durationToMinutes('-PT5M')).toBeNull();
  });

  it('reads servings from yields', () => {
    expect(servingsFromYield('4 servings')).toBe(4);
    expect(servingsFromYield('Serves 4-6')).toBe(4);
    expect(servingsFromYield('12 cookies')).toBe(12);
    expect(servingsFromYield('serves four')).toBe(4);
    expect(servingsFromYield('1,5 Liter')).toBe(1.5);
    expect(servingsFromYield('a lot')).toBeNull();
    expect(servingsFromYield('0')).toBeNull();
    expect(servingsFromYield('99999')).toBeNull();
  });
});

describe('HTML pages with JSON-LD', () => {
  it('finds the Recipe in @graph past a broken block, with sections, times, yield and tags', () => {
    const [draft] = parseRecipesFromHtml(fixture('graph-sections.html'));
    expect(draft).toEqual({
      name: 'Spiced Chickpea Stew & Greens',
      servings: 4,
      ingredients: ['2 tbsp olive oil', '1 large onion, diced', '2 (15 oz) cans chickpeas, drained', '1 ½ tsp ground cumin', 'Salt & pepper, to taste', '1 cup baby spinach (packed)'],
      steps: [
        'For the base: Heat the oil and soften the onion, about 8 minutes.',
        "For the base: Add the cumin's warmth: stir for 1 minute.",
        'To finish: Add chickpeas and simmer 25 minutes.',
        'To finish: Stir in the spinach until wilted.',
      ],
      tags: ['Dinner', 'Moroccan', 'chickpeas', 'stew', 'vegan'],
      source: 'https://kitchen.example/spiced-chickpea-stew/',
      prepMinutes: 15,
      cookMinutes: 35,
      totalMinutes: 50,
      description: 'A warming stew with chickpeas, tomatoes & spinach.',
      yieldText: '4 servings',
    });
  });

  it('finds a Recipe under mainEntity with an array of types, legacy ingredients and an HTML step list', () => {
    const [draft] = parseRecipesFromHtml(fixture('main-entity.html'));
    expect(draft.name).toBe('Lemon Drizzle Cake');
    expect(draft.servings).toBe(12);
    expect(draft.yieldText).toBe('Makes 12 slices');
    expect(draft.ingredients).toHaveLength(4);
    expect(draft.steps).toEqual(['Heat oven to 180C.', 'Beat butter and sugar.', 'Add eggs and zest; bake 45 mins.']);
    expect(draft.source).toBe('https://news.example/food/2026/lemon-cake');
    expect(draft.totalMinutes).toBe(60);
  });

  it('makes a stored recipe with the id and time the caller gives', () => {
    const recipe = importRecipeFromHtml(fixture('graph-sections.html'), { id: 'r-1', now: '2026-11-25T12:00:00.000Z' });
    expect(recipe.id).toBe('r-1');
    expect(recipe.createdAt).toBe('2026-11-25T12:00:00.000Z');
    expect(recipe.updatedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(recipe.servings).toBe(4);
    expect(Object.keys(recipe).sort()).toEqual(['cookMinutes', 'createdAt', 'id', 'ingredients', 'name', 'prepMinutes', 'servings', 'source', 'steps', 'tags', 'updatedAt']);
  });

  it('says clearly when there is no recipe', () => {
    expect(() => parseRecipesFromHtml(fixture('no-recipe.html'))).toThrow(new ImportError('no schema.org Recipe found in this page'));
    expect(() => parseRecipesFromHtml('<html><body>hello</body></html>')).toThrow('no schema.org Recipe found in this page (it has no JSON-LD block)');
    expect(() => parseRecipesFromHtml(page('{"@type": "Recipe", '))).toThrow('no schema.org Recipe found in this page (its JSON-LD could not be read)');
  });

  it('finds script blocks whatever the attribute order, quoting and case', () => {
    const html = `<SCRIPT id="a" type = "application/ld+json; charset=utf-8">1</SCRIPT><script>var x = "<script type='application/ld+json'>";</script><script src=x.js type=text/javascript></script><script type=application/ld+json data-x>2</script ><script type="application/ld+json">3`;
    expect(findJsonLdScripts(html)).toEqual(['1', '2', '3']);
  });

  it('repairs raw line breaks and trailing commas inside a block', () => {
    const [draft] = parseRecipesFromHtml(page('{"@type":"Recipe","name":"Two\nlines","recipeIngredient":["1 egg",],}'));
    expect(draft.name).toBe('Two lines');
    expect(draft.ingredients).toEqual(['1 egg']);
  });

  it('reads every recipe of a page, those with ingredients first', () => {
    const html = page('[{"@type":"Recipe","name":"Teaser"},{"@type":"Recipe","name":"Main","recipeIngredient":["1 egg"]}]') + page('{"@type":"http://schema.org/Recipe","name":"Other","recipeIngredient":"2 eggs\\n1 cup milk"}');
    expect(parseRecipesFromHtml(html).map((d) => d.name)).toEqual(['Main', 'Other', 'Teaser']);
    expect(parseRecipesFromHtml(html)[1].ingredients).toEqual(['2 eggs', '1 cup milk']);
  });

  it('handles yields as numbers, text and lists, falling back to 4', () => {
    const servings = (value: string) => parseRecipesFromHtml(page(`{"@type":"Recipe","name":"x","recipeYield":${value}}`))[0];
    expect(servings('6').servings).toBe(6);
    expect(servings('"Serves 4-6"')).toMatchObject({ servings: 4, yieldText: 'Serves 4-6' });
    expect(servings('["24 cookies","6 servings"]')).toMatchObject({ servings: 6, yieldText: '24 cookies' });
    expect(servings('"a big pot"')).toMatchObject({ servings: 4, yieldText: 'a big pot' });
    expect(servings('null')).toMatchObject({ servings: 4, yieldText: null });
  });

  it('reads steps as one string, strings, HowToSteps with names only, and nested sections', () => {
    const steps = (value: string) => parseRecipesFromHtml(page(`{"@type":"Recipe","name":"x","recipeInstructions":${value}}`))[0].steps;
    expect(steps('"Mix.\\nBake."')).toEqual(['Mix.', 'Bake.']);
    expect(steps('["Mix.", "", "Bake."]')).toEqual(['Mix.', 'Bake.']);
    expect(steps('[{"@type":"HowToStep","name":"Rest the dough"}]')).toEqual(['Rest the dough']);
    expect(steps('{"@type":"ItemList","itemListElement":[{"@type":"HowToSection","name":"Dough","itemListElement":[{"@type":"HowToSection","name":"Day 1","itemListElement":["Feed the starter."]}]}]}')).toEqual(['Dough: Day 1: Feed the starter.']);
  });

  it('falls back to the page title and the canonical link', () => {
    const [draft] = parseRecipesFromHtml(page('{"@type":"Recipe","recipeIngredient":["1 egg"],"url":"/relative"}', '<title>Eggs &amp; more</title><link href="https://a.example/eggs" rel="canonical">'));
    expect(draft.name).toBe('Eggs & more');
    expect(draft.source).toBe('https://a.example/eggs');
  });

  it('takes amounts from the page list when the JSON-LD names ingredients without them', () => {
    const list = '<ul><li class="ing"><span>1</span> <span>Zwiebel</span></li><li><b>50 g</b> Butter <!-- note --></li><li>Salz</li></ul><table><tr><td>2</td><td>cups</td><td>flour</td><td>*</td></tr></table>';
    const [draft] = parseRecipesFromHtml(page('{"@type":"Recipe","name":"x","recipeIngredient":["Zwiebel","Butter","Salz","flour"]}') + list);
    expect(draft.ingredients).toEqual(['1 Zwiebel', '50 g Butter', 'Salz', '2 cups flour']);
    const reordered = parseRecipesFromHtml(page('{"@type":"Recipe","name":"x","recipeIngredient":["mlieko, 500 ml","soľ, štipka"]}') + '<table><tr><td>500 ml</td><td>mlieko</td></tr><tr><td>štipka</td><td>soľ</td></tr></table>')[0];
    expect(reordered.ingredients).toEqual(['500 ml mlieko', 'štipka soľ']);
  });

  it('keeps the JSON-LD lines when they have amounts or the page has no matching list', () => {
    const withAmounts = parseRecipesFromHtml(page('{"@type":"Recipe","name":"x","recipeIngredient":["1 egg","2 cups milk"]}') + '<ul><li>3 eggs</li><li>4 cups milk</li></ul>')[0];
    expect(withAmounts.ingredients).toEqual(['1 egg', '2 cups milk']);
    const noList = parseRecipesFromHtml(page('{"@type":"Recipe","name":"x","recipeIngredient":["salt","pepper"]}') + '<ul><li>Home</li><li>About salt</li></ul>')[0];
    expect(noList.ingredients).toEqual(['salt', 'pepper']);
  });

  it('removes only the parentheses a recipe plugin wraps around a note that has its own', () => {
    const lines = [
      '1 cup milk ((400 ml))',
      '1 potato ((Aus: Sebago, US: russet), or other starchy potato (Note 1))',
      '8 oz butter ((1 cup), at room temperature)',
      '3 cups watermelon (seeded and cubed (I recommend seedless))',
      '1 lb pasta ((such as penne, shells) )',
      'Salt ((to taste)11/)',
      'Sea salt flakes (, crushed)',
      '2 eggs ((beaten)',
      '1 cup rice (((rinsed)))',
    ];
    const [draft] = parseRecipesFromHtml(page(JSON.stringify({ '@type': 'Recipe', name: 'x', recipeIngredient: lines })));
    expect(draft.ingredients).toEqual([
      '1 cup milk (400 ml)',
      '1 potato (Aus: Sebago, US: russet), or other starchy potato (Note 1)',
      '8 oz butter ((1 cup), at room temperature)',
      '3 cups watermelon (seeded and cubed (I recommend seedless))',
      '1 lb pasta ((such as penne, shells) )',
      'Salt ((to taste)11/)',
      'Sea salt flakes (, crushed)',
      '2 eggs ((beaten)',
      '1 cup rice (rinsed)',
    ]);
  });

  it('drops the checkbox and bullet glyphs recipe plugins put before ingredient lines', () => {
    const [draft] = parseRecipesFromHtml(page('{"@type":"Recipe","name":"x","recipeIngredient":["▢ 1 cup flour","☐ 2 eggs","\u2022 salt","&#9634; 1 tsp sugar","1 \u25a2 box"]}'));
    expect(draft.ingredients).toEqual(['1 cup flour', '2 eggs', 'salt', '1 tsp sugar', '1 \u25a2 box']);
    const fromPage = parseRecipesFromHtml(
      page('{"@type":"Recipe","name":"x","recipeIngredient":["Butter","Mehl"]}') +
        '<ul><li><span class="sr-only">&#x25a2; </span>50 g Butter</li><li><span class="sr-only">&#x25a2; </span>100 g Mehl</li></ul>',
    )[0];
    expect(fromPage.ingredients).toEqual(['50 g Butter', '100 g Mehl']);
  });

  it('reads a bare JSON-LD value', () => {
    expect(parseRecipesFromJsonLd({ '@graph': [{ '@type': 'Recipe', name: 'Bare', recipeIngredient: ['1 egg'] }] })[0].name).toBe('Bare');
    expect(() => parseRecipesFromJsonLd({ '@type': 'Thing' })).toThrow(ImportError);
  });
});

function paprikaExport(recipes: Record<string, unknown>[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  recipes.forEach((recipe, index) => {
    files[`Recipe ${index + 1}.paprikarecipe`] = gzipSync(strToU8(JSON.stringify(recipe)));
  });
  return zipSync(files);
}

describe('Paprika exports', () => {
  it('reads every recipe of the zip of gzipped JSON files', () => {
    const bytes = paprikaExport([
      {
        name: 'Overnight Oats',
        ingredients: '1/2 cup rolled oats\n1/2 cup milk\n\n1 tbsp chia seeds',
        directions: 'Stir everything together.\nChill overnight.',
        servings: '2 servings',
        source_url: 'https://oats.example/overnight',
        categories: ['Breakfast', 'breakfast', 'Quick'],
        prep_time: '5 mins',
        cook_time: '',
        description: 'Make ahead &amp; grab.',
        uid: 'ABC',
      },
      { name: 'Toast', ingredients: '1 slice bread', directions: '', servings: '' },
    ]);
    expect(isZip(bytes)).toBe(true);
    const drafts = parsePaprikaExport(bytes);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toEqual({
      name: 'Overnight Oats',
      servings: 2,
      ingredients: ['1/2 cup rolled oats', '1/2 cup milk', '1 tbsp chia seeds'],
      steps: ['Stir everything together.', 'Chill overnight.'],
      tags: ['Breakfast', 'Quick'],
      source: 'https://oats.example/overnight',
      prepMinutes: 5,
      cookMinutes: null,
      totalMinutes: null,
      description: 'Make ahead & grab.',
      yieldText: '2 servings',
    });
    expect(drafts[1]).toMatchObject({ name: 'Toast', servings: 4, steps: [], yieldText: null });
    expect(draftToRecipe(drafts[1], { id: 'p2', now: '2026-11-25T00:00:00Z' }).ingredients).toEqual([{ id: 'l1', text: '1 slice bread' }]);
  });

  it('rejects what is not a Paprika export in one line', () => {
    expect(() => parsePaprikaExport(strToU8('hello'))).toThrow('not a Paprika export (the file is not a zip archive)');
    expect(() => parsePaprikaExport(zipSync({}))).toThrow(ImportError);
    expect(() => parsePaprikaExport(zipSync({ 'a.paprikarecipe': gzipSync(strToU8('{not json')) }))).toThrow('Paprika export: recipe "a.paprikarecipe" is not valid JSON');
    expect(() => parsePaprikaExport(zipSync({ 'a.paprikarecipe': gzipSync(strToU8('{"ingredients":"1 egg"}')) }))).toThrow('Paprika export: recipe "a.paprikarecipe" has no name');
    expect(() => parsePaprikaExport(zipSync({ 'a\nb.paprikarecipe': strToU8('[') }))).toThrow('Paprika export: recipe "a\\nb.paprikarecipe" is not valid JSON');
    expect(() => parsePaprikaExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toThrow('not a readable Paprika export (the file is too short)');
    const bomb = gzipSync(strToU8('{"name":"A"}'));
    bomb.set([0xff, 0xff, 0xff, 0xff], bomb.length - 4);
    expect(() => parsePaprikaExport(zipSync({ 'a.paprikarecipe': bomb }, { level: 0 }))).toThrow('Paprika export: recipe "a.paprikarecipe" is not readable gzip data');
    const damaged = paprikaExport([{ name: 'x' }]).slice(0, 40);
    expect(() => parsePaprikaExport(damaged)).toThrow(ImportError);
  });
});

describe('plain text', () => {
  it('splits title, ingredients and steps at the headings', () => {
    expect(parsePlainTextRecipe(fixture('lentil-soup.txt'))).toEqual({
      name: 'Red Lentil Soup',
      servings: 4,
      ingredients: ['1 onion, diced', '2 carrots, diced', '1 1/2 cups red lentils', 'Salt and pepper'],
      steps: ['Soften the onion and carrots in a little oil.', 'Add the lentils and 6 cups of water; simmer 25 minutes.', 'Season and serve.'],
      tags: [],
      source: null,
      prepMinutes: null,
      cookMinutes: null,
      totalMinutes: null,
      description: 'A quick weeknight soup.',
      yieldText: 'Serves 4-6',
    });
  });

  it('without headings, lines that start with a quantity are ingredients', () => {
    const draft = parsePlainTextRecipe('Pancakes\n1 cup flour\n½ tsp salt\n2 eggs\nWhisk it all.\nFry in butter.');
    expect(draft.ingredients).toEqual(['1 cup flour', '½ tsp salt', '2 eggs']);
    expect(draft.steps).toEqual(['Whisk it all.', 'Fry in butter.']);
    const ticked = parsePlainTextRecipe('Pancakes\n☐ 1 cup flour\n✓ 2 eggs\n▪ Whisk it all.');
    expect(ticked.ingredients).toEqual(['1 cup flour', '2 eggs']);
    expect(ticked.steps).toEqual(['Whisk it all.']);
  });

  it('accepts Directions, Instructions and Steps headings', () => {
    for (const heading of ['Directions', 'INSTRUCTIONS:', '## Steps']) {
      const draft = parsePlainTextRecipe(`Tea\nIngredients\n1 tea bag\n${heading}\nSteep.`);
      expect(draft.steps).toEqual(['Steep.']);
    }
  });

  it('says what is missing', () => {
    expect(() => parsePlainTextRecipe('  \n\n')).toThrow('the recipe text is empty');
    expect(() => parsePlainTextRecipe('Just a title')).toThrow('no ingredient lines found in the recipe text (add an "Ingredients" heading)');
  });
});

describe('plain text with bare heading marks', () => {
  it('takes the first line with text as the title', () => {
    const draft = parsePlainTextRecipe('#\n## Lentil soup\nIngredients\n1 cup lentils');
    expect(draft.name).toBe('Lentil soup');
    expect(draft.ingredients).toEqual(['1 cup lentils']);
  });

  it('refuses text that is only heading marks', () => {
    expect(() => parsePlainTextRecipe('#\n##\n')).toThrow(ImportError);
  });
});
