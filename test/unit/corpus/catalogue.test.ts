import * as assert from 'assert';
import { mulberry32 } from '../../helpers';
import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { MAX_PROBLEMS_PER_FILE, parseCatalogue, parseCatalogueInSlices, parseDateValue, parseSessionValue } from '../../../server/src/corpus/catalogue';
import type { Catalogue, CatalogueRow } from '../../../server/src/corpus/types';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/catalogues');
const REPO = path.resolve(__dirname, '../../../..');

function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

function load(name: string): Catalogue {
  return parseCatalogue(fixtureText(name), `file:///catalogues/${name}`);
}

/** Problems as [line, message] pairs, easy to compare. */
function problemsOf(catalogue: Catalogue): [number | undefined, string][] {
  return catalogue.problems.map((p) => [p.line, p.message]);
}

/** Rows of an inline CSV. */
function csv(lines: string[], uri = 'file:///catalogues/inline.csv'): Catalogue {
  return parseCatalogue(lines.join('\n') + '\n', uri);
}

const TITLE_73_27 = 'Developments in the field of information and telecommunications in the context of international security';

describe('catalogue: messy CSV (BOM, CRLF, quoting, broken rows)', () => {
  const catalogue = load('messy.csv');

  it('the fixture really has a BOM, CRLF line ends and trailing empty lines', () => {
    const text = fixtureText('messy.csv');
    assert.strictEqual(text.charCodeAt(0), 0xfeff);
    assert.ok(text.includes('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.ok(text.endsWith('\r\n\r\n\r\n'));
  });

  it('reads every row with a symbol, in file order, with the line it starts on', () => {
    const expected: CatalogueRow[] = [
      { symbol: '73/27', kind: 'resolution', line: 2, title: TITLE_73_27, date: '2018-12-05', session: 73 },
      {
        symbol: '73/266', kind: 'resolution', line: 3,
        title: 'Advancing responsible State behaviour in cyberspace, in the context of international security', date: '2018-12-22', session: 73,
      },
      { symbol: '72/512', kind: 'decision', line: 5, title: 'The "open-ended" working group', date: '2017-12-04', session: 72 },
      // The quoted title spans lines 6 and 7: the line break reads as a space.
      { symbol: '71/28', kind: 'resolution', line: 6, title: 'Developments in the field of information and telecommunications', date: '2016-12-05', session: 71 },
      { symbol: '70/237', kind: 'resolution', line: 8, title: 'Short row' },
      { symbol: '72/28', kind: 'resolution', line: 10, title: 'Impossible date', session: 72 },
      { symbol: 'A/C.1/73/L.27/Rev.1', kind: 'document', line: 11, title: 'Draft with an unreadable session', date: '2018-10-29' },
      { symbol: '73/1', kind: 'resolution', line: 13, title: 'Unquoted, comma in the title', date: '2018-10-01', session: 73 },
    ];
    assert.deepStrictEqual(catalogue.rows, expected);
  });

  it('reports each skipped row and dropped field once, naming the row and the column (by position and field), never the value', () => {
    assert.deepStrictEqual(problemsOf(catalogue), [
      [8, 'row 8: only 2 of 5 columns; column 3 (date) and column 4 (session) left out'],
      [9, 'row 9: column 1 (symbol) is not a resolution or document symbol; row skipped'],
      [10, 'row 10: column 3 (date) is not a real date; date left out'],
      [11, 'row 11: column 4 (session) is not a session number; session left out'],
      [12, 'row 12: no symbol in column 1 (symbol); row skipped'],
      [13, 'row 13: 6 fields where the header has 5; read the unquoted "," in column 2 (title) as part of the title'],
    ]);
    for (const problem of catalogue.problems) assert.strictEqual(problem.uri, 'file:///catalogues/messy.csv');
    assert.strictEqual(catalogue.uri, 'file:///catalogues/messy.csv');
  });

  it('reads the same with LF or CR line ends and without the BOM', () => {
    const text = fixtureText('messy.csv');
    for (const variant of [text.slice(1), text.replace(/\r\n/g, '\n'), text.replace(/\r\n/g, '\r')]) {
      const other = parseCatalogue(variant, 'file:///catalogues/messy.csv');
      assert.deepStrictEqual(other.rows, catalogue.rows);
      assert.deepStrictEqual(other.problems, catalogue.problems);
    }
  });
});

describe('catalogue: UN Digital Library exports load as they come', () => {
  it('the voting-data search export (Title, Resolution, Vote date, Agenda, Yes, No …); titles without the cataloguer\'s " :" and "/ adopted by …"', () => {
    const catalogue = load('undl-export.csv');
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '73/27', kind: 'resolution', line: 2, title: TITLE_73_27, date: '2018-12-05' },
      { symbol: '73/266', kind: 'resolution', line: 3, title: 'Advancing responsible State behaviour in cyberspace in the context of international security', date: '2018-12-22' },
      { symbol: '74/28', kind: 'resolution', line: 4, title: 'Advancing responsible State behaviour in cyberspace in the context of international security', date: '2019-12-12' },
      {
        symbol: 'ES-10/19', kind: 'resolution', line: 5,
        title: 'Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory', date: '2017-12-21',
      },
      {
        symbol: '78/16', kind: 'resolution', line: 6,
        title: 'Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security',
        date: '2023-12-04',
      },
      {
        symbol: 'S/RES/2401 (2018)', kind: 'resolution', line: 7,
        title: 'Resolution 2401 (2018)', date: '2018-02-24',
      },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('the bulk voting dataset (one row per Member State; every duplicate kept; ES-10 has no session number)', () => {
    const catalogue = load('undl-voting-data.csv');
    assert.deepStrictEqual(problemsOf(catalogue), []);
    assert.deepStrictEqual(
      catalogue.rows.map((r) => [r.line, r.symbol, r.date, r.session]),
      [
        [2, '73/27', '2018-12-05', 73],
        [3, '73/27', '2018-12-05', 73],
        [4, '73/27', '2018-12-05', 73],
        [5, 'ES-10/19', '2017-12-21', undefined],
        [6, 'ES-10/19', '2017-12-21', undefined],
        [7, 'ES-10/19', '2017-12-21', undefined],
      ],
    );
    assert.deepStrictEqual([catalogue.rows[0].title, catalogue.rows[3].title], [TITLE_73_27, 'Status of Jerusalem']);
  });
});

describe('catalogue: JSON Lines and JSON', () => {
  it('JSON Lines: blank lines skipped, each broken line named', () => {
    const catalogue = load('catalogue.jsonl');
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '73/27', kind: 'resolution', line: 1, title: TITLE_73_27, date: '2018-12-05', session: 73 },
      {
        symbol: 'A/C.1/74/L.49/Rev.1', kind: 'document', line: 3,
        title: 'Advancing responsible State behaviour in cyberspace in the context of international security',
        date: '2019-11-01', session: 74, adoptedAs: '74/28', adoptionDate: '2019-12-12', file: 'texts/74-28.txt',
      },
      { symbol: '72/512', kind: 'decision', line: 5, date: '2017-12-04' },
      { symbol: '71/28', kind: 'resolution', line: 8, date: '2016-12-05' },
      { symbol: '72/513', kind: 'decision', line: 10 },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), [
      [4, 'line 4: not valid JSON; line skipped'],
      [6, 'line 6: a JSON array, not an object with a symbol; line skipped'],
      [7, 'line 7: the object has no symbol key; line skipped'],
      [9, 'line 9: the symbol key holds a JSON object, not text; line skipped'],
    ]);
  });

  it('a JSON array of objects, each row with the line its object starts on', () => {
    const catalogue = load('catalogue.json');
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '73/27', kind: 'resolution', line: 2, title: TITLE_73_27, date: '2018-12-05', session: 73 },
      { symbol: '72/512', kind: 'decision', line: 8, date: '2017-12-04' },
      { symbol: 'A/C.1/73/L.27/Rev.1', kind: 'document', line: 12, date: '2018-10-29', adoptedAs: '73/27', adoptionDate: '2018-12-05', file: '002.txt' },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('a broken element of a JSON array costs only itself', () => {
    const catalogue = parseCatalogue('[\n  {"symbol": "A/RES/1/1", "title": "a [bracket], \\"quoted\\" {brace}"},\n  {"symbol": oops},\n  {"symbol": "A/RES/1/2"}\n]\n', 'file:///c.json');
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '1/1', kind: 'resolution', line: 2, title: 'a [bracket], "quoted" {brace}' },
      { symbol: '1/2', kind: 'resolution', line: 4 },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), [[3, 'line 3: not valid JSON; line skipped']]);
  });

  it('an array never closed, and text after the array', () => {
    const open = parseCatalogue('[{"symbol": "A/RES/1/1"},\n{"symbol": "A/RES/1/2"},\n{"symbol": "A/RES/1/3"', 'file:///c.json');
    assert.deepStrictEqual(open.rows.map((r) => r.symbol), ['1/1', '1/2']);
    assert.deepStrictEqual(problemsOf(open), [
      [3, 'line 3: not valid JSON; line skipped'],
      [3, 'line 3: the JSON array is never closed with "]"'],
    ]);
    const after = parseCatalogue('[{"symbol": "A/RES/1/1"}]\n\nmore', 'file:///c.json');
    assert.deepStrictEqual(after.rows.map((r) => r.symbol), ['1/1']);
    assert.deepStrictEqual(problemsOf(after), [[3, 'line 3: text after the end of the JSON array is ignored']]);
  });

  it('a .json file holding JSON Lines or a single object', () => {
    const lines = parseCatalogue('{"symbol": "A/RES/1/1"}\n{"symbol": "A/RES/1/2"}\n', 'file:///c.json');
    assert.deepStrictEqual(lines.rows.map((r) => [r.line, r.symbol]), [[1, '1/1'], [2, '1/2']]);
    const single = parseCatalogue('\n{\n  "symbol": "A/RES/1/1",\n  "session": "1st"\n}\n', 'file:///c.json');
    assert.deepStrictEqual(single.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, session: 1 }]);
  });

  it('objects with no symbol key at all give one problem counting the keys found and naming the ones it looks for', () => {
    const catalogue = parseCatalogue('{"id": 1, "name": "x"}\n{"id": 2, "year": 2018}\n', 'file:///c.jsonl');
    assert.deepStrictEqual(catalogue.rows, []);
    assert.deepStrictEqual(problemsOf(catalogue), [
      [
        1,
        'no symbol key: the objects have 3 keys, none named Symbol, Resolution, UNDL symbol, Document symbol, Symbol (UNDL), Doc symbol, Resolution symbol or Decision (any case; spaces, "_", "." and "-" do not matter); no rows read',
      ],
    ]);
  });

  it('JSON values: numbers read as text, null as nothing, objects reported', () => {
    const catalogue = parseCatalogue('{"symbol": "A/RES/73/266", "date": 20181222, "session": 73, "title": null, "file": {"path": "x"}}\n', 'file:///c.jsonl');
    assert.deepStrictEqual(catalogue.rows, [{ symbol: '73/266', kind: 'resolution', line: 1, date: '2018-12-22', session: 73 }]);
    assert.deepStrictEqual(problemsOf(catalogue), [[1, 'line 1: the file key holds a JSON object, not text; file left out']]);
  });

  it('the shipped manifest reads with the same rules (date of the draft, adoption date of the resolution)', () => {
    const catalogue = parseCatalogue(readFileSync(path.join(REPO, 'corpus/catalogue.json'), 'utf8'), 'file:///corpus/catalogue.json');
    const draft = catalogue.rows.find((r) => r.symbol === 'A/C.1/73/L.27/Rev.1')!;
    assert.deepStrictEqual({ ...draft, title: undefined, line: 0 }, {
      symbol: 'A/C.1/73/L.27/Rev.1', kind: 'document', line: 0, title: undefined,
      date: '2018-10-29', session: 73, adoptedAs: '73/27', adoptionDate: '2018-12-05', file: '002_eef1e9d426f8333c.txt',
    });
  });
});

