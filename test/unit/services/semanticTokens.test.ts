import * as assert from 'assert';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../server/src/services/semanticTokens';
import { readSeed, SEEDS } from '../../helpers';

const parse = (text: string) => ParsedDocument.parse({ uri: 'file:///x.unres', version: 1, getText: () => text });

/** Decodes LSP's relative encoding into [text, type, modifiers]. */
function decode(text: string, data: number[]): [string, string, string[]][] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: [string, string, string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push([lines[line].slice(char, char + data[i + 2]), SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], modifiers]);
  }
  return out;
}

describe('semantic tokens', () => {
  it('marks opening phrases by part, numbers, labels, citations with dates, and markers', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2018,¹\n\n1. *Also decides*:\n\n(a) To act;\n\n¹ A/70/174.\n';
    const tokens = decode(text, getSemanticTokens(parse(text)).data);
    assert.deepStrictEqual(tokens, [
      ['Recalling', 'openingPhrase', ['preambular']],
      ['73/266', 'citation', []],
      ['22 December 2018', 'citation', ['date']],
      ['¹', 'footnoteMarker', []],
      ['1.', 'paragraphNumber', []],
      ['Also decides', 'openingPhrase', ['operative']],
      ['(a)', 'paragraphNumber', []],
      ['¹', 'footnoteMarker', []],
      ['A/70/174', 'citation', []],
    ]);
  });

  it('002 (PDF): a footnote digit glued to a word is a marker, and a date broken across lines is split per line', () => {
    const text = readSeed(SEEDS[2].file);
    const tokens = decode(text, getSemanticTokens(parse(text)).data);
    assert.ok(tokens.some(([t, type]) => t === '1' && type === 'footnoteMarker'));
    assert.ok(tokens.some(([t, type, mods]) => t === '23 December 2015' && type === 'citation' && mods.includes('date')));
  });

  for (const seed of SEEDS) {
    it(`${seed.file}: tokens lie within their lines and do not overlap`, () => {
      const text = readSeed(seed.file);
      const lines = text.split(/\r\n|\r|\n/);
      const data = getSemanticTokens(parse(text)).data;
      let line = 0;
      let char = 0;
      let lastEnd = -1;
      for (let i = 0; i < data.length; i += 5) {
        if (data[i] > 0) lastEnd = -1;
        line += data[i];
        char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
        assert.ok(data[i + 2] > 0 && char + data[i + 2] <= lines[line].length, `token ${i / 5} on line ${line + 1}`);
        assert.ok(char >= lastEnd, `token ${i / 5} overlaps`);
        lastEnd = char + data[i + 2];
      }
    });
  }
});
