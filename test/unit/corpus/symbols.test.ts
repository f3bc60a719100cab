import * as assert from 'assert';
import { displaySymbol, isUnnumberedResolution, normalizeSymbol, sectionReading, sessionOf, undocsUrl, type SymbolKey } from '../../../server/src/corpus/symbols';

describe('symbols: old resolutions, special sessions and the Digital Library forms', () => {
  // written -> key, as the UN writes it in text, its undocs.org address.
  const forms: [string, string, string, string][] = [
    ['2625 (XXV)', '2625 (XXV)', 'resolution 2625 (XXV)', 'A/RES/2625(XXV)'],
    ['A/RES/2625(XXV)', '2625 (XXV)', 'resolution 2625 (XXV)', 'A/RES/2625(XXV)'],
    ['A/RES/2625 (XXV)', '2625 (XXV)', 'resolution 2625 (XXV)', 'A/RES/2625(XXV)'],
    ['217 A (III)', '217 A (III)', 'resolution 217 A (III)', 'A/RES/217(III)'],
    ['A/RES/217(III)[A]', '217 A (III)', 'resolution 217 A (III)', 'A/RES/217(III)'],
    ['A/RES/181(II)[A]', '181 A (II)', 'resolution 181 A (II)', 'A/RES/181(II)'],
    ['181 (II) A', '181 A (II)', 'resolution 181 A (II)', 'A/RES/181(II)'],
    ['2602 C (XXIV)', '2602 C (XXIV)', 'resolution 2602 C (XXIV)', 'A/RES/2602(XXIV)'],
    ['A/RES/107(S-1)', '107 (S-1)', 'resolution 107 (S-1)', 'A/RES/107(S-1)'],
    ['107 (S-I)', '107 (S-1)', 'resolution 107 (S-1)', 'A/RES/107(S-1)'],
    ['A/RES/1874(S-IV)', '1874 (S-IV)', 'resolution 1874 (S-IV)', 'A/RES/1874(S-IV)'],
    ['A/RES/1000(ES-I)', '1000 (ES-I)', 'resolution 1000 (ES-I)', 'A/RES/1000(ES-I)'],
    ['A/RES/996(ES-IandII)', '996 (ES-I and II)', 'resolution 996 (ES-I and II)', 'A/RES/996(ES-IandII)'],
    ['A/RES/ES-10/15', 'ES-10/15', 'A/RES/ES-10/15', 'A/RES/ES-10/15'],
    ['es-11/1', 'ES-11/1', 'A/RES/ES-11/1', 'A/RES/ES-11/1'],
    ['A/RES/ES-8/1A', 'ES-8/1 A', 'A/RES/ES-8/1 A', 'A/RES/ES-8/1A'],
    ['S-10/2', 'S-10/2', 'A/RES/S-10/2', 'A/RES/S-10/2'],
    ['A/RES/S-10/2', 'S-10/2', 'A/RES/S-10/2', 'A/RES/S-10/2'],
    ['A/RES/34/222A', '34/222 A', 'A/RES/34/222 A', 'A/RES/34/222A'],
    ['A/RES/32/202[A]', '32/202 A', 'A/RES/32/202 A', 'A/RES/32/202A'],
    ['A/RES/78/183 B', '78/183 B', 'A/RES/78/183 B', 'A/RES/78/183B'],
  ];
  for (const [written, key, display, document] of forms) {
    it(`${written} -> ${key}, "${display}", undocs.org/${document}`, () => {
      const symbol = normalizeSymbol(written);
      assert.deepStrictEqual(symbol, { key, kind: 'resolution' });
      assert.strictEqual(displaySymbol(symbol), display);
      assert.strictEqual(undocsUrl(symbol), `https://undocs.org/${document}`);
    });
  }

  // A vote on less than a resolution or a part: the key of what it belongs to, and the portion.
  const portions: [string, string, SymbolKey['portion']][] = [
    ['A/RES/63(I)[PARA.1]', '63 (I)', { kind: 'paragraph', label: '1' }],
    ['A/RES/490(V)[PARA.1-2]', '490 (V)', { kind: 'paragraph', label: '1-2' }],
    ['A/RES/17(I)[RULE-33A]', '17 (I)', { kind: 'rule', label: '33A' }],
    ['A/RES/17(I)[RULE-T]', '17 (I)', { kind: 'rule', label: 'T' }],
    ['A/RES/377(V)[AANNEX]', '377 A (V)', { kind: 'annex', label: '' }],
    ['A/RES/289(IV)[AA]', '289 A (IV)', { kind: 'section', label: 'A' }],
    ['A/RES/724(VIII)[C-II]', '724 C (VIII)', { kind: 'section', label: 'II' }],
    ['A/RES/50/38[B-IX]', '50/38 B', { kind: 'section', label: 'IX' }],
    ['A/RES/33/116[A-I]', '33/116 A', { kind: 'section', label: 'I' }],
    ['A/RES/37/235C-II', '37/235 C', { kind: 'section', label: 'II' }],
    ['A/RES/39/236[SectionII]', '39/236', { kind: 'section', label: 'II' }],
    ['A/RES/36/235XIII', '36/235', { kind: 'section', label: 'XIII' }],
    ['A/RES/34/233[IX]', '34/233', { kind: 'section', label: 'IX' }],
    ['A/RES/36//235IX', '36/235', { kind: 'section', label: 'IX' }],
  ];
  for (const [written, key, portion] of portions) {
    it(`${written} -> ${key}, ${portion!.kind} ${portion!.label}`, () => {
      assert.deepStrictEqual(normalizeSymbol(written), { key, kind: 'resolution', portion });
    });
  }

  it('a range or a list of parts from the first names the resolution as a whole, from a later part that part', () => {
    const cases: [string, string][] = [
      ['A/RES/75/254A-C', '75/254'],
      ['A/RES/377(V)[A-C]', '377 (V)'],
      ['A/RES/421(V)[A-H]', '421 (V)'],
      ['A/RES/724(VIII)A-C', '724 (VIII)'],
      ['A/RES/944(X)[I-II]', '944 (X)'],
      ['A/RES/32/4[B-C]', '32/4 B'],
      ['decision 78/528 B, C and D', '78/528 B'],
      ['36/87 A and B', '36/87'],
      ['72/559 A, B and C', '72/559'],
      ['75/254 A to C', '75/254'],
    ];
    for (const [written, key] of cases) assert.strictEqual(normalizeSymbol(written.replace(/^decision /, ''))?.key, key, written);
  });

  it('a final I, V or X is a part letter, with its reading as a section for a catalogue to choose', () => {
    const part = normalizeSymbol('A/RES/41/209[V]')!;
    assert.deepStrictEqual(part, { key: '41/209 V', kind: 'resolution' });
    assert.deepStrictEqual(sectionReading(part), { key: '41/209', kind: 'resolution', portion: { kind: 'section', label: 'V' } });
    assert.deepStrictEqual(sectionReading(normalizeSymbol('A/RES/62(I)[I]')!), { key: '62 (I)', kind: 'resolution', portion: { kind: 'section', label: 'I' } });
    assert.strictEqual(sectionReading(normalizeSymbol('A/RES/55/33[W]')!), undefined);
    assert.strictEqual(sectionReading(normalizeSymbol('A/RES/41/209[IX]')!), undefined, 'already a section');
  });

  it('the session of a key: numbered or Roman, never a special or emergency special session', () => {
    const cases: [string, number | undefined][] = [
      ['73/266', 73], ['43/78 H', 43], ['2625 (XXV)', 25], ['217 A (III)', 3], ['181 A (II)', 2],
      ['107 (S-1)', undefined], ['1874 (S-IV)', undefined], ['1000 (ES-I)', undefined], ['ES-10/15', undefined], ['S-10/2', undefined],
    ];
    for (const [key, session] of cases) assert.strictEqual(sessionOf(key), session, key);
  });

  it('what is no resolution symbol', () => {
    for (const written of ['A/RES/79/XX', 'A/RES/181(II)[Q-B]', '181 B (II) A', '181 (2)', 'A/RES/71/28 XYZ', 'A/RES/63(I)[PARA.]']) {
      assert.strictEqual(normalizeSymbol(written), undefined, written);
    }
    assert.ok(isUnnumberedResolution('A/RES/79/XX'));
    assert.ok(!isUnnumberedResolution('A/RES/79/1'));
  });

  it('keeps what it read before: a corrigendum of a resolution is a document, a wrapped symbol unwrapped', () => {
    assert.deepStrictEqual(normalizeSymbol('A/RES/71/28/Corr.1'), { key: 'A/RES/71/28/Corr.1', kind: 'document' });
    assert.deepStrictEqual(normalizeSymbol('[A/RES/71/28]'), { key: '71/28', kind: 'resolution' });
    assert.deepStrictEqual(normalizeSymbol('A/RES/71/28]'), { key: '71/28', kind: 'resolution' });
    assert.deepStrictEqual(normalizeSymbol('2625 (XXV)', 'decision'), { key: '2625 (XXV)', kind: 'resolution' });
  });
});
