import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { parseCatalogue } from '../../../server/src/corpus/catalogue';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import type { KnowledgeBaseView } from '../../../server/src/corpus/types';
import type { ParsedDocument } from '../../../server/src/parsedDocument';
import { getHover } from '../../../server/src/services/hover';
import { escapeMarkdown } from '../../../server/src/text';
import { repoRoot, withCursors } from '../../helpers';
import { corpusText, cursorAt, knowledgeBaseOf, parseSeed, parseText, plain, seedKnowledgeBase } from './lookupFixtures';

const TITLE_2625 = 'Declaration on Principles of International Law concerning Friendly Relations and Co-operation among States in accordance with the Charter of the United Nations';

function hoverText(document: ParsedDocument, marked: string, kb: KnowledgeBaseView): { markdown: string; text: string; hover: Hover } {
  const hover = getHover(document, cursorAt(document, marked), kb);
  assert.ok(hover, `a hover at ${marked}`);
  const contents = hover.contents as MarkupContent;
  assert.strictEqual(contents.kind, 'markdown');
  return { markdown: contents.value, text: plain(contents.value), hover };
}

describe('hover', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await seedKnowledgeBase();
  });

  describe('on a citation', () => {
    it('gives 73/266 in seed 000 its title, adoption date, session, corpus text, citing documents and undocs link', () => {
      const doc = parseSeed(0);
      const { markdown, text, hover } = hoverText(doc, '71/28 of 5 December 2016 and 73/2|66 of 22 December 2018', kb);
      assert.match(text, /^\*\*A\/RES\/73\/266\*\* · General Assembly resolution/);
      assert.match(text, /Title:\*\* Advancing responsible State behaviour in cyberspace in the context of international security _\(catalogue\.json row 5; its text\)_/);
      assert.match(text, /Adopted:\*\* 22 December 2018 _\(catalogue\.json row 5; its text; cited with this date in 2 documents\)_/);
      assert.match(text, /Session:\*\* seventy-third session \(73\)/);
      assert.match(text, /Corpus text:\*\* full text$/m);
      // A draft with no symbol of its own is named by the resolution it became, not by its file.
      assert.match(text, /Cited by:\*\* 2 corpus documents: A\/C\.1\/74\/L\.49\/Rev\.1, the draft of A\/RES\/78\/16$/m);
      assert.doesNotMatch(text, /\.txt/, 'no file name where there is a symbol');
      assert.strictEqual(markdown.split('](https://undocs.org/A/RES/73/266)').length, 2, 'one undocs.org link');
      // The range covers the symbol and its date.
      const { start, end } = hover.range!;
      assert.strictEqual(doc.model.text.slice(doc.lines.offsetAt(start), doc.lines.offsetAt(end)), '73/266 of 22 December 2018');
    });

    it('answers on the date attached to the symbol as on the symbol', () => {
      const doc = parseSeed(0);
      const onDate = hoverText(doc, '73/266 of 22 Dece|mber 2018', kb);
      const onSymbol = hoverText(doc, '|73/266 of 22 December 2018', kb);
      assert.strictEqual(onDate.markdown, onSymbol.markdown);
    });

    it('reads 53/70 in the PDF seed 002 with its date and the count of citing documents', () => {
      const { text } = hoverText(parseSeed(2), '1988, 53/|70 of 4 December 1998', kb);
      assert.match(text, /\*\*A\/RES\/53\/70\*\*/);
      assert.match(text, /Adopted:\*\* 4 December 1998 _\(cited with this date in 5 documents\)_/);
      assert.match(text, /Cited by:\*\* 5 corpus documents: /);
      assert.match(text, /Corpus text:\*\* not in the corpus/);
      assert.match(text, /\(https:\/\/undocs\.org\/A\/RES\/53\/70\)/);
    });

    it('follows a citation broken across lines: the date on the next line answers for 43/78 H', () => {
      const doc = parseSeed(2);
      const { text, hover } = hoverText(doc, '43/78 H of 7 December \n\n19|88', kb);
      assert.match(text, /\*\*A\/RES\/43\/78 H\*\*/);
      assert.match(text, /Adopted:\*\* 7 December 1988/);
      assert.ok(hover.range!.end.line > hover.range!.start.line, 'the range spans the line break');
    });

    it('answers for each symbol of a list, and a shared date belongs to the symbol it follows', () => {
      const doc = parseSeed(1);
      assert.match(hoverText(doc, '74/2|8 and 74/29 of 12 December 2019', kb).text, /\*\*A\/RES\/74\/28\*\*[^]*Adopted:\*\* 12 December 2019/);
      assert.match(hoverText(doc, '74/28 and 74/29 of 12 Dec|ember 2019', kb).text, /\*\*A\/RES\/74\/29\*\*/);
    });

    it('says when the corpus holds the draft a resolution was adopted from', () => {
      const { text } = hoverText(parseSeed(1), '74/2|8 and 74/29', kb);
      assert.match(text, /Corpus text:\*\* text of draft A\/C\.1\/74\/L\.49\/Rev\.1, adopted as this resolution$/m);
    });

    it('still shows the symbol, the date written in the draft and the link for a symbol the corpus does not know', () => {
      const doc = parseText('The General Assembly,\n\nRecalling its resolution 45/345 of 3 March 1991,\n');
      const { text, markdown } = hoverText(doc, 'resolution 45/3|45', kb);
      assert.match(text, /\*\*A\/RES\/45\/345\*\*/);
      assert.match(text, /Date written here:\*\* 3 March 1991/);
      assert.match(text, /knows nothing of this symbol/);
      assert.ok(markdown.includes('](https://undocs.org/A/RES/45/345)'));
    });

    it('calls "resolution 5/6" another body\'s: no session of the Assembly numbered its resolutions so', () => {
      const doc = parseText('The General Assembly,\n\nWelcoming resolutions 5/1 and 5/6 of 2 March 2022 of the United Nations Environment Assembly,\n');
      const { text, markdown } = hoverText(doc, 'and 5|/6', kb);
      assert.match(text, /^\*\*resolution 5\/6\*\* · another body's resolution\n\nNo session of the General Assembly numbered its resolutions 5\/6/);
      assert.ok(!markdown.includes('undocs.org/A/RES/5/6'), 'no link to an Assembly resolution that never was');
    });

    it('warns, above the Assembly\'s facts, of a date outside the session the symbol names', () => {
      const doc = parseText('The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2017,\n');
      const { text } = hoverText(doc, 'resolution 73/2|66', kb);
      assert.match(text, /^\*\*A\/RES\/73\/266\*\* · General Assembly resolution\n\n⚠ Dated 22 December 2017, outside the General Assembly's seventy-third session: another body's resolution/);
      assert.match(text, /Adopted:\*\* 22 December 2018/);
      const inSession = hoverText(parseText('The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2018,\n'), 'resolution 73/2|66', kb);
      assert.doesNotMatch(inSession.text, /⚠/);
    });

    it('files a Human Rights Council resolution under its own symbol', () => {
      const doc = parseText('The General Assembly,\n\nRecalling Human Rights Council resolution 20/8 of 5 July 2012,\n');
      const { text, markdown } = hoverText(doc, 'resolution 2|0/8', kb);
      assert.match(text, /\*\*A\/HRC\/RES\/20\/8\*\* · Human Rights Council resolution/);
      assert.match(text, /Adopted:\*\* 5 July 2012 _\(cited with this date in 1 document\)_/);
      assert.ok(markdown.includes('](https://undocs.org/A/HRC/RES/20/8)'));
    });

    it('shows every value of a conflicting fact with its sources', () => {
      const conflict = knowledgeBaseOf([
        { uri: 'file:///catalogues/undl.csv', row: { symbol: '73/27', kind: 'resolution', title: 'Developments in the field of information and telecommunications', date: '2018-12-05', line: 2 } },
        { uri: 'file:///catalogues/mine.csv', row: { symbol: '73/27', kind: 'resolution', date: '2018-12-06', line: 7 } },
      ]);
      const doc = parseText('The General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n');
      const { text } = hoverText(doc, '73/|27', conflict);
      assert.match(text, /Adopted:\*\* ⚠ conflict: the knowledge base holds 2 different dates/);
      assert.match(text, /\n {4}- 5 December 2018 _\(undl\.csv row 2\)_/);
      assert.match(text, /\n {4}- 6 December 2018 _\(mine\.csv row 7\)_/);
      assert.doesNotMatch(text, /Date written here/, 'the written date is one of the known values');
    });
  });

  describe('on a document symbol', () => {
    it('shows what the corpus says of A/70/174: the footnotes that cite it and the passage they annotate', () => {
      const { text, markdown } = hoverText(parseSeed(0), '³ A/70/1|74.', kb);
      assert.match(text, /^\*\*A\/70\/174\*\* · document/);
      assert.match(text, /What the corpus says of it:\*\*/);
      assert.match(text, /A\/C\.1\/73\/L\.27\/Rev\.1, footnote 1: “A\/65\/201, A\/68\/98 and A\/70\/174\.”, on “… Security and the relevant outcome reports transmitted by the Secretary-General,”/);
      assert.match(text, /A\/RES\/73\/266, footnote 3: “A\/70\/174\.”, on “[^”]*2010, 2013 and 2015 reports of the Group of Governmental Experts/);
      assert.doesNotMatch(text, /A\/C\.1\/74\/L\.49\/Rev\.1, footnote 3/, 'the site under the cursor is not listed');
      assert.ok(markdown.includes('](https://undocs.org/A/70/174)'));
    });

    it('shows a document cited in a header field with the field', () => {
      const doc = parseText('The General Assembly,\n\nTaking note of the report A/73/505,\n');
      const { text } = hoverText(doc, 'A/73/5|05', kb);
      assert.match(text, /A\/RES\/73\/266, header: “on the report of the First Committee \(A\/73\/505\)”/);
    });
  });

  describe('on a paragraph reference', () => {
    it('shows operative paragraph 3 of 73/266 for "paragraph 3 of that resolution" in seed 000', () => {
      const { text, markdown } = hoverText(parseSeed(0), 'set out in paragraph 3 of th|at resolution', kb);
      assert.match(text, /^\*\*Paragraph 3 of A\/RES\/73\/266\*\* \(that resolution\) · \*Advancing responsible State behaviour/);
      assert.match(text, /\n> \*\*3\.\*\* \*Requests\* the Secretary-General, with the assistance of a group of governmental experts, /);
      assert.match(text, /to the General Assembly at its seventy-sixth session;\n/);
      assert.match(text, /;\n\n\[Open A\/RES\/73\/266 on undocs\.org\]\(https:\/\/undocs\.org\/A\/RES\/73\/266\)$/);
      assert.doesNotMatch(text, /\.txt/, 'the text is named by its symbol, not its file');
      assert.ok(markdown.includes('Secretary\\-General'), 'the paragraph text is escaped');
    });

    it('shows the paragraph for "paragraph 3 of resolution 73/266" and, on the symbol, the citation too', () => {
      const doc = parseText('The General Assembly,\n\nRecalling paragraphs 3 and 5 of resolution 73/266,\n');
      const onWord = hoverText(doc, 'para|graphs 3 and 5', kb).text;
      assert.match(onWord, /^\*\*Paragraphs 3, 5 of A\/RES\/73\/266\*\*/);
      assert.match(onWord, /> \*\*3\.\*\* \*Requests\* the Secretary-General/);
      assert.match(onWord, /> \*\*5\.\*\* \*Requests\* the Chair of the group of governmental experts/);
      const onSymbol = hoverText(doc, 'resolution 73/2|66', kb).text;
      assert.match(onSymbol, /^\*\*Paragraphs 3, 5 of A\/RES\/73\/266\*\*[^]*\n---\n\n\*\*A\/RES\/73\/266\*\* · General Assembly resolution/);
      assert.strictEqual(onSymbol.split('Open A/RES/73/266 on undocs.org').length, 2, 'the undocs.org link once, in the citation part');
    });

    it('names every paragraph of a range "paragraphs 2 to 4"', () => {
      const doc = parseText('The General Assembly,\n\nRecalling paragraphs 2 to 4 of resolution 73/266,\n');
      const { text } = hoverText(doc, 'paragraphs 2 t|o 4', kb);
      assert.match(text, /^\*\*Paragraphs 2, 3, 4 of A\/RES\/73\/266\*\*/);
      assert.match(text, /> \*\*2\.\*\* \*Invites\*[^]*> \*\*\(a\)\*\* Efforts taken at the national level[^]*> \*\*3\.\*\* \*Requests\*[^]*> \*\*4\.\*\* \*Requests\* the Office for Disarmament Affairs/);
    });

    it('says when the text is the draft the resolution was adopted from', () => {
      const doc = parseText('The General Assembly,\n\nRecalling paragraph 5 of resolution 73/27,\n');
      const { text } = hoverText(doc, 'paragraph |5', kb);
      assert.match(text, /From the text of draft A\/C\.1\/73\/L\.27\/Rev\.1, adopted as this resolution; the adopted text may differ\./);
      assert.match(text, /> \*\*5\.\*\* \*Decides\* to convene, beginning in 2019/);
    });

    it('says plainly when the corpus has no text of the cited resolution, or no such paragraph', () => {
      const doc = parseText('The General Assembly,\n\nRecalling paragraph 2 of resolution 70/237 and paragraph 9 of resolution 73/266,\n');
      assert.match(hoverText(doc, 'paragraph |2', kb).text, /The corpus has no text of A\/RES\/70\/237\./);
      assert.match(hoverText(doc, 'paragraph |9', kb).text, /A\/RES\/73\/266 has no paragraph 9 \(it has 6 operative paragraphs\)\./);
    });

    it('shows operative paragraph 3 of seed 002 for "paragraph 3 above"', () => {
      const { text } = hoverText(parseSeed(2), 'mentioned in paragraph 3 ab|ove', kb);
      assert.match(text, /^\*\*Paragraph 3 above\*\* · in this text\n\n> \*\*3\.\*\* \*Considers\* that the purpose of such measures could be served through further examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;$/);
    });

    it('finds "paragraph 2 (b)", "paragraph 5 below" and a bare "subparagraph (b)" in the draft', () => {
      const doc = parseText(
        [
          'The General Assembly,',
          '',
          '1. Decides to act as set out in paragraph 2 (b) and paragraph 3 below;',
          '',
          '2. Requests the Secretary-General:',
          '',
          '(a) To report, taking into account subparagraph (b);',
          '',
          '(b) To consult Member States;',
          '',
          '3. Decides to remain seized of the matter.',
        ].join('\n'),
      );
      assert.match(hoverText(doc, 'paragraph 2 (|b)', kb).text, /^\*\*Paragraph 2 \(b\)\*\* · in this text\n\n> \*\*\(b\)\*\* To consult Member States;$/);
      assert.match(hoverText(doc, 'paragraph |3 below', kb).text, /> \*\*3\.\*\* \*Decides\* to remain seized of the matter\.$/);
      assert.match(hoverText(doc, 'subparagraph (|b)', kb).text, /^\*\*Subparagraph \(b\)\*\* · in this text\n\n> \*\*\(b\)\*\* To consult Member States;$/);
    });
  });

  describe('on a footnote marker', () => {
    it('shows the footnote of marker 1 in seed 001', () => {
      const { text, markdown } = hoverText(parseSeed(1), 'the first |¹ and second²', kb);
      assert.match(text, /^\*\*Footnote 1\*\*\n\nSee A\/77\/275\./);
      assert.ok(markdown.includes('](https://undocs.org/A/77/275)'));
      assert.match(hoverText(parseSeed(1), 'first ¹ and second|²', kb).text, /See A\/78\/265\./);
    });

    it('finds the footnote of a glued marker in the PDF seed', () => {
      assert.match(hoverText(parseSeed(2), 'International Security,|1 to continue', kb).text, /^\*\*Footnote 1\*\*\n\nA\/65\/201, A\/68\/98 and A\/70\/174\./);
    });
  });

  it('answers null where there is nothing to tell', () => {
    const doc = parseSeed(0);
    assert.strictEqual(getHover(doc, cursorAt(doc, 'Noting that consider|able progress'), kb), null);
    assert.strictEqual(getHover(doc, cursorAt(doc, 'Noting|'), kb, { isCancellationRequested: true }), null);
  });

  describe('security', () => {
    const evil = '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> *bold* https://evil.example/ `code` &amp; # heading';

    function hostileKnowledgeBase(): KnowledgeBase {
      const hostile = `The General Assembly,\n\n1. Decides ${evil};\n\n2. Requests nothing;\n`;
      const parsed = parseText(hostile, 'file:///corpus/hostile.txt');
      return knowledgeBaseOf(
        [{ uri: 'file:///corpus/[x](command:evil).csv', row: { symbol: '99/1', kind: 'resolution', title: evil, date: '2020-01-01', line: 3 } }],
        [corpusText(parsed, { symbol: '99/1' })],
      );
    }

    /** Checks the Markdown and returns the HTML a permissive CommonMark renderer makes of it. */
    function assertInert(markdown: string): string {
      // Every link in the Markdown is one the server built.
      for (const match of markdown.matchAll(/\]\(/g)) {
        assert.ok(markdown.startsWith('](https://undocs.org/', match.index), `only undocs.org links: ${markdown.slice(match.index - 40, match.index + 40)}`);
      }
      assert.doesNotMatch(markdown, /(?<!\\)</, 'no raw <');
      for (const line of markdown.split('\n')) assert.doesNotMatch(line.replace(/^>/, ''), /(?<!\\)>/, `no raw > but the block quote's: ${line}`);
      assert.doesNotMatch(markdown, /command:/, 'no command URI');
      assert.ok(!markdown.includes('*bold*'), 'no emphasis from the text');
      assert.ok(!markdown.includes('https://evil'), 'no autolink');
      // Rendered with HTML and autolinks on (the most permissive reading a client could make).
      // markdown-it ships no type declarations: required with the one method used.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const MarkdownIt = require('markdown-it') as new (options: object) => { render(text: string): string };
      const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
      assert.doesNotMatch(html, /<img|<[^>]*onerror|<code>|<h1/, html);
      assert.doesNotMatch(html, /<em>bold<\/em>/, html);
      for (const match of html.matchAll(/<a href="([^"]*)"/g)) assert.ok(match[1].startsWith('https://undocs.org/'), `link to ${match[1]}`);
      return html;
    }

    it('escapes every Markdown-significant character', () => {
      assert.strictEqual(escapeMarkdown('\\`*_{}[]()#+-.!|<>~&:@'), '\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\#\\+\\-\\.\\!\\|\\<\\>\\~\\&\\:\\@');
      assert.strictEqual(escapeMarkdown('line one\n\n# two\n    three'), 'line one \\# two three', 'no block can start');
    });

    it('keeps hostile corpus titles and paragraphs inert in a citation hover and a paragraph hover', () => {
      const hostile = hostileKnowledgeBase();
      const doc = parseText('The General Assembly,\n\nRecalling paragraph 1 of resolution 99/1 of 1 January 2020,\n');
      const html = assertInert(hoverText(doc, 'resolution 99|/1', hostile).markdown);
      assert.ok(html.includes('[x](command:workbench.action.quit) &lt;img src=x onerror=alert(1)&gt; *bold* https://evil.example/ `code` &amp;amp; # heading'), `the title is shown as text: ${html}`);
      assertInert(hoverText(doc, 'para|graph 1', hostile).markdown);
    });

    it('keeps hostile draft text inert in a footnote hover and a self reference', () => {
      const { text, cursors } = withCursors(`The General Assembly,\n\n1. Decides ${evil};\n\n2. Recalls paragraph |1 above and the report,|¹\n\n¹ ${evil}\n`);
      const doc = parseText(text);
      for (const cursor of cursors) {
        const hover = getHover(doc, doc.lines.positionAt(cursor), hostileKnowledgeBase());
        assert.ok(hover);
        assertInert((hover.contents as MarkupContent).value);
      }
    });
  });
});

