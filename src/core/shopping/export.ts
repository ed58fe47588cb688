import type { ShoppingItem, ShoppingList, UnmatchedItem } from './types';

/** Heading of the pantry section. */
export const PANTRY_HEADING = 'Check you have';
/** Heading of the section holding lines no food matched. */
export const OTHER_HEADING = 'Other';

export interface ExportOptions {
  /** First line of the export, e.g. "Shopping list, 23–29 November". */
  title?: string;
}

interface Section {
  heading: string;
  lines: { text: string; optional: boolean }[];
}

/** Aisles in order, then "Other" (joined with an aisle of that name), then the pantry check. */
function sections(list: ShoppingList): Section[] {
  const itemLine = (item: ShoppingItem | UnmatchedItem) => ({ text: item.display, optional: item.optional });
  const out: Section[] = list.aisles.map((aisle) => ({ heading: aisle.name, lines: aisle.items.map(itemLine) }));
  if (list.unmatched.length) {
    const other = out.find((section) => section.heading.toLowerCase() === OTHER_HEADING.toLowerCase());
    if (other) other.lines.push(...list.unmatched.map(itemLine));
    else out.push({ heading: OTHER_HEADING, lines: list.unmatched.map(itemLine) });
  }
  if (list.pantry.length) out.push({ heading: PANTRY_HEADING, lines: list.pantry.map(itemLine) });
  return out;
}

/** The list as plain text: a heading per aisle, "[ ] 3 onions" lines, the pantry check and "Other". */
export function shoppingListToText(list: ShoppingList, options: ExportOptions = {}): string {
  const blocks: string[] = [];
  if (options.title) blocks.push(options.title);
  const all = sections(list);
  if (all.length === 0) blocks.push('Nothing to buy.');
  for (const section of all) {
    const lines = section.lines.map((line) => `[ ] ${line.text}${line.optional ? ' (optional)' : ''}`);
    blocks.push([section.heading, ...lines].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Escapes the characters Markdown would read as formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The list as Markdown: "## Aisle" headings and "- [ ] 3 onions" task lines. */
export function shoppingListToMarkdown(list: ShoppingList, options: ExportOptions = {}): string {
  const blocks: string[] = [];
  if (options.title) blocks.push(`# ${escapeMarkdown(options.title)}`);
  const all = sections(list);
  if (all.length === 0) blocks.push('Nothing to buy.');
  for (const section of all) {
    const lines = section.lines.map((line) => `- [ ] ${escapeMarkdown(line.text)}${line.optional ? ' *(optional)*' : ''}`);
    blocks.push(`## ${escapeMarkdown(section.heading)}\n\n${lines.join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