describe('catalogue: separators and formats', () => {
  it('semicolon-separated, found from the header line', () => {
    const catalogue = load('semicolon.csv');
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '73/27', kind: 'resolution', line: 2, title: 'Developments in the field of information and telecommunications, in the context of international security', date: '2018-12-05', session: 73 },
      { symbol: '73/266', kind: 'resolution', line: 3, title: 'Advancing responsible State behaviour; in cyberspace', date: '2018-12-22', session: 73 },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('tab-separated (.tsv, CR line ends): drafts with what they were adopted as', () => {
    const catalogue = load('catalogue.tsv');
    assert.deepStrictEqual(catalogue.rows, [
      {
        symbol: 'A/C.1/73/L.27/Rev.1', kind: 'document', line: 2,
        title: 'Developments in the field of information and telecommunications, in the context of international security',
        date: '2018-10-29', adoptedAs: '73/27', adoptionDate: '2018-12-05', session: 73,
      },
      { symbol: 'A/C.1/78/L.60', kind: 'document', line: 3, title: 'Programme of action', date: '2023-10-24', adoptedAs: '78/16', adoptionDate: '2023-12-04', session: 78 },
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('tabs in a .csv file, commas in a .tsv file', () => {
    const tabs = parseCatalogue('Symbol\tTitle\nA/RES/1/1\tOne, two\n', 'file:///c.csv');
    assert.deepStrictEqual(tabs.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, title: 'One, two' }]);
    const commas = parseCatalogue('Symbol,Title\nA/RES/1/1,One\n', 'file:///c.tsv');
    assert.deepStrictEqual(commas.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, title: 'One' }]);
  });

  it('the format from the extension (also upper case, with a query), else from the content', () => {
    const lines = '{"symbol": "A/RES/1/1"}\n';
    assert.deepStrictEqual(parseCatalogue(lines, 'file:///c.NDJSON?x=1#y').rows.map((r) => r.symbol), ['1/1']);
    assert.deepStrictEqual(parseCatalogue(lines, 'untitled:catalogue').rows.map((r) => r.symbol), ['1/1']);
    assert.deepStrictEqual(parseCatalogue('[{"symbol": "A/RES/1/1"}]', 'file:///c.txt').rows.map((r) => r.symbol), ['1/1']);
    assert.deepStrictEqual(parseCatalogue('Symbol\nA/RES/1/1\n', 'file:///dir.v2/catalogue').rows.map((r) => r.symbol), ['1/1']);
    // JSON Lines saved as .csv.
    assert.deepStrictEqual(parseCatalogue(lines, 'file:///c.csv').rows.map((r) => r.symbol), ['1/1']);
  });

  it('an empty file and a header-only file', () => {
    assert.deepStrictEqual(problemsOf(parseCatalogue('', 'file:///c.csv')), [[undefined, 'the catalogue is empty']]);
    assert.deepStrictEqual(problemsOf(parseCatalogue('\uFEFF\r\n \r\n', 'file:///c.jsonl')), [[undefined, 'the catalogue is empty']]);
    const header = parseCatalogue('Symbol,Title\r\n', 'file:///c.csv');
    assert.deepStrictEqual([header.rows, header.problems], [[], []]);
  });
});

describe('catalogue: columns', () => {
  it('found by their usual names, whatever the case, spaces, "_", "." or "-"', () => {
    const variants: [string, keyof CatalogueRow, string, unknown][] = [
      ['SYMBOL', 'symbol', 'A/RES/1/1', '1/1'],
      ['Resolution', 'symbol', 'A/RES/1/1', '1/1'],
      ['undl_symbol', 'symbol', 'A/RES/1/1', '1/1'],
      ['Document Symbol', 'symbol', 'A/RES/1/1', '1/1'],
      ['Symbol (UNDL)', 'symbol', 'A/RES/1/1', '1/1'],
      ['symbol-undl', 'symbol', 'A/RES/1/1', '1/1'],
      ['Doc. symbol', 'symbol', 'A/RES/1/1', '1/1'],
      ['main_title', 'title', 'A title', 'A title'],
      ['Title Statement', 'title', 'A title', 'A title'],
      ['name', 'title', 'A title', 'A title'],
      ['DATE', 'date', '2018-12-22', '2018-12-22'],
      ['adopted', 'date', '2018-12-22', '2018-12-22'],
      ['Adoption date', 'date', '2018-12-22', '2018-12-22'],
      ['date_adopted', 'date', '2018-12-22', '2018-12-22'],
      ['vote_date', 'date', '2018-12-22', '2018-12-22'],
      ['Vote date', 'date', '2018-12-22', '2018-12-22'],
      ['Date of adoption', 'date', '2018-12-22', '2018-12-22'],
      ['action.date', 'date', '2018-12-22', '2018-12-22'],
      ['Session', 'session', '73', 73],
      ['adopted_as', 'adoptedAs', 'A/RES/73/27', '73/27'],
      ['Adopted As', 'adoptedAs', 'A/RES/73/27', '73/27'],
      ['file', 'file', 'texts/a.txt', 'texts/a.txt'],
      ['Path', 'file', 'texts\\a.txt', 'texts/a.txt'],
      ['Text file', 'file', 'texts/a.txt', 'texts/a.txt'],
    ];
    for (const [column, field, value, expected] of variants) {
      const symbolColumn = field === 'symbol' ? column : 'Symbol';
      const header = field === 'symbol' ? [column] : ['Symbol', column];
      const row = field === 'symbol' ? [value] : ['A/RES/1/1', value];
      const catalogue = parseCatalogue(`${header.join(',')}\n${row.join(',')}\n`, 'file:///c.csv');
      assert.deepStrictEqual(problemsOf(catalogue), [], `${column}: no problems`);
      assert.strictEqual(catalogue.rows.length, 1, `${symbolColumn}: one row`);
      assert.deepStrictEqual(catalogue.rows[0][field], expected, `${column} -> ${field}`);
    }
  });

  it('unknown columns are ignored; the best-named column wins', () => {
    const catalogue = csv(['Name,Agenda,Title,Resolution,Yes,Symbol', 'Other,Item 5,The title,A/RES/1/2,120,A/RES/1/1']);
    assert.deepStrictEqual(catalogue.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, title: 'The title' }]);
  });

  it('a type column saying decision makes a bare symbol a decision', () => {
    const catalogue = csv(['Symbol,Document type', '72/512,Decision', '72/513,', '72/514,resolution', 'A/RES/72/515,decision', '72/516,Resolutions and decisions']);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.kind]), [
      ['72/512', 'decision'],
      ['72/513', 'resolution'],
      ['72/514', 'resolution'],
      ['72/515', 'resolution'],
      ['72/516', 'resolution'],
    ]);
  });

  it('which date is which: adoption for a resolution, issue for a document, and the adoption date of what a draft became', () => {
    const catalogue = csv([
      'Symbol,Date,Adoption date,Adopted as,Adopted as date',
      // A resolution: its adoption date, else the plain date.
      'A/RES/73/27,2018-12-10,2018-12-05,,',
      'A/RES/73/28,2018-12-10,,,',
      // A draft: the plain date is its issue date; the adopted-as date, else the adoption date, is that of the resolution.
      'A/C.1/73/L.27/Rev.1,2018-10-29,,A/RES/73/27,2018-12-05',
      'A/C.1/73/L.28,2018-10-30,2018-12-06,73/28,',
      'A/C.1/73/L.29,,2018-12-07,,',
    ]);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.date, r.adoptedAs, r.adoptionDate]), [
      ['73/27', '2018-12-05', undefined, undefined],
      ['73/28', '2018-12-10', undefined, undefined],
      ['A/C.1/73/L.27/Rev.1', '2018-10-29', '73/27', '2018-12-05'],
      ['A/C.1/73/L.28', '2018-10-30', '73/28', '2018-12-06'],
      ['A/C.1/73/L.29', undefined, undefined, '2018-12-07'],
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('an "Adopted" column holding yes or no is not a date', () => {
    const catalogue = csv(['Symbol,Adopted', 'A/RES/1/1,yes', 'A/RES/1/2,No']);
    assert.deepStrictEqual(catalogue.rows.map((r) => r.date), [undefined, undefined]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('lines before the header (an export title) are passed over; a repeated header is skipped', () => {
    const catalogue = csv(['United Nations Digital Library: search results', 'Exported 2024-05-01', '', 'Resolution,Title', 'A/RES/1/1,One', 'Resolution,Title', 'A/RES/1/2,Two']);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.line, r.symbol, r.title]), [[5, '1/1', 'One'], [7, '1/2', 'Two']]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('a data row that happens to hold a column name is not taken for the header', () => {
    const catalogue = csv(['Id,Type,Heading', '1,Resolution,Foo', '2,Decision,Bar']);
    assert.deepStrictEqual(catalogue.rows, []);
    assert.strictEqual(catalogue.problems.length, 1);
    assert.match(catalogue.problems[0].message, /^no symbol column: the header \(row 1\) has 3 columns, none named /);
  });

  it('a file without a symbol column: one problem counting the columns found and naming what it looks for', () => {
    const catalogue = csv(['\uFEFFId;Heading;Year', '1;Something;2018', '2;Other;2019']);
    assert.deepStrictEqual(catalogue.rows, []);
    assert.deepStrictEqual(problemsOf(catalogue), [
      [
        1,
        'no symbol column: the header (row 1) has 3 columns, none named Symbol, Resolution, UNDL symbol, Document symbol, Symbol (UNDL), Doc symbol, Resolution symbol or Decision (any case; spaces, "_", "." and "-" do not matter); no rows read',
      ],
    ]);
  });
});

describe('catalogue: dates', () => {
  const forms: [string, string][] = [
    ['2018-12-22', '2018-12-22'],
    ['2018-12-22T00:00:00Z', '2018-12-22'],
    ['2018-12-22 00:00:00', '2018-12-22'],
    ['2018/12/22', '2018-12-22'],
    ['2018-1-5', '2018-01-05'],
    ['20181222', '2018-12-22'],
    ['20040914, 20041004', '2004-09-14'],
    ['22 December 2018', '2018-12-22'],
    ['22 Dec. 2018', '2018-12-22'],
    ['22 Dec 2018', '2018-12-22'],
    ['22-Dec-2018', '2018-12-22'],
    ['22nd December 2018', '2018-12-22'],
    ['Saturday, 22 December 2018', '2018-12-22'],
    ['December 22, 2018', '2018-12-22'],
    ['Dec. 22, 2018', '2018-12-22'],
    ['Sept. 5, 2019', '2019-09-05'],
    ['22/12/2018', '2018-12-22'],
    ['05/12/2018', '2018-12-05'],
    ['5.12.2018', '2018-12-05'],
    ['22-12-2018', '2018-12-22'],
    ['12/22/2018', '2018-12-22'],
  ];
  for (const [text, iso] of forms) {
    it(`${JSON.stringify(text)} -> ${iso}`, () => {
      assert.deepStrictEqual(parseDateValue(text), { iso });
      const quoted = `"${text}"`;
      const catalogue = csv(['Symbol,Date', `A/RES/73/1,${quoted}`]);
      assert.deepStrictEqual([catalogue.rows[0].date, catalogue.problems], [iso, []]);
    });
  }

  it('impossible dates are reported as such; the row stays without its date', () => {
    for (const text of ['2018-02-30', '2019-02-29', '31/04/2018', '30 February 2018', '2018-13-01', '20181232']) {
      assert.deepStrictEqual(parseDateValue(text), { error: 'impossible' }, text);
    }
    assert.deepStrictEqual(parseDateValue('2016-02-29'), { iso: '2016-02-29' });
    const catalogue = csv(['Symbol,Date', 'A/RES/1/1,30 February 2018']);
    assert.deepStrictEqual(catalogue.rows, [{ symbol: '1/1', kind: 'resolution', line: 2 }]);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: column 2 (date) is not a real date; date left out']]);
  });

  it('text that is no date is reported; placeholders are not', () => {
    for (const text of ['soon', '2018', 'December 2018', '22 Smarch 2018', '22/12/18', '1 2 3 4 2018', '22 December 2018 (resumed)']) {
      assert.deepStrictEqual(parseDateValue(text), { error: 'unreadable' }, text);
    }
    for (const text of ['n/a', 'N/A', '-', '—', '?']) assert.deepStrictEqual(parseDateValue(text), { error: 'none' }, text);
    const catalogue = csv(['Symbol,Date', 'A/RES/1/1,soon', 'A/RES/1/2,n/a']);
    assert.deepStrictEqual(catalogue.rows.map((r) => r.date), [undefined, undefined]);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: column 2 (date) is not a date (write 2018-12-22 or 22 December 2018); date left out']]);
  });
});

describe('catalogue: sessions', () => {
  const forms: [string, number | 'special' | undefined][] = [
    ['73', 73],
    ['73rd', 73],
    ['73rd session', 73],
    ['73rd regular session', 73],
    ['1st', 1],
    ['Session 73', 73],
    ['seventy-third', 73],
    ['Seventy-third session', 73],
    ['Seventy-third session of the General Assembly', 73],
    ['73rd sess.', 73],
    ['seventy third', 73],
    ['eightieth', 80],
    ['ES-10', 'special'],
    ['10th emergency special session', 'special'],
    ['S-27', 'special'],
    ['sometime', undefined],
    ['0', undefined],
    ['250', undefined],
  ];
  for (const [text, expected] of forms) {
    it(`${JSON.stringify(text)} -> ${expected}`, () => assert.strictEqual(parseSessionValue(text), expected));
  }
});

describe('catalogue: symbols are normalised', () => {
  it('resolutions, decisions and documents however written', () => {
    const cases: [string, string, string][] = [
      ['A/RES/71/28', '71/28', 'resolution'],
      ['71/28', '71/28', 'resolution'],
      [' A/RES/71/28 ', '71/28', 'resolution'],
      ['resolution 73/266', '73/266', 'resolution'],
      ['A/RES/43/78H', '43/78 H', 'resolution'],
      ['2625(XXV)', '2625 (XXV)', 'resolution'],
      ['A/RES/ES-10/19', 'ES-10/19', 'resolution'],
      ['S/RES/2401(2018)', 'S/RES/2401 (2018)', 'resolution'],
      ['A/DEC/72/512', '72/512', 'decision'],
      ['decision 72/512', '72/512', 'decision'],
      ['A/C.1/73/L.27/REV.1', 'A/C.1/73/L.27/Rev.1', 'document'],
      ['A/70/174', 'A/70/174', 'document'],
    ];
    const catalogue = csv(['Symbol', ...cases.map(([raw]) => `"${raw}"`)]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.kind]), cases.map(([, key, kind]) => [key, kind]));
  });

  it('an adopted-as value that is not a resolution is reported and left out', () => {
    const catalogue = csv(['Symbol,Adopted as', 'A/C.1/73/L.5,A/73/100', 'A/C.1/73/L.6,decision 73/501']);
    assert.deepStrictEqual(catalogue.rows.map((r) => r.adoptedAs), [undefined, '73/501']);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: column 2 (adopted as) is not a resolution or decision symbol; adopted as left out']]);
  });
});