describe('hover: the General Assembly voting records as a catalogue', () => {
  const catalogueUri = 'file:///catalogues/undl-ga-voting-records.csv';
  let kb: KnowledgeBase;
  before(() => {
    const fixture = path.join(repoRoot, 'test/fixtures/catalogues/undl-ga-voting-records.csv');
    const rows = parseCatalogue(readFileSync(fixture, 'utf8'), catalogueUri).rows.map((row) => ({ uri: catalogueUri, row }));
    // 2625 (XXV) was adopted without a vote, so the voting records lack it: a row of another
    // catalogue, in the library's spelling, stands in for it.
    const extraUri = 'file:///catalogues/extra.csv';
    const extra = parseCatalogue(`Resolution,Title,Date\nA/RES/2625(XXV),${TITLE_2625},1970-10-24\n`, extraUri).rows.map((row) => ({ uri: extraUri, row }));
    kb = knowledgeBaseOf([...rows, ...extra]);
  });

  const draft = () =>
    parseText(
      'The General Assembly,\n\nRecalling its resolutions 217 A (III) of 10 December 1948, 2625 (XXV) of 24 October 1970, 107 (S-1) and 73/27 of 5 December 2018,\n\n' +
        '1. Decides to remain seized of the matter.\n',
    );

  it('217 A (III): title, adoption date from its row, session, the undocs.org address of the resolution', () => {
    const { markdown, text } = hoverText(draft(), '217 A (I|II)', kb);
    assert.match(text, /^\*\*resolution 217 A \(III\)\*\* · General Assembly resolution/);
    assert.match(text, /Title:\*\* International Bill of Human Rights : Universal Declaration of Human Rights _\(undl-ga-voting-records\.csv row 205\)_/);
    assert.match(text, /Adopted:\*\* 10 December 1948 _\(undl-ga-voting-records\.csv row 205\)_/);
    assert.match(text, /Session:\*\* third session \(3\)/);
    assert.ok(markdown.includes('](https://undocs.org/A/RES/217%28III%29)'), markdown);
  });

  it('2625 (XXV) cited as the UN writes it finds the row written A/RES/2625(XXV)', () => {
    const { text } = hoverText(draft(), '2625 (X|XV)', kb);
    assert.match(text, /^\*\*resolution 2625 \(XXV\)\*\*/);
    assert.ok(text.includes(`Title:** ${TITLE_2625} _(extra.csv row 2)_`), text);
    assert.match(text, /Adopted:\*\* 24 October 1970 _\(extra\.csv row 2\)_/);
  });

  it('107 (S-1) and 73/27', () => {
    assert.match(hoverText(draft(), '107 (S|-1)', kb).text, /Title:\*\* Threat of use of force _\(undl-ga-voting-records\.csv row 43\)_\n- \*\*Adopted:\*\* 15 May 1947/);
    const { text } = hoverText(draft(), '73/2|7 of', kb);
    assert.match(text, /Title:\*\* Developments in the field of information and telecommunications in the context of international security _\(undl-ga-voting-records\.csv row 6664\)_/);
    assert.match(text, /Adopted:\*\* 5 December 2018/);
  });
});
