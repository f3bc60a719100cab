// The server's own requests and notifications, beyond the LSP: their names and the shapes of
// their messages, shared by the server and the VS Code client (and readable by any other client).
// Types and names only: nothing here runs.
import type { Comparison } from './compare/types';

/** Compares two versions: `CompareParams` -> `CompareResult | CompareError`. */
export const COMPARE_REQUEST = 'unres/compare';
/** The corpus texts a draft can be compared with: no params -> `CorpusDocumentItem[]`. */
export const CORPUS_DOCUMENTS_REQUEST = 'unres/corpusDocuments';
/** The server's process id (the VS Code suite kills the server with it): no params -> number. */
export const PROCESS_ID_REQUEST = 'unres/processId';
/** The user's own corpus settings changed: `UserSettingsParams`, sent by VS Code's client. */
export const USER_SETTINGS_NOTIFICATION = 'unres/didChangeUserSettings';

/**
 * One version: a document by URI (its open text when it is open in the client, else `text`,
 * else the corpus text at that URI), or a corpus text by symbol ("A/RES/73/266", "73/266",
 * "A/C.1/74/L.49/Rev.1") or by title. `title` names the version in the answer.
 */
export type CompareSide =
  | { uri: string; text?: string; title?: string }
  | { symbol: string; title?: string }
  | { title: string };

export interface CompareParams {
  old: CompareSide;
  new: CompareSide;
  /** 'html' (default) adds the comparison view's HTML body; 'model' leaves it out. */
  format?: 'model' | 'html';
}

export interface CompareResult {
  comparison: Comparison;
  /**
   * The engine's HTML body for the comparison view (every text in it escaped; each change a
   * <section> with data-old-start/-end and data-new-start/-end source offsets), and its CSS.
   */
  html?: string;
  css?: string;
  oldTitle: string;
  newTitle: string;
  /** The URI each version was read from, when it has one (a file, an open or a corpus document). */
  oldUri?: string;
  newUri?: string;
  /** "3 paragraphs changed, 1 added, 1 moved", or "No textual change". */
  summaryText: string;
  /** The two versions unit by unit ("PP1 …", "OP1 (a) …"), as the engine compared them. */
  normalized: { old: string; new: string };
}

export interface CompareError {
  error: string;
}

/** A corpus text a draft can be compared with. */
export interface CorpusDocumentItem {
  uri: string;
  /** The symbol as drafters write it ("A/RES/73/266", "A/C.1/74/L.49/Rev.1"), when known. */
  symbol?: string;
  title?: string;
  /** The resolution a draft was adopted as ("A/RES/74/28"). */
  adoptedAs?: string;
  /** Adoption or issue date, yyyy-mm-dd, when known. */
  date?: string;
  /** The file name, for texts without a symbol. */
  fileName: string;
}

/** The corpus settings as a client reports them. */
export interface CorpusSettingsParams {
  paths?: string[];
  catalogues?: string[];
}

/** `unres/didChangeUserSettings`: the values of the user's own (not the workspace's) settings. */
export interface UserSettingsParams {
  corpus?: CorpusSettingsParams;
}

/**
 * initializationOptions: `corpus` is the editor's own configuration of the server (read wherever
 * it points); `userSettings` says which pulled values are the user's (VS Code's client).
 */
export interface InitializationOptions {
  corpus?: CorpusSettingsParams;
  userSettings?: UserSettingsParams;
}