describe('catalogue: old symbols and votes on portions, as the Digital Library writes them', () => {
  it('old resolutions, special and emergency special sessions, parts in brackets, decisions ending with a full stop or listing parts', () => {
    const cases: [string, string, string][] = [
      ['A/RES/181(II)[A]', '181 A (II)', 'resolution'],
      ['A/RES/2602(XXIV)[F]', '2602 F (XXIV)', 'resolution'],
      ['A/RES/107(S-1)', '107 (S-1)', 'resolution'],
      ['A/RES/1874(S-IV)', '1874 (S-IV)', 'resolution'],
      ['A/RES/1000(ES-I)', '1000 (ES-I)', 'resolution'],
      ['A/RES/S-9/2', 'S-9/2', 'resolution'],
      ['A/RES/32/202[A]', '32/202 A', 'resolution'],
      ['A/RES/75/254A-C', '75/254', 'resolution'],
      ['decision 71/555.', '71/555', 'decision'],
      ['decision 72/559 A and B', '72/559', 'decision'],
      ['decision 73/555 A, B and C', '73/555', 'decision'],
    ];
    const catalogue = csv(['Symbol', ...cases.map(([raw]) => `"${raw}"`)]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.kind]), cases.map(([, key, kind]) => [key, kind]));
  });

  it('a vote on a paragraph or a rule is a fact of its resolution, with the title before the bracketed portion', () => {
    const catalogue = csv([
      'Resolution,Title,Vote date',
      'A/RES/63(I)[PARA.1],Approval of Trusteeship Agreements [New Guinea] : resolution / adopted by the General Assembly,1946-12-13',
      'A/RES/63(I)[PARA.2],Approval of Trusteeship Agreements [Ruanda-Urundi] : resolution / adopted by the General Assembly,1946-12-13',
      'A/RES/108(II)[PARA.2],Admission of Yemen and Pakistan to membership in the United Nations,1947-09-30',
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
    assert.deepStrictEqual(catalogue.rows, [
      { symbol: '63 (I)', kind: 'resolution', line: 2, title: 'Approval of Trusteeship Agreements', date: '1946-12-13' },
      { symbol: '63 (I)', kind: 'resolution', line: 3, title: 'Approval of Trusteeship Agreements', date: '1946-12-13' },
      { symbol: '108 (II)', kind: 'resolution', line: 4, title: 'Admission of Yemen and Pakistan to membership in the United Nations', date: '1947-09-30' },
    ]);
  });

  it('votes on portions on different days give the resolution no date', () => {
    const catalogue = csv([
      'Resolution,Title,Vote date',
      'A/RES/17(I)[RULE-33],Amendments to the provisional rules of procedure [Rule 33],1946-01-26',
      'A/RES/17(I)[RULE-T],Amendments to the provisional rules of procedure [Supplementary Rule T],1946-01-29',
    ]);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.title, r.date]), [
      ['17 (I)', 'Amendments to the provisional rules of procedure', undefined],
      ['17 (I)', 'Amendments to the provisional rules of procedure', undefined],
    ]);
  });

  it('sections: their own headings are no title of the resolution; one title shared by every section is', () => {
    const catalogue = csv([
      'Resolution,Title,Vote date',
      'A/RES/41/209[III],Health insurance coverage for locally-recruited staff,1986-12-11',
      'A/RES/41/209[IX],Job classification of the General Service,1986-12-11',
      'A/RES/39/236[SectionII],Questions relating to the programme budget for the biennium 1984-1985,1984-12-18',
      'A/RES/39/236[SectionIII],Questions relating to the programme budget for the biennium 1984-1985,1984-12-18',
      'A/RES/37/235C-II,Personnel questions,1982-12-21',
    ]);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.title, r.date]), [
      ['41/209', undefined, '1986-12-11'],
      ['41/209', undefined, '1986-12-11'],
      ['39/236', 'Questions relating to the programme budget for the biennium 1984-1985', '1984-12-18'],
      ['39/236', 'Questions relating to the programme budget for the biennium 1984-1985', '1984-12-18'],
      // One section alone: nothing says its title is the part's.
      ['37/235 C', undefined, '1982-12-21'],
    ]);
  });

  it('a row of the part itself gives its title and date; the rows of its sections add none', () => {
    const catalogue = csv([
      'Resolution,Title,Vote date',
      'A/RES/50/38[B],Individual territories,1995-12-06',
      'A/RES/50/38[B-I],American Samoa,1995-12-06',
      'A/RES/50/38[B-VIII],Pitcairn,1995-12-06',
      'A/RES/944(X)[I-II],The Togoland unification problem,1955-12-15',
      'A/RES/944(X)[I],The future of Togoland under British administration,1955-12-15',
      'A/RES/944(X)[II],The future of Togoland under British administration,1955-12-15',
    ]);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.title, r.date]), [
      ['50/38 B', 'Individual territories', '1995-12-06'],
      ['50/38 B', undefined, undefined],
      ['50/38 B', undefined, undefined],
      ['944 (X)', 'The Togoland unification problem', '1955-12-15'],
      ['944 (X)', undefined, undefined],
      ['944 (X)', undefined, undefined],
    ]);
  });

  it('a final I, V or X is a section where the catalogue lists other sections of the resolution, else a part', () => {
    const catalogue = csv([
      'Resolution,Title,Vote date',
      'A/RES/41/209[V],News service,1986-12-11',
      'A/RES/41/209[IX],Job classification,1986-12-11',
      'A/RES/55/33[V],Implementation of the Convention,2000-11-20',
      'A/RES/55/33[W],Another part,2000-11-20',
      'A/RES/35/217V,Section five,1980-12-17',
      'A/RES/35/217XIII,Section thirteen,1980-12-17',
    ]);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.symbol, r.title]), [
      ['41/209', undefined],
      ['41/209', undefined],
      ['55/33 V', 'Implementation of the Convention'],
      ['55/33 W', 'Another part'],
      ['35/217', undefined],
      ['35/217', undefined],
    ]);
  });

  it('a resolution not numbered yet is skipped, and the problem says why without quoting it', () => {
    const catalogue = csv(['Resolution,Title', 'A/RES/79/XX,Cooperation between the United Nations and a regional organization', 'A/RES/79/1,Numbered']);
    assert.deepStrictEqual(catalogue.rows.map((r) => r.symbol), ['79/1']);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: column 1 (symbol) is a resolution symbol without a number yet; row skipped']]);
  });
});

