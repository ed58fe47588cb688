/** Recipe import: schema.org JSON-LD in HTML pages, Paprika exports and pasted text. */
export { DEFAULT_SERVINGS, ImportError, draftToRecipe, durationToMinutes, servingsFromYield, type RecipeDraft } from './draft';
export { findJsonLdScripts, findRecipeNodes, importRecipeFromHtml, parseJsonLdScript, parseRecipesFromHtml, parseRecipesFromJsonLd, readPageInfo } from './json-ld';
export { isZip, parsePaprikaExport, parsePaprikaRecipeFile } from './paprika';
export { parsePlainTextRecipe } from './plain-text';
export { cleanText, decodeEntities, stripTags } from './text';
