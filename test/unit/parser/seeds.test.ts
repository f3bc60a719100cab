// Each seed, read as it comes, parses to the hand counts of corpus/SEEDS.md.
import * as assert from 'assert';
import type { HeaderFieldKind, ResolutionDocument, SubParagraph } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { readSeed, SEEDS } from '../../helpers';

function field(doc: ResolutionDocument, kind: HeaderFieldKind): string | undefined {
  return doc.header?.fields.find((f) => f.kind === kind)?.value;
}

function labels(subs: SubParagraph[]): string[] {
  return subs.map((s) => s.label);
}

describe('seeds: structure by hand counts', () => {
  for (const seed of SEEDS) {
    describe(seed.file, () => {
      const text = readSeed(seed.file);
      const doc = parseResolution(text);

      it('parses without an internal error', () => assert.strictEqual(doc.parseError, undefined));
      it(`is read as ${seed.form} text`, () => assert.strictEqual(doc.form, seed.form));
      it(`has ${seed.preambular} preambular paragraphs`, () => assert.strictEqual(doc.preambular.length, seed.preambular));
      it(`has ${seed.operative} operative paragraphs numbered 1..${seed.operative}`, () => {
        assert.deepStrictEqual(doc.operative.map((p) => p.number), Array.from({ length: seed.operative }, (_, i) => i + 1));
      });
      it('has the sub-paragraphs of the hand count and no others', () => {
        const actual: Record<number, string[]> = {};
        for (const p of doc.operative) if (p.subparagraphs.length) actual[p.number!] = labels(p.subparagraphs);
        assert.deepStrictEqual(actual, seed.subparagraphs);
        for (const p of doc.preambular) assert.strictEqual(p.subparagraphs.length, 0, `PP${p.index} has sub-paragraphs`);
      });
      it('gives every paragraph an opening phrase that starts its text', () => {
        for (const p of [...doc.preambular, ...doc.operative]) {
          assert.ok(p.opening, `${p.kind} ${p.index} has no opening`);
          assert.ok(p.content.text.startsWith(p.opening.text), `${p.kind} ${p.index}: "${p.content.text.slice(0, 30)}"`);
          assert.strictEqual(text.slice(p.opening.start, p.opening.end).replace(/\s+/g, ' '), p.opening.text);
        }
      });
      it('ends every preambular paragraph with a comma and every operative one with ; : or .', () => {
        for (const p of doc.preambular) assert.match(p.content.text, /,$/, `PP${p.index}`);
        for (const p of doc.operative) assert.match(p.content.text, /[;:.]["”]?\.?$/, `OP${p.index}`);
      });
      it('finds the organ line', () => assert.strictEqual(doc.organ?.text, 'The General Assembly,'));
      it('keeps page furniture and footnotes out of paragraph text', () => {
        for (const p of [...doc.preambular, ...doc.operative]) {
          assert.doesNotMatch(p.content.text, /https?:\/\/|_{5,}|\d{2}-\d{5}|A\/C\.1\/73\/L\.27\/Rev\.1 /, `${p.kind} ${p.index}`);
          assert.doesNotMatch(p.content.text, /[¹²³⁴]|<sup>|\^\d/, `${p.kind} ${p.index} keeps a footnote marker`);
        }
      });
    });
  }
});

describe('seeds: header fields', () => {
  const docs = Object.fromEntries(SEEDS.map((s) => [s.file.slice(0, 3), parseResolution(readSeed(s.file))]));

  it('000: merged header line gives session, committee, agenda item and its title', () => {
    const doc = docs['000'];
    assert.strictEqual(field(doc, 'session'), 'Seventy-fourth session');
    assert.strictEqual(doc.header?.session, 74);
    assert.strictEqual(field(doc, 'committee'), 'First Committee');
    assert.strictEqual(field(doc, 'agendaItem'), 'Agenda item 93');
    assert.strictEqual(field(doc, 'agendaTitle'), 'Developments in the field of information and telecommunications in the context of international security');
    assert.strictEqual(field(doc, 'distribution'), 'Distr.: Limited');
    assert.strictEqual(field(doc, 'date'), '1 November 2019');
    assert.match(field(doc, 'sponsors')!, /^Albania, Australia, .* and United States of America$/);
    assert.strictEqual(field(doc, 'documentType'), 'revised draft resolution');
    assert.strictEqual(field(doc, 'title'), 'Advancing responsible State behaviour in cyberspace in the context of international security');
  });

  it('001: session 78 and the programme-of-action title', () => {
    const doc = docs['001'];
    assert.strictEqual(doc.header?.session, 78);
    assert.strictEqual(field(doc, 'agendaItem'), 'Agenda item 94');
    assert.match(field(doc, 'title')!, /^Programme of action to advance responsible State behaviour/);
  });

  it('002 (PDF): symbol, wrapped sponsors and wrapped title', () => {
    const doc = docs['002'];
    assert.strictEqual(field(doc, 'symbol'), 'A/C.1/73/L.27/Rev.1');
    assert.strictEqual(field(doc, 'date'), '29 October 2018');
    assert.strictEqual(doc.header?.session, 73);
    assert.strictEqual(field(doc, 'agendaItem'), 'Agenda item 96');
    const sponsors = field(doc, 'sponsors')!;
    assert.ok(sponsors.startsWith('Algeria, Angola'), sponsors);
    assert.ok(sponsors.endsWith('Venezuela (Bolivarian Republic of) and Zimbabwe'), sponsors);
    assert.ok(sponsors.includes("Democratic People’s Republic of Korea, Democratic Republic of the Congo"), 'a name wrapped across lines is whole');
    assert.strictEqual(field(doc, 'title'), 'Developments in the field of information and telecommunications in the context of international security');
  });

  it('003 (Markdown): fields from headings and bold sponsors', () => {
    const doc = docs['003'];
    assert.strictEqual(doc.header?.session, 75);
    assert.strictEqual(field(doc, 'language'), 'Original: English and Russian');
    assert.match(field(doc, 'sponsors')!, /^Belarus, Burundi/);
    assert.strictEqual(field(doc, 'title'), 'Developments in the field of information and telecommunications in the context of international security');
  });

  it('004 (adopted): own symbol from the title, adoption, report and closing meeting line', () => {
    const doc = docs['004'];
    assert.strictEqual(field(doc, 'symbol'), 'A/RES/73/266');
    assert.strictEqual(field(doc, 'adoption'), 'Resolution adopted by the General Assembly on 22 December 2018');
    assert.strictEqual(field(doc, 'report'), 'on the report of the First Committee (A/73/505)');
    assert.strictEqual(field(doc, 'date'), '2 January 2019');
    assert.strictEqual(field(doc, 'title'), 'Advancing responsible State behaviour in cyberspace in the context of international security');
    assert.strictEqual(doc.closing?.meeting, '65th plenary meeting');
    assert.strictEqual(doc.closing?.date?.iso, '2018-12-22');
    assert.strictEqual(field(doc, 'sponsors'), undefined);
  });
});

describe('seeds: footnotes', () => {
  const expected: Record<string, { labels: string[]; markers: string[] }> = {
    '000': { labels: ['1', '2', '3'], markers: ['1', '2', '3', '1', '2', '3'] },
    '001': { labels: ['1', '2', '3', '4'], markers: ['1', '2', '3', '4'] },
    '002': { labels: ['1', '2', '3', '4', '5'], markers: ['1', '2', '3', '2', '3', '2', '4', '5', '1'] },
    '003': { labels: ['1', '2'], markers: ['1', '2'] },
    '004': { labels: ['1', '2', '3'], markers: ['1', '2', '3', '1', '2', '3'] },
  };
  for (const seed of SEEDS) {
    const key = seed.file.slice(0, 3);
    it(`${key}: footnote bodies and every marker in the text`, () => {
      const doc = parseResolution(readSeed(seed.file));
      assert.deepStrictEqual(doc.footnotes.map((f) => f.label), expected[key].labels);
      assert.deepStrictEqual(doc.markers.map((m) => m.label), expected[key].markers);
    });
  }

  it('002: a footnote body that wraps onto a second line is one footnote', () => {
    const doc = parseResolution(readSeed(SEEDS[2].file));
    const four = doc.footnotes.find((f) => f.label === '4')!;
    assert.strictEqual(
      four.content.text,
      'See Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 53 and corrigendum (A/67/53 and A/67/53/Corr.1), chap. IV, sect. A.',
    );
  });
});
