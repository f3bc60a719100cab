// Corpus texts on demand. The server keeps no corpus text and no parse of one (a real resolution's
// parse holds some 350 KB; the General Assembly's record would need gigabytes): a feature that
// needs a paragraph of a corpus text, a range in it or the text itself reads it again, from the
// file it was loaded from. Two bounded caches keep the last ones asked for: parses (a hover over
// "paragraph 3 of resolution X" is asked for again and again while the mouse rests), and texts
// with their line tables (the ranges of the related information of every deviation in a draft,
// asked for at each publication of its diagnostics).
//
// A file is read again only when it is still the text loaded, by its size and modification time
// (read on the open descriptor): one changed since is reloaded by the watcher, and until then
// its old offsets would point into the wrong text, so it answers nothing. Files are read through
// files.ts (regular files only) and never quoted.
import type { Range } from 'vscode-languageserver-types';
import { checkInput } from '../inputGuard';
import { ParsedDocument } from '../parsedDocument';
import { LineIndex } from '../parser/lines';
import type { Span } from '../parser/model';
import { wholeCharacters } from '../positions';
import { readRegularFileSync } from './files';

/** Where a corpus text is read from again. */
export interface CorpusText {
  /** The text, or undefined when it cannot be read as it was loaded. */
  read(): string | undefined;
}

/** The largest corpus text read (as the loader's limit). */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** A text in a file, read again while its size and modification time are those it was loaded with. */
export class FileText implements CorpusText {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
  ) {}

  read(): string | undefined {
    const read = readRegularFileSync(this.path, MAX_TEXT_BYTES);
    if (!('bytes' in read) || read.stats.size !== this.size || read.stats.mtimeMs !== this.mtimeMs) return undefined;
    return decodeText(read.bytes);
  }
}

/** A text held in memory (a test's, or one given whole). */
export class MemoryText implements CorpusText {
  constructor(private readonly text: string) {}

  read(): string {
    return this.text;
  }
}

/** A corpus file's bytes as text, or undefined when it cannot serve as one (binary, too large). */
export function decodeText(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return checkInput(text) ? undefined : text;
}

interface TextEntry {
  text: string;
  lines: LineIndex;
}

/** Parses kept (each some 350 KB for a real resolution: about 11 MB). */
export const PARSES_KEPT = 32;
/** Texts with their line tables kept (each some 50 KB: about 13 MB). */
export const TEXTS_KEPT = 256;

export class ParseCache {
  /** In order of use, the least recent first (a Map keeps insertion order). */
  private readonly parses = new Map<CorpusText, ParsedDocument | undefined>();
  private readonly texts = new Map<CorpusText, TextEntry | undefined>();
  /** How many texts were parsed and read (for tests and the bench). */
  parsedCount = 0;
  readCount = 0;

  constructor(
    readonly parsesKept = PARSES_KEPT,
    readonly textsKept = TEXTS_KEPT,
  ) {}

  parsed(uri: string, source: CorpusText): ParsedDocument | undefined {
    if (this.parses.has(source)) return touch(this.parses, source);
    const entry = this.textOf(source);
    const parsed = entry ? ParsedDocument.parse({ uri, version: 0, getText: () => entry.text }) : undefined;
    if (parsed) this.parsedCount++;
    remember(this.parses, source, parsed, this.parsesKept);
    return parsed;
  }

  range(source: CorpusText, span: Span): Range | undefined {
    const parsed = this.parses.get(source);
    if (parsed) return parsed.range(span);
    const entry = this.textOf(source);
    if (!entry) return undefined;
    const whole = wholeCharacters(entry.text, span);
    return { start: entry.lines.positionAt(whole.start), end: entry.lines.positionAt(whole.end) };
  }

  text(source: CorpusText): string | undefined {
    return this.parses.get(source)?.model.text ?? this.textOf(source)?.text;
  }

  /** How many parses and texts are held now. */
  get size(): { parses: number; texts: number } {
    return { parses: this.parses.size, texts: this.texts.size };
  }

  clear(): void {
    this.parses.clear();
    this.texts.clear();
  }

  private textOf(source: CorpusText): TextEntry | undefined {
    if (this.texts.has(source)) return touch(this.texts, source);
    const text = source.read();
    this.readCount++;
    const entry = text === undefined ? undefined : { text, lines: new LineIndex(text) };
    remember(this.texts, source, entry, this.textsKept);
    return entry;
  }
}

function touch<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key) as V;
  map.delete(key);
  map.set(key, value);
  return value;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.set(key, value);
  while (map.size > limit) map.delete(map.keys().next().value as K);
}

/** The server's one cache: every knowledge base's documents share it (a reload's texts push out the old ones). */
export const corpusParses = new ParseCache();
