import * as assert from 'assert';
import { stripMarkers, stripTerminal, tokenize } from '../../../server/src/agreed/normalise';

const words = (text: string) => tokenize(stripMarkers(text)).words;
const same = (a: string, b: string) => assert.deepStrictEqual(tokenize(stripMarkers(a)), tokenize(stripMarkers(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);

describe('agreed language: normalisation', () => {
  it('folds case', () => same('UNDERLINING the Importance', 'underlining the importance'));

  it('folds curly and straight quotes and apostrophes', () => {
    same('the item entitled “Developments in the field”.', 'the item entitled "Developments in the field".');
    same('States’ capacities and Côte d’Ivoire', "States' capacities and Côte d'Ivoire");
    assert.deepStrictEqual(words('Côte d’Ivoire'), ['cote', "d'ivoire"]);
  });

  it('folds dashes and hyphens: a lost hyphen, an en dash in a range, a spaced dash', () => {
    same('inclusive, transparent, consensus-driven and results-based', 'inclusive, transparent, consensusdriven and results‑based');
    same('the 2021–2025 open-ended working group', 'the 2021-2025 open‐ended working group');
    assert.deepStrictEqual(words('consensus-driven'), ['consensusdriven']);
    const spaced = tokenize('peace – and security');
    assert.deepStrictEqual(spaced.words, ['peace', 'and', 'security']);
    assert.deepStrictEqual(spaced.after, ['-', '', '']);
  });

  it('folds whitespace and line breaks', () => same('Underlining  the\nimportance\r\n of\trespect', 'Underlining the importance of respect'));

  it('drops footnote markers: superscript digits, <sup>, [^n], ^n', () => {
    const plain = 'promoting the use of such technologies, as well as';
    same('promoting the use¹² of such technologies,³ as well as', plain);
    same('promoting the use<sup>1</sup> of such technologies,<sup>2</sup> as well as', plain);
    same('promoting the use[^1] of such technologies,^2 as well as', plain);
  });

  it('ignores Markdown emphasis and link targets', () => same('*Recalling* its resolution [73/27](#),', 'Recalling its resolution 73/27,'));

  it('keeps symbols, decimals and numbers whole', () => {
    assert.deepStrictEqual(words('resolutions 73/266 and A/C.1/74/L.49/Rev.1, norm 1.3 and 1,000 States.'), ['resolutions', '73/266', 'and', 'a/c.1/74/l.49/rev.1', 'norm', '1.3', 'and', '1,000', 'states']);
  });

  it('keeps punctuation apart from the words', () => {
    const t = tokenize('(a) open, secure; stable: accessible.');
    assert.deepStrictEqual(t.words, ['a', 'open', 'secure', 'stable', 'accessible']);
    assert.deepStrictEqual(t.after, [')', ',', ';', ':', '.']);
    assert.strictEqual(t.before, '(');
  });

  it('says whether the text ends inside a word (a prefix being typed)', () => {
    assert.strictEqual(tokenize('Underlining the importance of resp').openEnd, true);
    assert.strictEqual(tokenize('Underlining the importance of ').openEnd, false);
    assert.strictEqual(tokenize('Underlining the importance of respect,').openEnd, false);
  });

  it('gives word offsets in the original text', () => {
    const text = 'Recalling  “its” resolution';
    const t = tokenize(text, undefined, true);
    assert.deepStrictEqual(t.starts.map((s, i) => text.slice(s, t.ends[i])), ['Recalling', 'its', 'resolution']);
  });

  it('strips only the final , ; : or . a paragraph’s position gives it', () => {
    assert.strictEqual(stripTerminal(','), '');
    assert.strictEqual(stripTerminal('".'), '"');
    assert.strictEqual(stripTerminal(');'), ')');
  });
});
