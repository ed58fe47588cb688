/** Text clean-up shared by the import parsers: HTML entities, tags and whitespace. */

/** Named entities that recipe pages use; anything else is left as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
  frac12: '½',
  frac13: '⅓',
  frac23: '⅔',
  frac14: '¼',
  frac34: '¾',
  frac15: '⅕',
  frac25: '⅖',
  frac35: '⅗',
  frac45: '⅘',
  frac16: '⅙',
  frac56: '⅚',
  frac18: '⅛',
  frac38: '⅜',
  frac58: '⅝',
  frac78: '⅞',
  frasl: '⁄',
  half: '½',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  percnt: '%',
  sol: '/',
  ast: '*',
  plus: '+',
  equals: '=',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  prime: '′',
  Prime: '″',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  micro: 'µ',
  para: '¶',
  sect: '§',
  cent: '¢',
  pound: '£',
  euro: '€',
  yen: '¥',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  acute: '´',
  uml: '¨',
  cedil: '¸',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
};

/** Accented letters: `&eacute;` and friends, built from base letter and accent. */
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  cedil: '\u0327',
  caron: '\u030C',
  ring: '\u030A',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g;

function namedEntity(name: string): string | undefined {
  const direct = NAMED_ENTITIES[name];
  if (direct !== undefined) return direct;
  const lower = NAMED_ENTITIES[name.toLowerCase()];
  if (lower !== undefined && /^(amp|lt|gt|quot|nbsp)$/i.test(name)) return lower;
  const accented = /^([a-zA-Z])(acute|grave|circ|uml|tilde|cedil|caron|ring)$/.exec(name);
  if (accented) return (accented[1] + ACCENTS[accented[2]]).normalize('NFC');
  return undefined;
}

function codePointText(code: number): string | undefined {
  if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  if (code === 0) return '\uFFFD';
  // Windows-1252 code points that pages write as numeric references (&#146; for ’).
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? undefined;
  return String.fromCodePoint(code);
}

const WINDOWS_1252 = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

function decodeOnce(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return codePointText(code) ?? whole;
    }
    // A bare name without ";" only counts for the few that browsers also accept that way.
    if (!whole.endsWith(';') && !/^(amp|lt|gt|quot|nbsp)$/i.test(body)) return whole;
    return namedEntity(body) ?? whole;
  });
}

/**
 * Decodes HTML character references: named (`&amp;`, `&frac12;`, `&eacute;`),
 * decimal (`&#39;`) and hex (`&#x27;`). Text encoded twice (`&amp;#39;`) is
 * decoded twice, as pages that escape their JSON-LD twice mean it.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  return /&amp;(#[xX]?[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/.test(text) ? decodeOnce(once) : once;
}

const BLOCK_TAG = /<\s*(br|\/p|\/li|\/div|\/h[1-6]|\/tr|p|li|div|h[1-6])\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^<>]*>/g;

/** Removes `<!-- … -->` comments by index scanning, linear even when a comment is never closed. */
export function stripComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start < 0) return text;
  let result = '';
  let from = 0;
  while (start >= 0) {
    const end = text.indexOf('-->', start + 4);
    result += text.slice(from, start);
    if (end < 0) return result;
    from = end + 3;
    start = text.indexOf('<!--', from);
  }
  return result + text.slice(from);
}

/** Removes HTML tags; block-level breaks (`<br>`, `</p>`, `<li>`) become newlines. */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return stripComments(text).replace(BLOCK_TAG, '\n').replace(ANY_TAG, '');
}

/** Collapses runs of white space (including non-breaking spaces) into one space, drops invisible characters, trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** One line of clean text from a JSON-LD string: tags stripped, entities decoded, spaces collapsed. */
export function cleanText(text: string): string {
  return collapseSpace(cleanKeepingLines(text).join(' '));
}

/**
 * Clean text split where the source had line or block breaks; empty lines dropped.
 * Entity-encoded markup (`&lt;p&gt;`) is decoded and then stripped as well.
 */
export function cleanKeepingLines(text: string): string[] {
  let result = decodeEntities(stripTags(text));
  if (/<\/?[a-zA-Z][^<>]*>/.test(result)) result = stripTags(result);
  return result
    .split(/\r\n|\r|\n/)
    .map(collapseSpace)
    .filter((line) => line.length > 0);
}

/** Checkbox and bullet glyphs that recipe plugins put before each ingredient ("▢ 1 cup flour"). */
const LEADING_GLYPHS = /^(?:[▢□☐☑☒✓✔✅•◦▪▫‣⁃●○■]\s*)+/u;

/** A line without the checkbox or bullet glyphs a recipe plugin put before it. */
export function stripLeadingGlyphs(line: string): string {
  return line.replace(LEADING_GLYPHS, '');
}