describe('catalogue: the real General Assembly catalogues load whole', () => {
  it('undl-ga-voting-records.csv: 7,197 of its 7,198 rows; the one skipped is a resolution not numbered yet', () => {
    const catalogue = load('undl-ga-voting-records.csv');
    assert.strictEqual(catalogue.rows.length, 7198 - 1);
    assert.deepStrictEqual(problemsOf(catalogue), [[7199, 'row 7199: column 2 (symbol) is a resolution symbol without a number yet; row skipped']]);
    const first = (symbol: string) => catalogue.rows.find((row) => row.symbol === symbol);
    assert.deepStrictEqual(first('181 A (II)'), { symbol: '181 A (II)', kind: 'resolution', line: 2, title: 'Future government of Palestine', date: '1947-11-29' });
    assert.deepStrictEqual(first('107 (S-1)'), { symbol: '107 (S-1)', kind: 'resolution', line: 43, title: 'Threat of use of force', date: '1947-05-15' });
    assert.deepStrictEqual(first('217 A (III)'), {
      symbol: '217 A (III)', kind: 'resolution', line: 205, title: 'International Bill of Human Rights : Universal Declaration of Human Rights', date: '1948-12-10',
    });
    assert.deepStrictEqual(first('63 (I)'), { symbol: '63 (I)', kind: 'resolution', line: 62, title: 'Approval of Trusteeship Agreements', date: '1946-12-13' });
    assert.strictEqual(catalogue.rows.filter((row) => row.symbol === '63 (I)').length, 8, 'one row per paragraph voted on');
    assert.deepStrictEqual(first('1000 (ES-I)')?.date, '1956-11-05');
    assert.deepStrictEqual(first('ES-10/15')?.date, '2004-07-20');
    assert.deepStrictEqual(first('73/27'), { symbol: '73/27', kind: 'resolution', line: 6664, title: TITLE_73_27, date: '2018-12-05' });
    // Adopted without a vote, so without a voting record.
    assert.strictEqual(first('2625 (XXV)'), undefined);
    // Every resolution or part has its date but 17 (I), whose rules were voted on two days.
    const dated = new Set(catalogue.rows.filter((row) => row.date).map((row) => row.symbol));
    assert.deepStrictEqual([...new Set(catalogue.rows.filter((row) => !dated.has(row.symbol)).map((row) => row.symbol))], ['17 (I)']);
  });

  it('ga-decisions-71-80.csv: all 941 rows, every one a decision', () => {
    const catalogue = load('ga-decisions-71-80.csv');
    assert.deepStrictEqual(problemsOf(catalogue), []);
    assert.strictEqual(catalogue.rows.length, 941);
    assert.ok(catalogue.rows.every((row) => row.kind === 'decision' && /^\d{2}\/\d{3}(?: [A-Z])?$/.test(row.symbol)));
    // "decision 78/528 A", then "decision 78/528 B, C and D".
    assert.deepStrictEqual(catalogue.rows.filter((row) => row.symbol.startsWith('78/528')).map((row) => row.symbol), ['78/528 A', '78/528 B']);
    assert.deepStrictEqual(catalogue.rows[0], {
      symbol: '71/401', kind: 'decision', line: 2, title: 'Appointment of the members of the Credentials Committee', date: '2016-09-13', session: 71,
    });
  });

  it('the fixtures are the development catalogues byte for byte (their sha256 in SOURCES.md)', () => {
    const sources = fixtureText('SOURCES.md');
    for (const name of ['undl-ga-voting-records.csv', 'ga-decisions-71-80.csv']) {
      const digest = createHash('sha256').update(readFileSync(path.join(FIXTURES, name))).digest('hex');
      assert.ok(sources.includes(`| \`${name}\` | \`${digest}\` |`), name);
    }
  });
});

