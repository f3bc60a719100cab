// One parse per document version: every feature reads the same ParsedDocument.
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './parser/lines';
import type { ResolutionDocument, Span } from './parser/model';
import { parseResolution } from './parser/parse';
import { wholeCharacters } from './positions';

export interface TextSource {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class ParsedDocument {
  readonly lines: LineIndex;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly model: ResolutionDocument,
  ) {
    this.lines = new LineIndex(model.text);
  }

  static parse(source: TextSource): ParsedDocument {
    return new ParsedDocument(source.uri, source.version, parseResolution(source.getText()));
  }

  /** The LSP range of a span, widened to whole characters (never half a surrogate pair or a CRLF). */
  range(span: Span): Range {
    const whole = wholeCharacters(this.model.text, span);
    return { start: this.lines.positionAt(whole.start), end: this.lines.positionAt(whole.end) };
  }

  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line;
  }
}

/** Caches the parse of each open document by URI and version. */
export class ParsedDocuments {
  private readonly cache = new Map<string, ParsedDocument>();

  get(source: TextSource): ParsedDocument {
    const cached = this.cache.get(source.uri);
    if (cached && cached.version === source.version) return cached;
    const parsed = ParsedDocument.parse(source);
    this.cache.set(source.uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The part of an LSP cancellation token the services read. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}
