import { collapseSpace, decodeEntities, stripComments, stripLeadingGlyphs } from './text';

/** Longest page scanned and longest list item read, so a hostile page stays cheap. */
const MAX_PAGE_LENGTH = 4_000_000;
const MAX_ITEM_LENGTH = 4_000;
const MAX_ITEMS = 5_000;
/** Non-matching items allowed between two matching ones (group headings, notes). */
const MAX_GAP = 3;

const STARTS_WITH_AMOUNT = /^(?:\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])/;

/** The words of a line, lower-cased, without the punctuation between them. */
function words(text: string): string[] {
  return collapseSpace(text)
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((word) => word.length > 0);
}

function holds(item: string, lineWords: readonly string[]): boolean {
  return lineWords.every((word) => item.includes(word));
}

/** The visible text of every `<li>`, `<tr>` and ingredient-classed `<div>`/`<p>` of a page, in document order. */
function listItems(html: string): string[] {
  const items: string[] = [];
  const open = /<(li|tr|div|p)\b([^<>]*)>/gi;
  const bounds: Record<string, RegExp> = { li: /<\/?li\b/gi, tr: /<\/?tr\b/gi, div: /<\/?div\b/gi, p: /<\/?p\b/gi };
  let match: RegExpExecArray | null;
  while ((match = open.exec(html)) !== null && items.length < MAX_ITEMS) {
    const tag = match[1].toLowerCase();
    if ((tag === 'div' || tag === 'p') && !/\bclass\s*=\s*["']?[^"'>]*ingredient/i.test(match[2])) continue;
    const from = open.lastIndex;
    // The item ends at the next tag of its own kind, opening or closing: nested lists are read apart.
    const next = bounds[tag];
    next.lastIndex = from;
    const end = next.exec(html);
    const inner = html.slice(from, Math.min(end ? end.index : html.length, from + MAX_ITEM_LENGTH));
    const text = collapseSpace(decodeEntities(stripComments(inner).replace(/<[^<>]*>/g, ' ')));
    // Footnote marks at the end of a row ("bay leaves *") are not part of the line.
    items.push(stripLeadingGlyphs(text).replace(/\s+[*†‡]+$/, ''));
  }
  return items;
}

/**
 * When a page's structured data lists ingredients that do not start with an
 * amount ("Butter", "mlieko, 500 ml") but the page itself shows a list whose
 * items hold every word of those lines and start with amounts ("50 g Butter",
 * "500 ml mlieko"), in the same order, returns the page's lines. Returns null
 * when the structured lines already start with amounts or no such list exists.
 */
export function ingredientLinesWithAmounts(html: string, lines: readonly string[]): string[] | null {
  if (lines.length < 2 || lines.some((line) => STARTS_WITH_AMOUNT.test(line)) || html.length > MAX_PAGE_LENGTH) return null;
  const wanted = lines.map(words);
  const items = listItems(html);
  const folded = items.map((item) => item.toLowerCase());
  for (let start = 0; start < items.length; start += 1) {
    if (!holds(folded[start], wanted[0])) continue;
    const found = [start];
    let at = start;
    for (let k = 1; k < wanted.length; k += 1) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + MAX_GAP && j < items.length; j += 1) {
        if (holds(folded[j], wanted[k])) {
          next = j;
          break;
        }
      }
      if (next < 0) break;
      found.push(next);
      at = next;
    }
    if (found.length !== wanted.length) continue;
    const result = found.map((index) => items[index]);
    const withAmounts = result.filter((line) => STARTS_WITH_AMOUNT.test(line)).length;
    if (withAmounts * 2 >= result.length && result.every((line, k) => line.length <= lines[k].length + 200)) return result;
  }
  return null;
}