describe('catalogue: read in slices, as the server loads it', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => /\.(?:csv|tsv|jsonl|json|xml)$/.test(name));

  it('every fixture catalogue gives the same rows and problems in slices as at once, named by its extension or sniffed', async () => {
    assert.ok(fixtures.length >= 10, fixtures.join(', '));
    for (const name of fixtures) {
      for (const uri of [`file:///catalogues/${name}`, `file:///catalogues/${name}.txt`]) {
        const text = fixtureText(name);
        const whole = parseCatalogue(text, uri);
        let pauses = 0;
        const sliced = await parseCatalogueInSlices(text, uri, async () => {
          pauses++;
        });
        assert.deepStrictEqual(sliced, whole, uri);
        // A pause between rows at least: no slice reads more than one row.
        assert.ok(pauses >= whole.rows.length, `${uri}: ${pauses} pauses for ${whole.rows.length} rows`);
      }
    }
  });

  it('the shipped voting records pause between rows, and a pause that rejects (a load stopped) stops the reading', async () => {
    const text = fixtureText('undl-ga-voting-records.csv');
    let pauses = 0;
    const stopped = parseCatalogueInSlices(text, 'file:///catalogues/undl-ga-voting-records.csv', async () => {
      if (++pauses === 100) throw new Error('stopped');
    });
    await assert.rejects(stopped, /stopped/);
    assert.strictEqual(pauses, 100);
  });

  it('JSON Lines, a JSON array and MARCXML pause between their objects and records too', async () => {
    for (const name of ['catalogue.jsonl', 'catalogue.json', 'undl-export-A_C.3_78_L.marcxml.xml']) {
      let pauses = 0;
      const read = await parseCatalogueInSlices(fixtureText(name), `file:///catalogues/${name}`, async () => {
        pauses++;
      });
      assert.ok(read.rows.length > 1 && pauses >= read.rows.length, `${name}: ${pauses} pauses for ${read.rows.length} rows`);
    }
  });
});

