import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCatalogue } from '../../../server/src/corpus/catalogue';
import { marcFacts, MAX_XML_DEPTH, readMarcXml } from '../../../server/src/corpus/marcxml';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/catalogues');
const EXPORT = 'undl-export-A_C.3_78_L.marcxml.xml';
const exportText = () => readFileSync(path.join(FIXTURES, EXPORT), 'utf8');

/** A MARCXML collection of the records given, as the library writes them (namespaced). */
function collection(...records: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${records.join('\n')}\n</collection>\n`;
}

function record(symbol: string, extra = ''): string {
  return `<record>
  <datafield tag="191" ind1=" " ind2=" "><subfield code="a">${symbol}</subfield><subfield code="c">78</subfield></datafield>
  <datafield tag="245" ind1="1" ind2="0"><subfield code="a">A title :</subfield><subfield code="b">draft resolution /</subfield></datafield>
  <datafield tag="269" ind1=" " ind2=" "><subfield code="a">2023-11-01</subfield></datafield>${extra}
</record>`;
}

describe('corpus/marcxml', () => {
  describe('the UN Digital Library export of the Third Committee drafts of session 78', () => {
    const { records, problems } = readMarcXml(exportText());

    it('reads all 94 records (the count the export announces), without a problem', () => {
      assert.match(exportText(), /Search-Engine-Total-Number-Of-Results: 94 /);
      assert.strictEqual(records.length, 94);
      assert.deepStrictEqual(problems, []);
      assert.ok(records.every((r) => marcFacts(r).symbol?.startsWith('A/C.3/78/L.')));
    });

    it('A/C.3/78/L.49/Rev.1: its fields, the resolution it was adopted as, its sponsors', () => {
      const first = records[0];
      assert.strictEqual(first.line, 4);
      assert.deepStrictEqual(first.controlFields.find((f) => f.tag === '001'), { tag: '001', value: '4026910' });
      const facts = marcFacts(first);
      assert.deepStrictEqual(
        { ...facts, sponsors: facts.sponsors.length },
        {
          symbol: 'A/C.3/78/L.49/Rev.1',
          title: 'Promotion and protection of human rights in the context of digital technologies :',
          date: '2023-11-08',
          session: '78',
          related: ['A/RES/78/213', 'A/78/481/Add.2'],
          adoptedAs: 'A/RES/78/213',
          sponsors: 24,
        },
      );
      assert.deepStrictEqual(facts.sponsors.slice(0, 3), ['Argentina', 'Armenia', 'Austria']);
      assert.ok(facts.sponsors.includes('Netherlands (Kingdom of the)'));
      const title = first.dataFields.find((f) => f.tag === '245')!;
      assert.deepStrictEqual([title.ind1, title.ind2, title.subfields.map((s) => s.code)], ['1', '0', ['a', 'b', 'c']]);
    });

    it('62 drafts name the resolution they became; a draft adopted as a decision or not adopted names none', () => {
      const facts = records.map(marcFacts);
      assert.strictEqual(facts.filter((f) => f.adoptedAs).length, 62);
      const l72 = facts.find((f) => f.symbol === 'A/C.3/78/L.72')!;
      assert.deepStrictEqual([l72.related, l72.adoptedAs], [['A/DEC/78/539', 'A/78/484'], undefined]);
      assert.deepStrictEqual(facts.find((f) => f.symbol === 'A/C.3/78/L.1')!.related, []);
    });

    it('reads as a catalogue: one row per draft, with title, issue date, session and adoption', () => {
      const catalogue = parseCatalogue(exportText(), `file:///catalogues/${EXPORT}`);
      assert.deepStrictEqual(catalogue.problems, []);
      assert.strictEqual(catalogue.rows.length, 94);
      assert.deepStrictEqual(
        catalogue.rows.find((row) => row.symbol === 'A/C.3/78/L.51'),
        {
          symbol: 'A/C.3/78/L.51',
          kind: 'document',
          line: 1207,
          title: 'Strengthening the role of the United Nations in the promotion of democratization and enhancing periodic and genuine elections',
          date: '2023-10-31',
          session: 78,
          adoptedAs: '78/208',
        },
      );
    });

    it('reads the same whatever the namespace prefix, or none', () => {
      const plain = exportText().replace(/ns0:/g, '').replace(/ xmlns:ns0="[^"]*"/g, '');
      const marc = exportText().replace(/ns0:/g, 'marc:');
      const symbols = (text: string) => readMarcXml(text).records.map((r) => marcFacts(r).symbol);
      assert.deepStrictEqual(symbols(plain), symbols(exportText()));
      assert.deepStrictEqual(symbols(marc), symbols(exportText()));
    });
  });

  describe('text', () => {
    it('decodes the predefined entities, character references and CDATA; other "&" stay, with one problem', () => {
      const { records, problems } = readMarcXml(
        collection(
          record('A/C.3/78/L.90', `\n  <datafield tag="710" ind1="2" ind2=" "><subfield code="a">Trinidad &amp; Tobago &#233;&#xE9; &lt;x&gt;</subfield></datafield>
  <datafield tag="710" ind1="2" ind2=" "><subfield code="a"><![CDATA[A & B <c>]]></subfield></datafield>
  <datafield tag="710" ind1="2" ind2=" "><subfield code="a">Bosnia &nbsp; Herzegovina & co</subfield></datafield>`),
        ),
      );
      assert.deepStrictEqual(marcFacts(records[0]).sponsors, ['Trinidad & Tobago éé <x>', 'A & B <c>', 'Bosnia &nbsp; Herzegovina & co']);
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0].message, /^line 9: an "&" that starts no entity/);
      assert.doesNotMatch(problems[0].message, /nbsp|Bosnia/, 'the message does not quote the file');
    });

    it('an empty file, or XML without records: a problem, no rows', () => {
      assert.deepStrictEqual(readMarcXml('<collection/>').problems.map((p) => p.message), ['no MARC records (<record> elements) in this XML file']);
      assert.strictEqual(parseCatalogue('<?xml version="1.0"?><html><body>hello</body></html>', 'file:///c/page.xml').rows.length, 0);
    });

    it('a record without a symbol, or with a date that is none: the catalogue names the line and the field', () => {
      const catalogue = parseCatalogue(
        collection(record('A/C.3/78/L.91').replace('2023-11-01', '2023-02-30'), '<record>\n  <datafield tag="245" ind1=" " ind2=" "><subfield code="a">No symbol</subfield></datafield>\n</record>'),
        'file:///c/export.xml',
      );
      assert.deepStrictEqual(catalogue.problems.map((p) => [p.line, p.message]), [
        [3, 'line 3: field 269 $a (date) is not a real date; date left out'],
        [8, 'line 8: no symbol; line skipped'],
      ]);
      assert.deepStrictEqual(catalogue.rows.map((r) => r.symbol), ['A/C.3/78/L.91']);
    });
  });

  describe('hostile XML', () => {
    it('entity expansion ("billion laughs"): stops at the DOCTYPE, expands nothing', () => {
      const laughs = ['<!DOCTYPE lolz [', '<!ENTITY lol "lol">'];
      for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
      laughs.push(']>');
      const text = `<?xml version="1.0"?>\n${laughs.join('\n')}\n<collection>${record('A/C.3/78/L.92').replace('A title :', '&lol9;')}</collection>`;
      const { records, problems } = readMarcXml(text);
      assert.strictEqual(records.length, 0);
      assert.deepStrictEqual(problems.map((p) => p.message), ['line 2: a document type declaration (DOCTYPE); a MARCXML catalogue has none, so the rest of the file is not read']);
    });

    it('a record after the DOCTYPE is not read; records before it are', () => {
      const { records } = readMarcXml(`<collection>${record('A/C.3/78/L.93')}<!DOCTYPE x>${record('A/C.3/78/L.94')}</collection>`);
      assert.deepStrictEqual(records.map((r) => marcFacts(r).symbol), ['A/C.3/78/L.93']);
    });

    it(`nesting 200,000 deep: stops at ${MAX_XML_DEPTH}, with a problem, and the stack is never at risk`, () => {
      const depth = 200_000;
      const text = `<collection>${record('A/C.3/78/L.95')}${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</collection>`;
      const { records, problems } = readMarcXml(text);
      assert.deepStrictEqual(records.map((r) => marcFacts(r).symbol), ['A/C.3/78/L.95']);
      assert.deepStrictEqual(problems.map((p) => p.message), [`line 5: elements nested more than ${MAX_XML_DEPTH} deep; MARCXML nests four, so the rest of the file is not read`]);
    });

    it('broken files end with a problem naming the line: an endless tag, comment, CDATA, a mismatched close, an unended record', () => {
      const cases: [string, RegExp][] = [
        [`<collection>\n<record>\n<datafield tag="191`, /^line 3: a tag that never ends/],
        [`<collection>\n<!-- never ends`, /^line 2: a comment that never ends/],
        [`<collection>\n<record><datafield tag="191"><subfield code="a"><![CDATA[A/C.3/78/L.1`, /^line 2: a CDATA section that never ends/],
        [`<collection>\n<record>\n</datafield>`, /^line 3: a closing tag that does not match/],
        [`<collection>\n${record('A/C.3/78/L.96').replace('</record>', '')}`, /^line 2: a record that never ends; left out/],
        [`<collection>\n< record>`, /^line 2: a "<" that opens no tag/],
      ];
      for (const [text, message] of cases) {
        const { records, problems } = readMarcXml(text);
        assert.strictEqual(records.length, 0, text);
        assert.strictEqual(problems.length, 1, text);
        assert.match(problems[0].message, message);
      }
    });

    it('an attribute of a megabyte, a "<" in a quoted value and 20,000 empty records read in one pass', () => {
      const long = 'x'.repeat(1_000_000);
      const { records, problems } = readMarcXml(`<collection><record note="${long}<>">${record('A/C.3/78/L.97').slice('<record>'.length)}${'<record/>'.repeat(20_000)}</collection>`);
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(records.length, 20_001);
      assert.strictEqual(marcFacts(records[0]).symbol, 'A/C.3/78/L.97');
    });
  });
});
