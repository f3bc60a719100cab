// The server's own requests and notifications, beyond the LSP: their names and the shapes of
// their messages, shared by the server and the VS Code client (and readable by any other client).
// Types and names only: nothing here runs.
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Comparison } from './compare/types';

/** Compares two versions: `CompareParams` -> `CompareResult | CompareError`. */
export const COMPARE_REQUEST = 'unres/compare';
/** The corpus texts a draft can be compared with: no params -> `CorpusDocumentItem[]`. */
export const CORPUS_DOCUMENTS_REQUEST = 'unres/corpusDocuments';
/**
 * The client's "Compare with Corpus Resolution…" command, which the server's "Compare with the
 * adopted text" code lenses run with `CompareWithCorpusArguments` (VS Code's client has it).
 */
export const COMPARE_WITH_CORPUS_COMMAND = 'unres.compareWithCorpus';

/** The versions a "Compare with the adopted text" lens compares: the draft (by URI) and the corpus text. */
export interface CompareWithCorpusArguments {
  /** The newer version: the open draft. */
  document: string;
  /** The older one: the URI of the corpus text of the resolution. */
  with: string;
}

/** The amendments that make one version of the other: `AmendmentsParams` -> `AmendmentsResult | CompareError`. */
export const AMENDMENTS_REQUEST = 'unres/amendments';
/** A draft with amendments made: `ApplyAmendmentsParams` -> `ApplyAmendmentsResult | CompareError`. */
export const APPLY_AMENDMENTS_REQUEST = 'unres/applyAmendments';
/** The server's process id (the VS Code suite kills the server with it): no params -> number. */
export const PROCESS_ID_REQUEST = 'unres/processId';
/** The user's own corpus settings changed: `UserSettingsParams`, sent by VS Code's client. */
export const USER_SETTINGS_NOTIFICATION = 'unres/didChangeUserSettings';
/** What the corpus holds and whether it is being loaded or indexed: no params -> `CorpusStatus`. */
export const CORPUS_STATUS_REQUEST = 'unres/corpusStatus';
/**
 * Sent by the server whenever the corpus's state changes (a load starts, even one that supersedes
 * another; the texts are loaded and indexing starts; it is ready): `CorpusStatus`. Only to a
 * client that asks for it (`InitializationOptions.corpusStatusNotifications`): some editors warn
 * of every notification they do not know. Not sent for each file read: clients that want the
 * numbers take work-done progress.
 */
export const CORPUS_STATUS_NOTIFICATION = 'unres/corpusStatusChanged';
/**
 * Reads the corpus settings, folders and catalogues again: no params -> `CorpusStatus` as the
 * reload starts (it answers at once; the load runs in the background).
 */
export const RELOAD_CORPUS_REQUEST = 'unres/reloadCorpus';
/**
 * Prepares a negotiated draft for issuance: `PrepareForIssuanceParams` ->
 * `PrepareForIssuanceResult`. The client applies the edit; nothing changes while brackets remain.
 */
export const PREPARE_FOR_ISSUANCE_REQUEST = 'unres/prepareForIssuance';
/** The VS Code command that sends it for the active editor. */
export const PREPARE_FOR_ISSUANCE_COMMAND = 'unres.prepareForIssuance';

export interface PrepareForIssuanceParams {
  uri: string;
}

/** A bracket that keeps a text from issuance: matched, never closed, or closing none. */
export interface RemainingBracket {
  range: Range;
  kind: 'bracket' | 'unclosed' | 'unopened';
  /** 1-based, for messages. */
  line: number;
  column: number;
}

export interface PrepareForIssuanceResult {
  /** False while brackets remain (listed in `brackets`, at most 50) or when the document is not open or not a resolution. */
  ok: boolean;
  /** What was done or why not, naming places by line and column. */
  message: string;
  /** Every change in one edit: notes and attributions removed, numbers and references moved. */
  edit?: WorkspaceEdit;
  brackets: RemainingBracket[];
}

/**
 * A document file (a PDF) read into resolution text, for a read-only view of it:
 * `DocumentTextParams` -> `DocumentTextResult | DocumentTextError`. The server reads the file
 * itself (a file URI); a file of no document format it reads (a text file) is answered with
 * `notDocument`, so that a client can open it as text instead.
 */
export const DOCUMENT_TEXT_REQUEST = 'unres/documentText';
/**
 * The scheme of VS Code's read-only resolution view of a document file: the file's path under
 * this scheme (`unres-file:/drafts/A_RES_78_1.pdf`), in language `unres`.
 */