describe('catalogue: messy rows', () => {
  it('spreadsheet padding (empty fields past the header) is silent', () => {
    const catalogue = csv(['Symbol,Title,Date', 'A/RES/1/1,One,2018-12-22,,,']);
    assert.deepStrictEqual(catalogue.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, title: 'One', date: '2018-12-22' }]);
    assert.deepStrictEqual(problemsOf(catalogue), []);
  });

  it('extra fields: a title split by an unquoted comma is joined again; other extras are left out', () => {
    const catalogue = csv(['Symbol,Date,Title', 'A/RES/1/1,2018-12-22,One,x', 'A/RES/1/2,2018-12-22,Two', 'A/RES/1/3,2018-12-22']);
    assert.deepStrictEqual(catalogue.rows.map((r) => r.title), ['One,x', 'Two', undefined]);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: 4 fields where the header has 3; read the unquoted "," in column 3 (title) as part of the title'], [4, 'row 4: only 2 of 3 columns; column 3 (title) left out']]);
    const noTitle = csv(['Symbol,Date', 'A/RES/1/1,2018-12-22,x,y']);
    assert.deepStrictEqual(noTitle.rows, [{ symbol: '1/1', kind: 'resolution', line: 2, date: '2018-12-22' }]);
    assert.deepStrictEqual(problemsOf(noTitle), [[2, 'row 2: 4 fields where the header has 2; the last 2 left out']]);
  });

  it('a short row without its symbol column is skipped', () => {
    const catalogue = csv(['Title,Date,Symbol', 'Only a title,2018-12-22']);
    assert.deepStrictEqual(catalogue.rows, []);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: only 2 of 3 columns, without column 3 (symbol); row skipped']]);
  });

  it('a quote never closed is read as an ordinary character and does not swallow the rows after it', () => {
    // From there on a quoted field may not span lines, but a quoted field on one line still reads.
    const catalogue = csv(['Symbol,Title,Date', 'A/RES/1/1,"Unclosed title,2018-12-22', 'A/RES/1/2,"Fine, quoted",2018-12-23', 'A/RES/1/3,Plain,2018-12-24']);
    assert.deepStrictEqual(catalogue.rows.map((r) => [r.line, r.symbol, r.title, r.date]), [
      [2, '1/1', '"Unclosed title', '2018-12-22'],
      [3, '1/2', 'Fine, quoted', '2018-12-23'],
      [4, '1/3', 'Plain', '2018-12-24'],
    ]);
    assert.deepStrictEqual(problemsOf(catalogue), [[2, 'row 2: a quote in column 2 (title) is never closed; read as an ordinary character']]);
  });

  it('text after a closing quote is kept', () => {
    const catalogue = csv(['Symbol,Title', 'A/RES/1/1,"Quoted" and not']);
    assert.deepStrictEqual(catalogue.rows[0].title, 'Quoted and not');
  });
});

