import { DEFAULT_SERVINGS, ImportError, MAX_NAME_LENGTH, servingsFromYield, type RecipeDraft } from './draft';
import { collapseSpace } from './text';

const MAX_LINES = 1_000;
const MAX_LINE_LENGTH = 10_000;

const INGREDIENTS_HEADING = /^(?:ingredients?|you(?:'|’)?ll need|what you need|zutaten|ingrédients)\s*:?$/i;
const STEPS_HEADING = /^(?:method|directions?|instructions?|steps?|preparation|how to make it|zubereitung|préparation)\s*:?$/i;
const YIELD_LINE = /^(?:serves|servings|yield|yields|makes)\b\s*:?\s*(.*)$/i;
/** A line that starts with an amount: "2 cups", "½ onion", "1/2 tsp", "a pinch", "3-4 cloves". */
const QUANTITY_START = /^(?:[-•*▢□☐☑☒✓✔◦▪‣⁃]\s*)?(?:\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|(?:a|an|one|two|three|four|five|six|a few|some|pinch|handful|dash)\s)/i;
/** "1." or "Step 2:" in front of a step. */
const STEP_NUMBER = /^(?:step\s*)?\d{1,3}\s*[.):]\s*/i;
const BULLET = /^[-•*▢□☐☑☒✓✔◦▪‣⁃]\s+/;

/**
 * Reads a recipe pasted as plain text: the first non-empty line is the title;
 * an "Ingredients" heading and a "Method" (or Directions, Instructions, Steps)
 * heading split the rest. Without headings, lines that start with a quantity
 * are ingredients and the other lines are steps. A "Serves 4" line sets the
 * servings; lines between the title and the first heading become the description.
 */
export function parsePlainTextRecipe(text: string): RecipeDraft {
  if (typeof text !== 'string') throw new ImportError('the recipe text is not text');
  const all = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => collapseSpace(line).slice(0, MAX_LINE_LENGTH))
    // A line of nothing but heading marks ("#", "##") holds no text.
    .filter((line) => line.replace(/^#+\s*/, '').length > 0);
  if (all.length === 0) throw new ImportError('the recipe text is empty');
  const name = all[0].replace(/^#+\s*/, '').slice(0, MAX_NAME_LENGTH);
  const ingredients: string[] = [];
  const steps: string[] = [];
  const preamble: string[] = [];
  let yieldText: string | null = null;
  let section: 'none' | 'ingredients' | 'steps' = 'none';
  const hasHeadings = all.slice(1).some((line) => INGREDIENTS_HEADING.test(stripHeading(line)) || STEPS_HEADING.test(stripHeading(line)));
  for (const line of all.slice(1)) {
    const heading = stripHeading(line);
    if (INGREDIENTS_HEADING.test(heading)) {
      section = 'ingredients';
      continue;
    }
    if (STEPS_HEADING.test(heading)) {
      section = 'steps';
      continue;
    }
    const yieldMatch = YIELD_LINE.exec(line);
    if (yieldMatch && yieldText === null && servingsFromYield(yieldMatch[1]) !== null) {
      yieldText = line;
      continue;
    }
    const target = hasHeadings
      ? section === 'ingredients'
        ? ingredients
        : section === 'steps'
          ? steps
          : preamble
      : QUANTITY_START.test(line)
        ? ingredients
        : steps;
    if (target === ingredients && ingredients.length < MAX_LINES) ingredients.push(line.replace(BULLET, ''));
    else if (target === steps && steps.length < MAX_LINES) steps.push(line.replace(BULLET, '').replace(STEP_NUMBER, ''));
    else if (target === preamble && preamble.length < MAX_LINES) preamble.push(line);
  }
  if (ingredients.length === 0) throw new ImportError('no ingredient lines found in the recipe text (add an "Ingredients" heading)');
  return {
    name,
    servings: (yieldText && servingsFromYield(yieldText)) || DEFAULT_SERVINGS,
    ingredients,
    steps: steps.filter((step) => step.length > 0),
    tags: [],
    source: null,
    prepMinutes: null,
    cookMinutes: null,
    totalMinutes: null,
    description: preamble.length > 0 ? preamble.join(' ').slice(0, 5_000) : null,
    yieldText,
  };
}

function stripHeading(line: string): string {
  return line.replace(/^#+\s*/, '').replace(/[*_]+/g, '').trim();
}