export const DOCUMENT_VIEW_SCHEME = 'unres-file';

export interface DocumentTextParams {
  /** A file URI. */
  uri: string;
}

export interface DocumentTextResult {
  text: string;
  /** The format read ("PDF"). */
  format: string;
  /** The pages read, for a format that has pages. */
  pages?: number;
  /** A Word draft with tracked changes: its text before them (`text` has them accepted). */
  before?: string;
}

export interface DocumentTextError {
  /** One sentence that names the file and never quotes it. */
  error: string;
  /** The file is of no document format the server reads: open it as text. */
  notDocument?: boolean;
}

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

export interface AmendmentsParams {
  /** The text being amended: paragraphs are named by their place in it. */
  old: CompareSide;
  /** The text as amended. */
  new: CompareSide;
  /** An oral revision, in the past tense ("the words … were deleted"). */
  oral?: boolean;
}

export interface AmendmentsResult {
  /** Numbered instructions, a blank line between them; a sentence saying so when there are none. */
  text: string;
  count: number;
  oldTitle: string;
  newTitle: string;
  /** Names that do not name one paragraph of the old version (a numbering that repeats). */
  warnings: string[];
}

export interface ApplyAmendmentsParams {
  /** The draft to amend. */
  draft: CompareSide;
  /** The amendments: an open document by URI, or their text (an amendment document as issued, or `unres/amendments` text). */
  amendments: { uri?: string; text?: string };
}

/** A 1-based line and column of the amendments, and what is wrong there (never quoting them). */
export interface AmendmentProblemItem {
  line: number;
  column: number;
  message: string;
}

export type ApplyAmendmentsResult =
  /** Every amendment applied: the amended draft's text and the offset edits of the draft that make it. */
  | { text: string; applied: number; edits: { start: number; end: number; text: string }[]; title: string }
  /** At least one amendment does not match the draft: each such one, and nothing applied. */
  | { problems: AmendmentProblemItem[]; title: string };

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

/** 'loading': reading and parsing texts and catalogues; 'indexing': building the agreed-language index. */
export type CorpusState = 'loading' | 'indexing' | 'ready';

/** How far the current phase has come: files read while loading, documents read while indexing. */
export interface CorpusProgress {
  phase: 'loading' | 'indexing';
  done: number;
  total: number;
}

export interface CorpusStatus {
  state: CorpusState;
  progress?: CorpusProgress;
  /**
   * Corpus texts that requests see now; while a load runs, those of the previous load (requests
   * never wait for a load).
   */
  documents: number;
  /** Symbols known, from catalogues, texts and what the texts cite. */
  catalogueEntries: number;
  /** The corpus folders of the settings, the shipped one first. */
  folders: CorpusFolderStatus[];
  /** The catalogues named in the settings and found in the folders, the shipped manifest first. */
  catalogues: CorpusCatalogueStatus[];
  /** The first problems of the last load (each names a file, and a row where it has one, never what it holds). */
  problems: CorpusProblemStatus[];
  /** How many problems the last load had, `problems` or not. */
  problemCount: number;
}

export interface CorpusFolderStatus {
  path: string;
  /** The seeds shipped with the server. */
  shipped: boolean;
  /** Texts of the current corpus that lie in it. */
  documents: number;
}

export interface CorpusCatalogueStatus {
  path: string;
  shipped: boolean;
  /** Entries read from it by the last finished load (0 for a catalogue that could not be read). */
  entries: number;
}

export interface CorpusProblemStatus {
  /** The file the problem is about. */
  uri: string;
  /** 1-based line (a catalogue row), when it has one. */
  line?: number;
  /** Names the file (and row) and says why, never quoting the file. */
  message: string;
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
 * it points); `userSettings` says which pulled values are the user's (VS Code's client);
 * `corpusStatusNotifications` asks for `unres/corpusStatusChanged`.
 */
export interface InitializationOptions {
  corpus?: CorpusSettingsParams;
  userSettings?: UserSettingsParams;
  /** The client wants `unres/corpusStatusChanged` (VS Code's client, for its status bar item). */
  corpusStatusNotifications?: boolean;
  /**
   * An absolute folder where the server keeps what it read of the corpus for the next start (VS
   * Code's client: the extension's global storage); null keeps nothing. Absent: the platform's
   * cache folder, unless the server was started with --cache-dir or --no-cache.
   */
  cacheFolder?: string | null;
}
