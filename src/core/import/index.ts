/** Recipe import: schema.org JSON-LD in HTML pages, Paprika exports and pasted text. */
export { DEFAULT_SERVINGS, ImportError, draftToRecipe, durationToMinutes, servingsFromYield, type RecipeDraft } from './draft';
export { findJsonLdScripts, findRecipeNodes, importRecipeFromHtml, leftOutNotice, parseJsonLdScript, parseRecipesFromHtml, parseRecipesFromJsonLd, readPageInfo, readRecipesFromHtml, readRecipesFromJsonLd, type RecipesRead } from './json-ld';
export { isZip, openPaprikaExport, parsePaprikaExport, parsePaprikaRecipeFile, readPaprikaEntry, type PaprikaEntry } from './paprika';
export { parsePlainTextRecipe } from './plain-text';
export { cleanText, decodeEntities, stripTags } from './text';
export { MAX_IMPORT_BYTES, detectImportFile, detectImportText, isBinary, type ImportSource } from './file-kind';
