import * as assert from 'assert';
import { getDocumentLinks } from '../../../server/src/services/documentLinks';
import { SEEDS } from '../../helpers';
import { parseSeed, parseText } from './lookupFixtures';

describe('document links', () => {
  it('links every citation of every seed to undocs.org', () => {
    SEEDS.forEach((_, index) => {
      const doc = parseSeed(index);
      const links = getDocumentLinks(doc);
      assert.strictEqual(links.length, doc.model.citations.length, SEEDS[index].file);
      for (const link of links) assert.match(link.target!, /^https:\/\/undocs\.org\/[A-Z]/);
    });
  });

  it('gives each link its symbol in full, its range and a tooltip', () => {
    const doc = parseSeed(0);
    const links = getDocumentLinks(doc);
    const at = (symbol: string) => links.find((l) => doc.model.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end)) === symbol)!;
    assert.deepStrictEqual(
      { target: at('73/266').target, tooltip: at('73/266').tooltip },
      { target: 'https://undocs.org/A/RES/73/266', tooltip: 'Open A/RES/73/266 on undocs.org' },
    );
    assert.deepStrictEqual({ target: at('72/512').target, tooltip: at('72/512').tooltip }, { target: 'https://undocs.org/A/DEC/72/512', tooltip: 'Open decision 72/512 on undocs.org' });
    assert.strictEqual(at('A/70/174').target, 'https://undocs.org/A/70/174');
  });

  it('links other organs and lettered resolutions to their own symbols', () => {
    const doc = parseText('The General Assembly,\n\nRecalling Human Rights Council resolution 20/8 and its resolution 43/78 H,\n');
    assert.deepStrictEqual(getDocumentLinks(doc).map((l) => l.target), ['https://undocs.org/A/HRC/RES/20/8', 'https://undocs.org/A/RES/43/78H']);
  });

  it('stops when cancelled', () => {
    assert.deepStrictEqual(getDocumentLinks(parseSeed(0), { isCancellationRequested: true }), []);
  });
});