describe('catalogue: the problem cap', () => {
  it(`at most ${MAX_PROBLEMS_PER_FILE} problems per file, then one "and N more", in file order`, () => {
    const lines = ['Symbol,Date'];
    for (let i = 0; i < 200; i++) lines.push(`junk ${i},2018-12-22`);
    const catalogue = csv(lines);
    assert.strictEqual(catalogue.problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.deepStrictEqual(catalogue.problems.slice(0, MAX_PROBLEMS_PER_FILE).map((p) => p.line), Array.from({ length: MAX_PROBLEMS_PER_FILE }, (_, i) => i + 2));
    assert.deepStrictEqual(catalogue.problems[MAX_PROBLEMS_PER_FILE], { uri: 'file:///catalogues/inline.csv', message: 'and 150 more problems in this file' });
  });

  it('JSON problems found in two passes still come out in line order', () => {
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) lines.push(i % 2 ? '{"symbol": "A/RES/1/1", "date": "never"}' : '{broken');
    const catalogue = parseCatalogue(lines.join('\n'), 'file:///c.jsonl');
    assert.strictEqual(catalogue.rows.length, 60);
    assert.deepStrictEqual(catalogue.problems.slice(0, MAX_PROBLEMS_PER_FILE).map((p) => p.line), Array.from({ length: MAX_PROBLEMS_PER_FILE }, (_, i) => i + 1));
    assert.strictEqual(catalogue.problems[MAX_PROBLEMS_PER_FILE].message, 'and 70 more problems in this file');
  });
});

/** Planted in generated catalogues: no message may repeat it. */
const SECRET = 'S3CR3T';

function checkInvariants(catalogue: Catalogue, text: string, label: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  assert.ok(catalogue.problems.length <= MAX_PROBLEMS_PER_FILE + 1, `${label}: problems capped`);
  for (const row of catalogue.rows) {
    assert.ok(typeof row.symbol === 'string' && row.symbol.length > 0, `${label}: symbol`);
    assert.ok(['resolution', 'decision', 'document'].includes(row.kind), `${label}: kind`);
    assert.ok(Number.isInteger(row.line) && row.line >= 1 && row.line <= lineCount, `${label}: row line ${row.line} of ${lineCount}`);
    for (const date of [row.date, row.adoptionDate]) if (date !== undefined) assert.match(date, /^\d{4}-\d\d-\d\d$/, label);
    if (row.session !== undefined) assert.ok(Number.isInteger(row.session) && row.session >= 1 && row.session < 200, label);
  }
  for (const problem of catalogue.problems) {
    assert.ok(typeof problem.message === 'string' && problem.message.length > 0, `${label}: message`);
    assert.ok(!problem.message.includes(SECRET), `${label}: the message quotes the file: ${problem.message}`);
    if (problem.line !== undefined) assert.ok(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount, `${label}: problem line`);
  }
}

