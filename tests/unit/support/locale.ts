import { setFormatLocale } from '../../../src/core/date-format';

// Unit tests read dates in one locale, whatever the machine's: British English, as the end-to-end browser is set to.
setFormatLocale('en-GB');
