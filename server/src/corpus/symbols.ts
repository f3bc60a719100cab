// UN document symbols: one key per resolution, decision or document, whatever the spelling
// ("A/RES/71/28" = "71/28", "A/RES/43/78H" = "43/78 H", "2625(XXV)" = "2625 (XXV)").
import type { CitationKind } from '../parser/model';

export interface SymbolKey {
  /** The key the knowledge base files facts under: "71/28", "43/78 H", "ES-11/1", "A/70/174". */
  key: string;
  kind: CitationKind;
}

const RESOLUTION = /^(?:A\/RES\/)?((?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4})(?:\s?([A-Z]))?$/;
const OLD_RESOLUTION = /^(?:A\/RES\/)?(\d{1,4})\s?\(((?:ES-|S-)?[IVXL]{1,7})\)$/;
const DECISION = /^A\/DEC\/(\d{1,3}\/\d{1,4})$/;
const DOCUMENT = /^[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Z0-9][A-Za-z0-9.-]*)+(?:\s?\((?:19|20)\d\d\))?$/;

/** Normalises a symbol as written anywhere (text, catalogue, hover); undefined if it is none. */
export function normalizeSymbol(raw: string, kindHint?: CitationKind): SymbolKey | undefined {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/^\[|\]$/g, '');
  if (!text) return undefined;
  let match = RESOLUTION.exec(text);
  if (match) {
    const key = match[2] ? `${match[1]} ${match[2]}` : match[1];
    return { key, kind: kindHint === 'decision' && !text.startsWith('A/RES/') ? 'decision' : 'resolution' };
  }
  match = OLD_RESOLUTION.exec(text);
  if (match) return { key: `${match[1]} (${match[2]})`, kind: 'resolution' };
  match = DECISION.exec(text);
  if (match) return { key: match[1], kind: 'decision' };
  // Symbols are upper case but for their revision parts: A/C.1/73/L.27/Rev.1, A/67/53/Corr.1.
  const upper = text.toUpperCase().replace(/\/(REV|ADD|CORR|AMEND)\.(\d+)/g, (_, part: string, n: string) => `/${part[0]}${part.slice(1).toLowerCase()}.${n}`);
  if (DOCUMENT.test(upper) && /\d/.test(upper)) {
    if (/^S\/RES\/\d/.test(upper)) return { key: upper.replace(/\s?\((\d{4})\)$/, ' ($1)'), kind: 'resolution' };
    return { key: upper, kind: 'document' };
  }
  return undefined;
}

/** The address of a symbol's official text on undocs.org. */
export function undocsUrl(symbol: SymbolKey): string {
  const { key, kind } = symbol;
  let path: string;
  if (kind === 'document' || /^(?:S|A\/HRC|E|E\/CN\.4)\/RES\//.test(key)) path = key.replace(/\s/g, '');
  else if (kind === 'decision') path = `A/DEC/${key}`;
  else path = `A/RES/${key.replace(/\s/g, '')}`;
  return `https://undocs.org/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The symbol as a drafter writes it in full: "A/RES/73/266", "decision 72/512", "A/70/174". */
export function displaySymbol(symbol: SymbolKey): string {
  if (symbol.kind === 'document' || symbol.key.includes('/RES/')) return symbol.key;
  if (symbol.kind === 'decision') return `decision ${symbol.key}`;
  return /^\d/.test(symbol.key) || symbol.key.startsWith('ES-') ? `A/RES/${symbol.key}` : symbol.key;
}

/** General Assembly session of a resolution or decision key ("73/266" -> 73, "ES-11/1" -> undefined). */
export function sessionOf(key: string): number | undefined {
  const match = /^(\d{1,3})\/\d/.exec(key);
  return match ? Number(match[1]) : undefined;
}

const ORGAN_PREFIXES: Record<string, string> = {
  'Human Rights Council': 'A/HRC/RES/',
  'Economic and Social Council': 'E/RES/',
  'Commission on Human Rights': 'E/CN.4/RES/',
};

/** The knowledge-base key of a citation, so that HRC resolution 20/8 is not GA resolution 20/8. */
export function citationKey(citation: { symbol: string; kind: CitationKind; organ?: string }): SymbolKey | undefined {
  const prefix = citation.organ ? ORGAN_PREFIXES[citation.organ] : undefined;
  if (prefix && /^\d{1,3}\/\d{1,4}/.test(citation.symbol)) return { key: prefix + citation.symbol.replace(/\s/g, ''), kind: 'resolution' };
  return normalizeSymbol(citation.symbol, citation.kind);
}