describe('catalogue: garbage never throws', () => {
  const extensions = ['.csv', '.tsv', '.jsonl', '.json', '.txt', ''];
  const alphabet = [',', ';', '\t', '"', '""', '\r', '\n', '\r\n', '{', '}', '[', ']', ':', '\\', ' ', 'A/RES/', '73/266', 'Symbol', 'Title', 'Date', '2018-02-30', '22 December 2018', 'a', 'Z', '7', '\0', '\uFFFD', '\uD800', '\u2028', '\uFEFF', 'é', '😀', 'null', 'true', SECRET];

  it('random text from a hostile alphabet, in every format', () => {
    const next = mulberry32(20240501);
    for (let i = 0; i < 600; i++) {
      let text = '';
      const length = Math.floor(next() * 400);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      const uri = `file:///garbage/${i}${extensions[i % extensions.length]}`;
      const catalogue = parseCatalogue(text, uri);
      checkInvariants(catalogue, text, `${uri}: ${JSON.stringify(text.slice(0, 80))}`);
    }
  });

  it('binary-looking bytes', () => {
    const next = mulberry32(7);
    for (let i = 0; i < 100; i++) {
      let text = '';
      for (let k = 0; k < 2000; k++) text += String.fromCharCode(Math.floor(next() * 256));
      for (const ext of ['.csv', '.jsonl', '.json']) checkInvariants(parseCatalogue(text, `file:///binary${ext}`), text, `binary ${i}${ext}`);
    }
  });

  it('mutations of the fixtures (characters dropped, doubled or swapped)', () => {
    const next = mulberry32(99);
    for (const name of ['messy.csv', 'undl-export.csv', 'catalogue.jsonl', 'catalogue.json', 'catalogue.tsv', 'semicolon.csv']) {
      const original = fixtureText(name);
      for (let i = 0; i < 60; i++) {
        let text = original;
        for (let m = 0; m < 1 + Math.floor(next() * 6); m++) {
          const at = Math.floor(next() * text.length);
          const op = Math.floor(next() * 3);
          if (op === 0) text = text.slice(0, at) + text.slice(at + 1);
          else if (op === 1) text = text.slice(0, at) + text[at] + text.slice(at);
          else text = text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at + 1);
        }
        checkInvariants(parseCatalogue(text, `file:///catalogues/${name}`), text, `${name} mutation ${i}`);
      }
    }
  });

  it('input that is not a string', () => {
    for (const value of [undefined, null, 42, {}]) {
      const catalogue = parseCatalogue(value as unknown as string, undefined as unknown as string);
      assert.deepStrictEqual(catalogue.rows, []);
    }
  });
});

describe('catalogue: messages name rows and columns, never what the file holds', () => {
  it('a file whose first line looks like a password hash: the problem names neither its header nor its values', () => {
    const line = 'root:$6$rNd0mSa1t$S3CR3ThashS3CR3Thash:19700:0:99999:7:::';
    for (const uri of ['file:///etc/shadow', 'file:///c.csv', 'file:///c.jsonl', 'file:///c.json']) {
      const catalogue = parseCatalogue(`${line}\ndaemon:*:19700:0:99999:7:::\n`, uri);
      assert.deepStrictEqual(catalogue.rows, [], uri);
      assert.ok(catalogue.problems.length > 0, uri);
      for (const problem of catalogue.problems) {
        for (const fragment of ['root', '$6$', SECRET, 'daemon', '19700']) assert.ok(!problem.message.includes(fragment), `${uri}: ${problem.message}`);
      }
    }
  });

  it('every kind of CSV problem, with the secret in every header name and value', () => {
    const text = [
      `Symbol (${SECRET}),Title [${SECRET}],Date,Session,Adopted as,Notes ${SECRET}`,
      `A/RES/${SECRET}/1,One,2018-12-22,73,,`,
      `A/RES/1/2,Two,${SECRET} 2018,73,,`,
      `A/RES/1/3,Three,2018-02-30,${SECRET},,`,
      `A/RES/1/4,Four,2018-12-22,73,${SECRET},`,
      `A/RES/1/5,"Five ${SECRET}`,
      `A/RES/1/6,Six, with ${SECRET},2018-12-22,73,,,`,
      `,No symbol ${SECRET}`,
    ].join('\n');
    const catalogue = parseCatalogue(text, 'file:///c.csv');
    assert.ok(catalogue.problems.length >= 6, JSON.stringify(catalogue.problems));
    checkInvariants(catalogue, text, 'csv');
  });

  it('every kind of JSON problem, with the secret in every key and value', () => {
    const lines = [
      `{"symbol": "A/RES/${SECRET}/1"}`,
      `{"symbol": "A/RES/1/2", "date": "${SECRET}"}`,
      `{"symbol": {"${SECRET}": 1}}`,
      `{"symbol": "A/RES/1/4", "file": ["${SECRET}", "x"]}`,
      `{"${SECRET}": "A/RES/1/5"}`,
      `{"symbol": ${SECRET}}`,
      `["${SECRET}"]`,
    ];
    for (const uri of ['file:///c.jsonl', 'file:///c.json']) {
      const catalogue = parseCatalogue(lines.join('\n'), uri);
      assert.ok(catalogue.problems.length >= 6, `${uri}: ${JSON.stringify(catalogue.problems)}`);
      checkInvariants(catalogue, lines.join('\n'), uri);
    }
    const noKeyText = `{"${SECRET}": 1}\n{"id ${SECRET}": 2}\n`;
    const noKey = parseCatalogue(noKeyText, 'file:///c.jsonl');
    assert.strictEqual(noKey.problems.length, 1);
    checkInvariants(noKey, noKeyText, 'no symbol key');
  });
});

describe('catalogue: size', () => {
  it('reads a generated 10,000-row export', () => {
    const lines = ['"Title","Resolution","Vote date","Agenda","Yes","No","Abstentions"'];
    for (let i = 0; i < 10_000; i++) {
      const session = 40 + (i % 40);
      lines.push(`"Title ${i}, with a comma and ""quotes""","A/RES/${session}/${1 + Math.floor(i / 40)}","${1945 + session}-12-${String(1 + (i % 28)).padStart(2, '0')}","Item ${i % 150}","${100 + (i % 80)}","${i % 20}","${i % 30}"`);
    }
    const catalogue = parseCatalogue(lines.join('\r\n') + '\r\n', 'file:///big.csv');
    assert.strictEqual(catalogue.rows.length, 10_000);
    assert.deepStrictEqual(catalogue.problems, []);
    assert.deepStrictEqual(catalogue.rows[9_999], { symbol: '79/250', kind: 'resolution', line: 10_001, title: 'Title 9999, with a comma and "quotes"', date: '2024-12-04' });
  });
});
