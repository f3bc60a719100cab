import type { AgreedLanguageIndex } from './types';

/** What the server knows of agreed language before the first index is built: nothing. */
export const EMPTY_AGREED_INDEX: AgreedLanguageIndex = {
  paragraphCount: 0,
  documentCount: 0,
  searchParagraphs: () => [],
  continuations: () => [],
  openings: () => [],
  nearest: () => undefined,
};
