import * as assert from 'assert';
import { agreedDocument, AgreedIndex, buildAgreedIndex, buildAgreedIndexAsync, NEAREST_THRESHOLD } from '../../../server/src/agreed/index';
import { stripMarkers, tokenize } from '../../../server/src/agreed/normalise';
import type { AgreedCorpusDocument, AgreedParagraph, ParagraphMatch } from '../../../server/src/agreed/types';
import { loadCorpus } from '../../../server/src/corpus/corpusLoader';
import { agreedDocuments } from '../../../server/src/knowledge';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import type { ResolutionDocument } from '../../../server/src/parser/model';
import { readSeed, SEEDS, seedCorpusDir, seedCorpusUri } from '../../helpers';
import { deeplyNestedModel } from '../deepModel';

const seedUri = (i: number) => seedCorpusUri(SEEDS[i].file);
const seedOf = (uri: string) => SEEDS.findIndex((_, i) => uri === seedUri(i));
const where = (p: AgreedParagraph) => p.sources.map((s) => `${seedOf(s.uri)} ${s.label}`);
const HUMAN_RIGHTS = 'Underlining the importance of respect for human rights and fundamental freedoms in the use of information and communications technologies,';

describe('agreed language index over the seeds', () => {
  let documents: AgreedCorpusDocument[];
  let models: (ResolutionDocument & { uri: string })[];
  let index: AgreedIndex;
  before(async () => {
    const loaded = (await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] })).documents;
    documents = [...agreedDocuments(loaded)];
    models = loaded.map(({ document }) => ({ ...document.parsed()!.model, uri: document.uri }));
    index = buildAgreedIndex(documents);
  });

  const paragraphOf = (seed: number, label: string): string => {
    const model = models.find((d) => d.uri === seedUri(seed))!;
    const [top, sub] = label.split(' ');
    const list = top.startsWith('PP') ? model.preambular : model.operative;
    const paragraph = list[Number(top.slice(2)) - 1];
    return sub ? paragraph.subparagraphs.find((s) => s.label === sub)!.content.text : paragraph.content.text;
  };

  it('counts documents and deduplicates identical wordings', () => {
    assert.strictEqual(index.documentCount, 5);
    const sources = models.reduce((n, d) => n + d.preambular.length + d.operative.length, 0);
    assert.ok(index.paragraphCount < sources, `${index.paragraphCount} wordings for ${sources} paragraphs and more sub-paragraphs`);
    const first = index.paragraph(0);
    assert.match(first.text, /^Noting that considerable progress has been achieved/);
    assert.strictEqual(first.documentCount, 5);
    assert.strictEqual(first.sources.length, 5);
  });

  describe('searchParagraphs', () => {
    it('"Underlining the importance of respect" in a preamble: the human-rights paragraph of 000, 003 and 004, then 002’s ICT wording', () => {
      const matches = index.searchParagraphs('Underlining the importance of respect', { kind: 'preambular', limit: 10 });
      assert.ok(matches.length >= 2);
      const [shared, ict] = matches;
      assert.strictEqual(shared.match, 'prefix');
      assert.strictEqual(shared.paragraph.text, HUMAN_RIGHTS);
      assert.strictEqual(shared.paragraph.kind, 'preambular');
      assert.strictEqual(shared.paragraph.opening, 'Underlining');
      assert.strictEqual(shared.paragraph.documentCount, 3);
      assert.deepStrictEqual(where(shared.paragraph), ['0 PP9', '3 PP13', '4 PP9']);
      assert.deepStrictEqual(shared.paragraph.sources.map((s) => s.symbol), ['A/RES/74/28', 'A/RES/75/240', 'A/RES/73/266']);
      assert.strictEqual(shared.paragraph.boilerplate, false);
      assert.strictEqual(ict.match, 'prefix');
      assert.strictEqual(ict.paragraph.text, 'Underlining the importance of respect for human rights and fundamental freedoms in the use of ICTs,');
      assert.deepStrictEqual(where(ict.paragraph), ['2 PP14']);
      assert.strictEqual(ict.paragraph.sources[0].symbol, 'A/RES/73/27');
      // 001's longer wording follows, and nothing else begins with these words.
      assert.deepStrictEqual(matches.slice(2).map((m) => where(m.paragraph)), [['1 PP7']]);
      assert.ok(shared.score > ict.score);
    });

    it('source offsets cover the paragraph’s own text in each seed', () => {
      const [shared] = index.searchParagraphs('Underlining the importance of respect', { kind: 'preambular', limit: 1 });
      for (const source of shared.paragraph.sources) {
        const raw = readSeed(SEEDS[seedOf(source.uri)].file).slice(source.start, source.end);
        assert.deepStrictEqual(tokenize(stripMarkers(raw)).words, tokenize(HUMAN_RIGHTS).words, source.label);
      }
    });

    it('completes the last word as a prefix', () => {
      const matches = index.searchParagraphs('Underlining the importance of resp', { kind: 'preambular', limit: 10 });
      assert.strictEqual(matches[0].paragraph.text, HUMAN_RIGHTS);
      assert.strictEqual(matches.length, 3);
      assert.deepStrictEqual(index.searchParagraphs('Underlining the importance of resx', { kind: 'preambular', limit: 10 }), []);
      const one = index.searchParagraphs('Underl', { kind: 'preambular', limit: 10 });
      assert.ok(one.length >= 5 && one.every((m) => m.match === 'prefix' && /^Underlining/.test(m.paragraph.text)));
    });

    it('offers paragraphs that begin with the words before those that contain them, each by documentCount then length', () => {
      const matches = index.searchParagraphs('welcoming the', { kind: 'preambular', limit: 20 });
      const kinds = matches.map((m) => m.match);
      assert.ok(kinds.includes('prefix') && kinds.includes('contains'), kinds.join());
      assert.strictEqual(kinds.indexOf('contains'), kinds.lastIndexOf('prefix') + 1);
      for (const m of matches) {
        assert.match(m.paragraph.text.slice(m.at), /^welcoming the/i);
        if (m.match === 'prefix') assert.strictEqual(m.at, 0);
        else assert.ok(m.at > 0);
      }
      for (const group of ['prefix', 'contains']) {
        const list = matches.filter((m) => m.match === group).map((m) => m.paragraph);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          assert.ok(a.documentCount > b.documentCount || (a.documentCount === b.documentCount && a.text.length <= b.text.length), `${a.text} before ${b.text}`);
        }
      }
    });

    it('filters by kind and respects the limit', () => {
      assert.deepStrictEqual(index.searchParagraphs('Underlining the importance of respect', { kind: 'operative', limit: 10 }), []);
      assert.strictEqual(index.searchParagraphs('the ', { limit: 4 }).length, 4);
      const subs = index.searchParagraphs('Efforts taken', { kind: 'subparagraph', limit: 5 });
      assert.strictEqual(subs[0].paragraph.kind, 'subparagraph');
      assert.deepStrictEqual(where(subs[0].paragraph), ['0 OP2 (a)', '2 OP4 (b)', '4 OP2 (a)']);
      assert.strictEqual(index.searchParagraphs('States should', { kind: 'subparagraph', limit: 20 }).filter((m) => m.paragraph.sources[0].label.startsWith('OP1 1.')).length > 5, true);
    });

    it('finds the paragraphs that begin with a word used more often than there are paragraphs, in rank order', () => {
      const stats = index.stats();
      assert.ok(index.indexData.postOff[index.indexData.vocab.idOf('the')! + 1] - index.indexData.postOff[index.indexData.vocab.idOf('the')!] > stats.paragraphs);
      const ids = Array.from({ length: index.paragraphCount }, (_, id) => id);
      const first = index.paragraph(ids.find((id) => /^The \w+ /.test(index.paragraph(id).text))!);
      const second = first.text.split(' ')[1];
      const cases: [string, AgreedParagraph['kind'] | undefined][] = [['The ', undefined], ['The ', first.kind], [`the ${second.slice(0, 3)}`, undefined], [`THE ${second} `, first.kind]];
      for (const [typed, kind] of cases) {
        const words = typed.trim().toLowerCase().split(' ');
        const begins = (text: string) => {
          const read = text.toLowerCase().split(/\s+/);
          return words.every((word, i) => (i === words.length - 1 && !typed.endsWith(' ') ? read[i]?.startsWith(word) : read[i]?.replace(/[,;:.]$/, '') === word));
        };
        const expected: number[] = [];
        for (let id = 0; id < index.paragraphCount && expected.length < 20; id++) {
          const paragraph = index.paragraph(id);
          if ((kind === undefined || paragraph.kind === kind) && begins(paragraph.text)) expected.push(id);
        }
        assert.ok(expected.length > 0, typed);
        const found = index.searchParagraphs(typed, { kind, limit: 20 }).filter((m) => m.match === 'prefix');
        assert.deepStrictEqual(found.map((m) => m.paragraph.id), expected, typed);
      }
    });

    it('tolerates case, quotes, split words and line breaks in what is typed', () => {
      const typed = 'UNDERLINING the importance\nof respect for human rights and fundamental freedoms in the use o f information';
      assert.strictEqual(index.searchParagraphs(typed, { kind: 'preambular', limit: 1 })[0]?.paragraph.text, HUMAN_RIGHTS);
      const quoted = index.searchParagraphs('the item entitled "Developments in the field', { kind: 'operative', limit: 10 });
      assert.ok(quoted.some((m) => m.paragraph.text.includes('“Developments')), 'straight quotes find curly ones');
      assert.ok(quoted.some((m) => m.paragraph.text.includes('"Developments')));
    });

    it('returns nothing for empty input, a zero limit or an unknown word', () => {
      assert.deepStrictEqual(index.searchParagraphs('', { limit: 10 }), []);
      assert.deepStrictEqual(index.searchParagraphs('  ', { limit: 10 }), []);
      assert.deepStrictEqual(index.searchParagraphs('Underlining', { limit: 0 }), []);
      assert.deepStrictEqual(index.searchParagraphs('Underlining the xyzzy ', { limit: 10 }), []);
    });
  });

  describe('continuations', () => {
    it('"an open, secure, stable, accessible and" goes on "peaceful information and communications technology environment"', () => {
      const continuations = index.continuations('an open, secure, stable, accessible and', 5);
      assert.strictEqual(continuations[0].text, 'peaceful information and communications technology environment');
      assert.strictEqual(continuations[0].count, 4); // 000 PP12, 004 PP12, 003 PP18, 001 PP9
      assert.match(continuations[0].example.text, /accessible and peaceful information and communications technology environment/);
      const ict = continuations.find((c) => c.text === 'peaceful ICT environment');
      assert.ok(ict, continuations.map((c) => c.text).join(' | '));
      assert.strictEqual(ict.count, 1);
      assert.deepStrictEqual(where(ict.example), ['2 PP17']);
    });

    it('starts with the corpus punctuation unless the typed words end with it', () => {
      assert.strictEqual(index.continuations('promoting an open', 1)[0].text, ', secure, stable, accessible and peaceful information and communications technology environment');
      assert.strictEqual(index.continuations('promoting an open,', 1)[0].text, 'secure, stable, accessible and peaceful information and communications technology environment');
    });

    it('stops at a clause end or after twelve words, and backs off to fewer last words', () => {
      const [first] = index.continuations('something quite unknown; Charter of the United', 3);
      assert.ok(first, 'the last two words are enough');
      assert.match(first.text, /^Nations/);
      for (const c of index.continuations('in the use of', 10)) assert.ok(c.text.split(/\s+/).length <= 12, c.text);
      assert.deepStrictEqual(index.continuations('xyzzy plugh', 5), []);
      assert.deepStrictEqual(index.continuations('and', 5), []);
    });
  });

  describe('openings', () => {
    it('lists the opening phrases of each part, most used first', () => {
      const preambular = index.openings('preambular');
      const operative = index.openings('operative');
      assert.deepStrictEqual(preambular[0], { phrase: 'Noting', count: 14 });
      assert.ok(preambular.some((o) => o.phrase === 'Expressing concern'));
      assert.ok(preambular.some((o) => o.phrase === 'Underlining'));
      assert.deepStrictEqual(operative[0], { phrase: 'Decides', count: 6 });
      assert.ok(operative.some((o) => o.phrase === 'Also decides') && operative.some((o) => o.phrase === 'Further decides'));
      for (const list of [preambular, operative]) for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].count >= list[i].count);
      const withOpening = models.reduce((n, d) => n + d.preambular.filter((p) => p.opening).length, 0);
      assert.strictEqual(preambular.reduce((n, o) => n + o.count, 0), withOpening);
    });
  });

  describe('nearest', () => {
    it('finds an unedited seed paragraph identical', () => {
      const text = paragraphOf(4, 'PP12');
      const nearest = index.nearest(text, 'preambular')!;
      assert.strictEqual(nearest.identical, true);
      assert.strictEqual(nearest.similarity, 1);
      assert.ok(where(nearest.paragraph).includes('4 PP12'));
    });

    it('finds the source of an edited seed paragraph, not identical', () => {
      const text = paragraphOf(4, 'PP12').replace('is applicable and essential', 'is relevant and essential').replace('over time,', 'over time;');
      const nearest = index.nearest(text, 'preambular')!;
      assert.ok(nearest);
      assert.strictEqual(nearest.identical, false);
      assert.ok(nearest.similarity < 1 && nearest.similarity > 0.95, String(nearest.similarity));
      assert.ok(where(nearest.paragraph).includes('4 PP12'), where(nearest.paragraph).join());
      assert.strictEqual(nearest.paragraph.documentCount, 3);
    });

    it('tells a paragraph that lost a clause from its source', () => {
      const nearest = index.nearest('Underlining the importance of respect for human rights in the use of information and communications technologies,', 'preambular')!;
      assert.strictEqual(nearest.paragraph.text, HUMAN_RIGHTS);
      assert.ok(nearest.similarity >= NEAREST_THRESHOLD && nearest.similarity < 1);
    });

    it('a punctuation difference is a difference; the final punctuation and case are not', () => {
      const noComma = index.nearest(paragraphOf(0, 'PP15').replace('while States', 'while, States'), 'preambular')!;
      assert.strictEqual(noComma.identical, false);
      assert.ok(noComma.similarity > 0.97);
      const final = index.nearest(HUMAN_RIGHTS.replace(/,$/, ';').toUpperCase());
      assert.strictEqual(final?.identical, true);
      assert.strictEqual(final.paragraph.text, HUMAN_RIGHTS);
    });

    it('repairs extraction artifacts: "o f", "consul tative", a lost hyphen', () => {
      const area = index.nearest('Noting that providing assistance, upon request, to build capacity in the area of ICT security is essential for international security,', 'preambular')!;
      assert.strictEqual(area.identical, true);
      assert.match(area.paragraph.text, /area o f ICT/);
      const op5 = paragraphOf(2, 'OP5');
      assert.match(op5, /consul tative/);
      assert.strictEqual(index.nearest(op5.replace('consul tative', 'consultative'), 'operative')?.identical, true);
      const pp13 = paragraphOf(1, 'PP13');
      assert.match(pp13, /consensusdriven/);
      assert.strictEqual(index.nearest(pp13.replace('consensusdriven', 'consensus-driven'), 'preambular')?.identical, true);
    });

    it('keeps "ICTs" and "information and communications technologies" apart', () => {
      const nearest = index.nearest('Underlining the importance of respect for human rights and fundamental freedoms in the use of ICTs,', 'preambular')!;
      assert.strictEqual(nearest.identical, true);
      assert.deepStrictEqual(where(nearest.paragraph), ['2 PP14']);
    });

    it('says nothing for an unrelated paragraph, or below the threshold', () => {
      assert.strictEqual(index.nearest('Decides to establish a trust fund for the rehabilitation of coral reefs in small island developing States;', 'operative'), undefined);
      assert.strictEqual(index.nearest(''), undefined);
    });

    it('takes another threshold as an option', () => {
      const shorter = 'Underlining the importance of respect for human rights and fundamental freedoms,';
      const found = index.nearest(shorter, 'preambular');
      assert.ok(found && found.similarity < 0.9, String(found?.similarity));
      assert.strictEqual(buildAgreedIndex(documents, { nearestThreshold: 0.9 }).nearest(shorter, 'preambular'), undefined);
    });

    it('respects the kind', () => {
      assert.strictEqual(index.nearest(HUMAN_RIGHTS, 'operative')?.identical ?? false, false);
    });
  });

  describe('boilerplate', () => {
    it('flags the provisional-agenda paragraph, whatever its ordinal, opening adverb or item', () => {
      const agenda = (ordinal: string) => `Decides to include in the provisional agenda of its ${ordinal} session the item entitled “Developments in the field of information and telecommunications in the context of international security”.`;
      const seventyFifth = index.nearest(agenda('seventy-fifth'), 'operative')!;
      assert.strictEqual(seventyFifth.identical, true);
      assert.strictEqual(seventyFifth.paragraph.boilerplate, true);
      const eightieth = index.nearest(agenda('eightieth'), 'operative')!;
      assert.strictEqual(eightieth.identical, false);
      assert.strictEqual(eightieth.paragraph.boilerplate, true);
      const agendaWordings = index.searchParagraphs('include in the provisional agenda', { kind: 'operative', limit: 10 });
      assert.strictEqual(agendaWordings.length, 5);
      assert.ok(agendaWordings.every((m) => m.paragraph.boilerplate), 'Decides, Also decides, Further decides');
    });

    it('flags the "Recalling its resolutions …" list of every seed, whatever its length', () => {
      const lists = index.searchParagraphs('Recalling its resolutions', { kind: 'preambular', limit: 10 });
      assert.strictEqual(lists.length, 5);
      assert.ok(lists.every((m) => m.paragraph.boilerplate));
    });

    it('does not flag agreed language that many seeds share word for word', () => {
      assert.strictEqual(index.paragraph(0).boilerplate, false);
      assert.strictEqual(index.searchParagraphs(HUMAN_RIGHTS, { limit: 1 })[0].paragraph.boilerplate, false);
    });
  });

  describe('documents', () => {
    const parsed = (uri: string, text: string, facts: { symbol?: string; adoptedAs?: string }) =>
      agreedDocument(ParsedDocument.parse({ uri, version: 0, getText: () => text }), facts);
    const text = (pp: string) => `The General Assembly,\n\n${pp},\n\n1. Decides to remain seized of the matter.\n`;

    it('counts a draft and the resolution it was adopted as once, and shows the resolution', () => {
      const small = buildAgreedIndex([
        parsed('file:///draft.txt', text('Recalling its resolution 73/27'), { symbol: 'A/C.1/74/L.49/Rev.1', adoptedAs: '74/28' }),
        parsed('file:///adopted.txt', text('Recalling its resolution 73/27'), { symbol: '74/28' }),
        parsed('file:///other.txt', text('Recalling its resolution 73/27'), {}),
      ]);
      const [match] = small.searchParagraphs('Recalling its', { limit: 5 });
      assert.strictEqual(match.paragraph.sources.length, 3);
      assert.strictEqual(match.paragraph.documentCount, 2);
      assert.deepStrictEqual(match.paragraph.sources.map((s) => s.symbol), ['A/RES/74/28', 'A/RES/74/28', undefined]);
      assert.strictEqual(small.documentCount, 3);
    });
  });

  describe('buildAgreedIndexAsync', () => {
    it('never runs inside the caller: a callback scheduled before it runs first', async () => {
      const order: string[] = [];
      setImmediate(() => order.push('callback'));
      await buildAgreedIndexAsync(documents).then(() => order.push('built'));
      assert.deepStrictEqual(order, ['callback', 'built']);
    });

    it('yields to the event loop while it builds', async () => {
      let ranBeforeEnd = false;
      let finished = false;
      setImmediate(() => {
        ranBeforeEnd = !finished;
      });
      const built = buildAgreedIndexAsync(documents, { yieldEveryMs: 0 });
      let turns = 0;
      const tick = (): void => {
        if (!finished) {
          turns++;
          setImmediate(tick);
        }
      };
      setImmediate(tick);
      await built;
      finished = true;
      assert.strictEqual(ranBeforeEnd, true);
      assert.ok(turns > 5, `the loop turned ${turns} times during the build`);
    });

    it('gives the same results as the synchronous build', async () => {
      const async = await buildAgreedIndexAsync(documents, { yieldEveryMs: 1 });
      assert.strictEqual(async.paragraphCount, index.paragraphCount);
      assert.strictEqual(async.documentCount, index.documentCount);
      const summary = (m: ParagraphMatch[]) => m.map((x) => [x.match, x.at, x.score, x.paragraph]);
      for (const typed of ['Underlining the importance of resp', 'welcoming the', 'Recalling', 'the item entitled']) {
        assert.deepStrictEqual(summary(async.searchParagraphs(typed, { limit: 20 })), summary(index.searchParagraphs(typed, { limit: 20 })), typed);
      }
      assert.deepStrictEqual(async.continuations('an open, secure, stable, accessible and', 5), index.continuations('an open, secure, stable, accessible and', 5));
      assert.deepStrictEqual(async.openings('operative'), index.openings('operative'));
      for (let id = 0; id < index.paragraphCount; id++) assert.deepStrictEqual(async.paragraph(id), index.paragraph(id));
      const edited = paragraphOf(4, 'PP12').replace('applicable', 'relevant');
      assert.deepStrictEqual(async.nearest(edited), index.nearest(edited));
    });

    it('stops when cancelled', async () => {
      const controller = new AbortController();
      const built = buildAgreedIndexAsync(documents, { yieldEveryMs: 0, signal: controller.signal });
      controller.abort();
      await assert.rejects(built, { name: 'AbortError' });
      const token = { isCancellationRequested: true };
      await assert.rejects(buildAgreedIndexAsync(documents, { token }), { name: 'AbortError' });
    });

    it('builds an empty index from no documents', async () => {
      const empty = await buildAgreedIndexAsync([]);
      assert.strictEqual(empty.paragraphCount, 0);
      assert.deepStrictEqual(empty.searchParagraphs('Recalling', { limit: 5 }), []);
      assert.deepStrictEqual(empty.continuations('an open, secure', 5), []);
      assert.deepStrictEqual(empty.openings('preambular'), []);
      assert.strictEqual(empty.nearest(HUMAN_RIGHTS), undefined);
    });
  });
});

describe('agreed language index: deep nesting', () => {
  it('a corpus text nested 20,000 levels deep is indexed level by level, each named by its own decimal label', function () {
    this.timeout(60_000);
    const depth = 20_000;
    const parsed = new ParsedDocument('file:///corpus/deep.txt', 1, deeplyNestedModel(depth, { label: '1.1' }));
    const index = buildAgreedIndex([agreedDocument(parsed)]);
    assert.strictEqual(index.paragraphCount, depth + 1);
    const [match] = index.searchParagraphs(`Level ${depth}`, { limit: 1 });
    assert.deepStrictEqual(match.paragraph.sources.map((s) => s.label), ['OP1 1.1']);
  });
});
