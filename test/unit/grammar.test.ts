// The TextMate grammar (syntaxes/unres.tmLanguage.json) and the language configuration
// (language-configuration.json), checked on the seed texts in corpus/ as they are on disk.
//
// Fixture convention: a case names a seed, a line (the first line of that seed containing the
// `line` text, or the nth such line with `nth`), a token text inside that line (its first
// occurrence, or the one at `at` occurrences further on) and the scope that token must carry.
// A scope written as `string.other.citation.unres` also accepts sub-scopes such as
// `string.other.citation.resolution.unres`. Unless `loose` is set, the first scope listed must
// cover exactly that text: the characters just before and after it must not carry it (further
// scopes, such as markup.italic around Markdown asterisks, need only cover the token).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

function findRoot(): string {
  // out/test/unit/grammar.test.js -> repository root; fall back to the working directory.
  const candidates = [path.resolve(__dirname, '../../..'), process.cwd()];
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'syntaxes', 'unres.tmLanguage.json'))) return dir;
  }
  throw new Error(`grammar not found from ${candidates.join(' or ')}`);
}

const ROOT = findRoot();
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'unres.tmLanguage.json');
const LANGUAGE_CONFIGURATION_PATH = path.join(ROOT, 'language-configuration.json');
const CORPUS = path.join(ROOT, 'corpus');

const PREAMBULAR = 'keyword.other.opening-phrase.preambular.unres';
const OPERATIVE = 'keyword.other.opening-phrase.operative.unres';
const ITALIC = 'markup.italic.unres';
const NUMBER = 'constant.numeric.paragraph-number.unres';
const LABEL = 'constant.numeric.paragraph-number.label.unres';
const CITATION = 'string.other.citation.unres';
const DATE = 'constant.other.date.unres';
const MARKER = 'entity.name.tag.footnote-marker.unres';
const FOOTNOTE = 'comment.line.footnote.unres';
const HEADER = 'entity.name.section.header.unres';
const HEADER_FIELD = 'keyword.other.header-field.unres';
const HEADING = 'markup.heading.unres';
const FURNITURE = 'comment.line.page-furniture.unres';

interface TokenizedLine {
  text: string;
  tokens: vsctm.IToken[];
  /** Depth of the rule stack after the line: 1 means no rule is left open. */
  depth: number;
}

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  await oniguruma.loadWASM(fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.unres' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const loaded = await registry.loadGrammar('text.unres');
  if (!loaded) throw new Error('text.unres did not load');
  return loaded;
}

function tokenize(text: string): TokenizedLine[] {
  const result: TokenizedLine[] = [];
  let state: vsctm.StateStack = vsctm.INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    result.push({ text: line, tokens: r.tokens, depth: state.depth });
  }
  return result;
}

function scopesAt(line: TokenizedLine, offset: number): string[] {
  const token = line.tokens.find((t) => t.startIndex <= offset && offset < t.endIndex);
  return token ? token.scopes : [];
}

/** `expected` itself, or a sub-scope of it (`a.b.unres` accepts `a.b.c.unres`). */
function hasScope(scopes: string[], expected: string): boolean {
  const stem = expected.replace(/\.unres$/, '.');
  return scopes.some((s) => s === expected || (s.startsWith(stem) && s.endsWith('.unres')));
}

const seeds = new Map<string, string>();
const tokenized = new Map<string, TokenizedLine[]>();

function seed(id: string): TokenizedLine[] {
  let lines = tokenized.get(id);
  if (!lines) {
    const text = seeds.get(id);
    if (text === undefined) throw new Error(`no seed ${id} in corpus/`);
    lines = tokenize(text);
    tokenized.set(id, lines);
  }
  return lines;
}

interface Case {
  line: string;
  token: string;
  scope: string | string[];
  /** Which line containing `line` (0 = the first). */
  nth?: number;
  /** Which occurrence of `token` in that line (0 = the first). */
  at?: number;
  /** Only require the scope inside the token, not its exact extent. */
  loose?: boolean;
  /** Scopes the token must not carry. */
  not?: string[];
}

function check(lines: TokenizedLine[], c: Case): void {
  const matching = lines.filter((l) => l.text.includes(c.line));
  const line = matching[c.nth ?? 0];
  assert.ok(line, `no line containing ${JSON.stringify(c.line)} (nth ${c.nth ?? 0})`);
  let start = -1;
  for (let i = 0; i <= (c.at ?? 0); i++) start = line.text.indexOf(c.token, start + 1);
  assert.ok(start >= 0, `no ${JSON.stringify(c.token)} in ${JSON.stringify(line.text.slice(0, 80))}`);
  const end = start + c.token.length;
  const dump = () =>
    line.tokens
      .filter((t) => t.endIndex > start - 3 && t.startIndex < end + 3)
      .map((t) => `${JSON.stringify(line.text.slice(t.startIndex, t.endIndex))} ${t.scopes.slice(1).join(' ')}`)
      .join('\n    ');
  const expected = Array.isArray(c.scope) ? c.scope : [c.scope];
  for (const scope of expected) {
    for (let i = start; i < end; i++) {
      assert.ok(hasScope(scopesAt(line, i), scope), `${JSON.stringify(c.token)}: offset ${i - start} lacks ${scope}\n    ${dump()}`);
    }
    if (!c.loose && scope === expected[0]) {
      if (start > 0) assert.ok(!hasScope(scopesAt(line, start - 1), scope), `${scope} starts before ${JSON.stringify(c.token)}\n    ${dump()}`);
      if (end < line.text.length) assert.ok(!hasScope(scopesAt(line, end), scope), `${scope} runs past ${JSON.stringify(c.token)}\n    ${dump()}`);
    }
  }
  for (const scope of c.not ?? []) {
    for (let i = start; i < end; i++) {
      assert.ok(!hasScope(scopesAt(line, i), scope), `${JSON.stringify(c.token)}: offset ${i - start} has ${scope}\n    ${dump()}`);
    }
  }
}

function describeCases(name: string, lines: () => TokenizedLine[], cases: Case[]): void {
  describe(name, () => {
    for (const c of cases) {
      const scopes = (Array.isArray(c.scope) ? c.scope : [c.scope]).join(' + ');
      const nots = (c.not ?? []).join(', ');
      const what = [scopes && `is ${scopes}`, nots && `is not ${nots}`].filter(Boolean).join(' and ');
      it(`${JSON.stringify(c.token)} in "${c.line.slice(0, 40)}" ${what}`, () => check(lines(), c));
    }
  });
}

const OPENING_PRE = [PREAMBULAR, ITALIC];
const OPENING_OP = [OPERATIVE, ITALIC];

describe('grammar: syntaxes/unres.tmLanguage.json', function () {
  this.timeout(20_000);

  before(async () => {
    grammar = await loadGrammar();
    for (const file of fs.readdirSync(CORPUS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
      seeds.set(file.slice(0, 3), fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    }
  });

  describe('contribution', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

    it('is the grammar package.json contributes for language unres', () => {
      assert.equal(raw.scopeName, 'text.unres');
      const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'unres');
      assert.equal(contributed.scopeName, 'text.unres');
      assert.equal(path.resolve(ROOT, contributed.path), GRAMMAR_PATH);
      const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'unres');
      assert.equal(path.resolve(ROOT, language.configuration), LANGUAGE_CONFIGURATION_PATH);
    });

    it('suffixes every scope name with .unres', () => {
      const names: string[] = [];
      const walk = (node: unknown, key = ''): void => {
        if (Array.isArray(node)) node.forEach((n) => walk(n));
        else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
        else if ((key === 'name' || key === 'contentName') && typeof node === 'string') names.push(...node.split(/\s+/));
      };
      walk(raw.repository);
      walk(raw.patterns);
      assert.ok(names.length > 20);
      for (const name of names) assert.match(name, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.unres$/, name);
    });

    it('uses every scope that package.json maps a semantic token type to', () => {
      const text = JSON.stringify(raw);
      for (const rule of pkg.contributes.semanticTokenScopes) {
        for (const scopes of Object.values(rule.scopes) as string[][]) {
          for (const scope of scopes) {
            const stem = scope.replace(/\.unres$/, '');
            assert.ok(new RegExp(`"[^"]*\\b${stem.replace(/\./g, '\\.')}(\\.[a-z0-9-]+)*\\.unres\\b`).test(text), scope);
          }
        }
      }
    });
  });

  describeCases('seed 000 (plain text)', () => seed('000'), [
    { line: 'Distr.: Limited', token: 'Distr.:', scope: HEADER_FIELD },
    { line: 'Distr.: Limited', token: 'Limited', scope: HEADER },
    { line: 'Distr.: Limited', token: '1 November 2019', scope: DATE },
    { line: 'Original: English', token: 'English', scope: HEADER },
    { line: 'Seventy-fourth session', token: 'Seventy-fourth session', scope: HEADER },
    { line: 'Seventy-fourth session', token: 'First Committee', scope: HEADER },
    { line: 'Seventy-fourth session', token: 'Agenda item', scope: HEADER_FIELD },
    { line: 'Seventy-fourth session', token: '93', scope: HEADER },
    { line: ': revised draft resolution', token: 'revised draft resolution', scope: HEADER_FIELD },
    { line: ': revised draft resolution', token: 'Albania', scope: HEADER, loose: true },
    { line: 'Advancing responsible State behaviour in cyberspace', token: 'Advancing', scope: HEADER, loose: true, not: [PREAMBULAR] },
    { line: 'The General Assembly,', token: 'The General Assembly,', scope: HEADER },
    { line: 'Recalling its resolutions', token: 'Recalling', scope: OPENING_PRE },
    { line: 'Recalling its resolutions', token: 'its', scope: [], not: [PREAMBULAR, ITALIC, CITATION] },
    { line: 'Recalling its resolutions', token: '53/70', scope: CITATION },
    { line: 'Recalling its resolutions', token: '4 December 1998', scope: DATE },
    { line: 'Recalling its resolutions', token: '73/266', scope: CITATION },
    { line: 'Recalling its resolutions', token: '72/512', scope: CITATION },
    { line: 'Expressing concern that', token: 'Expressing concern', scope: OPENING_PRE },
    { line: 'Confirming also the conclusions', token: 'Confirming also', scope: OPENING_PRE },
    { line: 'Confirming further the conclusions', token: 'Confirming further', scope: OPENING_PRE },
    { line: 'Welcoming the effective work', token: '¹', scope: MARKER },
    { line: 'Welcoming the effective work', token: '²', scope: MARKER },
    { line: 'Welcoming the effective work', token: '³', scope: MARKER },
    { line: 'Welcoming the effective work', token: 'Secretary-General', scope: [], not: [CITATION, MARKER] },
    { line: '1. Calls upon Member States:', token: '1.', scope: NUMBER },
    { line: '1. Calls upon Member States:', token: 'Calls upon', scope: OPENING_OP },
    { line: '(a) To be guided', token: '(a)', scope: LABEL },
    { line: '(a) To be guided', token: '^2', scope: MARKER },
    { line: '(a) To be guided', token: '^3', scope: MARKER },
    { line: '¹ A/65/201.', token: '¹', scope: MARKER },
    { line: '¹ A/65/201.', token: 'A/65/201', scope: [CITATION, FOOTNOTE] },
    { line: '³ A/70/174.', token: 'A/70/174', scope: CITATION },
    { line: '2. *Invites* all', token: '2.', scope: NUMBER },
    { line: '2. *Invites* all', token: 'Invites', scope: OPENING_OP },
    { line: '2. *Invites* all', token: '*', scope: ITALIC, loose: true, not: [OPERATIVE] },
    { line: '4. *Also welcomes*', token: 'Also welcomes', scope: OPENING_OP },
    { line: 'pursuant to resolution 73/266', token: '73/266', scope: CITATION },
    { line: '5. *Decides*', token: 'Decides', scope: OPENING_OP },
  ]);

  describeCases('seed 001 (plain text)', () => seed('001'), [
    { line: 'Recalling its resolutions 43/78 H', token: '43/78 H', scope: CITATION },
    { line: 'Recalling its resolutions 43/78 H', token: '7 December 1988', scope: DATE },
    { line: 'Recalling its resolutions 43/78 H', token: '74/28', scope: CITATION },
    { line: 'Expressing concern also about', token: 'Expressing concern also', scope: OPENING_PRE },
    { line: 'Calling upon Member States', token: 'Calling upon', scope: OPENING_PRE },
    { line: 'Calling upon Member States', token: '¹', scope: MARKER },
    { line: '¹ See A/77/275.', token: 'See', scope: FOOTNOTE, loose: true },
    { line: '¹ See A/77/275.', token: 'A/77/275', scope: CITATION },
    { line: 'Highlighting the conclusions', token: '77/37', scope: CITATION },
    { line: 'Highlighting the conclusions', token: '⁴', scope: MARKER },
    { line: '1. Welcomes the report', token: 'Welcomes', scope: OPENING_OP },
    { line: '3. *Encourages* States', token: 'Encourages', scope: OPENING_OP },
    { line: '(c) Facilitate inclusive dialogue', token: '(c)', scope: LABEL },
    { line: '5. *Also decides*', token: 'Also decides', scope: OPENING_OP },
    { line: 'Programme of action to advance', token: 'Programme', scope: HEADER, loose: true, not: [PREAMBULAR] },
  ]);

  describeCases('seed 002 (text extracted from PDF)', () => seed('002'), [
    { line: 'United Nations  A/C.1/73/L.27/Rev.1', token: 'United Nations', scope: HEADER },
    { line: 'United Nations  A/C.1/73/L.27/Rev.1', token: 'A/C.1/73/L.27/Rev.1', scope: CITATION },
    { line: 'General Assembly  Distr.: Limited', token: 'Distr.:', scope: HEADER_FIELD },
    { line: 'Original: English and Russian', token: 'English and Russian', scope: HEADER },
    { line: '18-17859 (E)', token: '18-17859 (E)   301018', scope: FURNITURE, loose: true },
    { line: '*1817859*', token: '*1817859*', scope: FURNITURE, loose: true },
    { line: 'Agenda item 96', token: '96', scope: HEADER },
    { line: 'Zimbabwe: revised draft resolution', token: 'revised draft resolution', scope: HEADER_FIELD },
    { line: ' The General Assembly,', token: 'The General Assembly,', scope: HEADER },
    { line: ' Recalling its resolutions 36/103', token: 'Recalling', scope: OPENING_PRE },
    { line: ' Recalling its resolutions 36/103', token: '36/103', scope: CITATION },
    { line: ' Recalling its resolutions 36/103', token: '43/78 H', scope: CITATION },
    { line: '23 December 2015 and 71/28', token: '71/28', scope: CITATION },
    { line: 'https://undocs.org/A/RES/36/103', token: 'https://undocs.org/A/RES/36/103', scope: FURNITURE, not: [CITATION] },
    { line: 'A/C.1/73/L.27/Rev.1', nth: 1, token: 'A/C.1/73/L.27/Rev.1', scope: FURNITURE, loose: true, not: [CITATION] },
    { line: '18-17859 2/5', token: '2/5', scope: FURNITURE, loose: true, not: [CITATION] },
    { line: '3/5 18-17859', token: '3/5', scope: FURNITURE, loose: true, not: [CITATION] },
    { line: ' Expressing concern that a number', token: 'Expressing concern', scope: OPENING_PRE },
    { line: ' Welcoming also that', token: 'Welcoming also', scope: OPENING_PRE },
    { line: '__________________', token: '__________________', scope: MARKER },
    { line: ' 1  A/65/201, A/68/98 and A/70/174.', token: '1', scope: MARKER },
    { line: ' 1  A/65/201, A/68/98 and A/70/174.', token: 'A/68/98', scope: [CITATION, FOOTNOTE] },
    { line: ' 1. Welcomes the following set', token: '1.', scope: NUMBER },
    { line: ' 1. Welcomes the following set', token: 'Welcomes', scope: OPENING_OP },
    { line: '  1.1. Consistent with', token: '1.1.', scope: LABEL },
    { line: ' 1.13. States should encourage', token: '1.13.', scope: LABEL },
    { line: ' 1.5. States, in ensuring', token: '1.5.', scope: LABEL },
    { line: 'Council resolutions 20/8 of 5 July', token: '20/8', scope: CITATION },
    { line: 'Council resolutions 20/8 of 5 July', token: '5 July 2012', scope: DATE },
    { line: 'Council resolutions 20/8 of 5 July', token: '26/13', scope: CITATION },
    { line: 'corrigendum (A/67/53 and A/67/53/Corr.1)', token: 'A/67/53/Corr.1', scope: CITATION },
    { line: ' (a) General appreciation', token: '(a)', scope: LABEL },
    { line: ' (d) Possible measures', token: '(d)', scope: LABEL },
    { line: ' 7. Further decides', token: 'Further decides', scope: OPENING_OP },
  ]);

  describeCases('seed 003 (Markdown)', () => seed('003'), [
    { line: '# General Assembly', token: '# General Assembly', scope: HEADING },
    { line: '## Seventy-fifth session', token: 'Seventy-fifth session', scope: [HEADER, HEADING] },
    { line: '### First Committee', token: 'First Committee', scope: HEADER },
    { line: '---', token: '---', scope: 'comment.line.separator.unres' },
    { line: 'Zimbabwe: revised draft resolution**', token: 'revised draft resolution', scope: HEADER_FIELD },
    { line: '*The General Assembly,*', token: 'The General Assembly,', scope: HEADER },
    { line: '*Recalling* its resolutions', token: 'Recalling', scope: OPENING_PRE },
    { line: '*Recalling* its resolutions', token: '[73/27](#)', scope: 'meta.link.citation.unres', loose: true },
    { line: '*Recalling* its resolutions', token: '73/27', scope: CITATION },
    { line: '*Recalling* its resolutions', token: '36/103', scope: CITATION },
    { line: '*Recalling* its resolutions', token: '9 December 1981', scope: DATE },
    { line: 'pursuant to General Assembly resolution [73/27](#)', token: '73/27', scope: CITATION },
    { line: '*Expressing concern* that a number', token: 'Expressing concern', scope: OPENING_PRE },
    { line: 'in its 2015 report,<sup>1</sup>', token: '<sup>1</sup>', scope: MARKER },
    { line: '<sup>1</sup> [A/70/174](#).', token: '<sup>1</sup>', scope: MARKER },
    { line: '<sup>1</sup> [A/70/174](#).', token: 'A/70/174', scope: [CITATION, FOOTNOTE] },
    { line: 'in its 2013<sup>2</sup>', token: '<sup>2</sup>', scope: MARKER },
    { line: '*Confirming also*', token: 'Confirming also', scope: OPENING_PRE },
    { line: '1. *Decides* to convene', token: '1.', scope: NUMBER },
    { line: '1. *Decides* to convene', token: 'Decides', scope: OPENING_OP },
    { line: '3. *Further decides*', token: 'Further decides', scope: OPENING_OP },
  ]);

  describeCases('seed 004 (plain text with some Markdown)', () => seed('004'), [
    { line: 'General Assembly', token: 'General Assembly', scope: HEADER },
    { line: 'Distr.: General', token: 'General', scope: HEADER },
    { line: '2 January 2019', token: '2 January 2019', scope: DATE },
    { line: 'Resolution adopted by the General Assembly', token: 'Resolution adopted by the General Assembly', scope: HEADER },
    { line: '[on the report of the First Committee', token: 'A/73/505', scope: CITATION },
    { line: '73/266. Advancing responsible', token: '73/266', scope: CITATION },
    { line: '73/266. Advancing responsible', token: 'Advancing', scope: HEADER, loose: true, not: [PREAMBULAR] },
    { line: 'Recalling its resolutions 53/70', token: 'Recalling', scope: OPENING_PRE },
    { line: 'Recalling its resolutions 53/70', token: '71/28', scope: CITATION },
    { line: '1. *Calls upon* Member States:', token: 'Calls upon', scope: OPENING_OP },
    { line: '- (a) To be guided', token: '(a)', scope: LABEL },
    { line: '- (a) To be guided', token: '-', scope: 'punctuation.definition.list.begin.unres' },
    { line: '- (a) To be guided', token: '¹', scope: MARKER },
    { line: '(b) To support', token: '(b)', scope: LABEL },
    { line: '3. *Requests* the Secretary-General', token: 'Requests', scope: OPENING_OP },
    { line: '65th plenary meeting', token: '65th plenary meeting', scope: HEADER },
    { line: '22 December 2018', nth: 0, token: '22 December 2018', scope: DATE },
  ]);

  describeCases(
    'forms beyond the seeds',
    () =>
      tokenize(
        [
          'Recalling its resolutions ES-11/1 of 2 March 2022, 2625 (XXV) of 24 October 1970 and 3314 (XXIX), and its decision 72/512,',
          'Recalling further Security Council resolution S/RES/2240 (2015), A/RES/73/266 and documents A/AC.292/2025/INF/5/Rev.1 and A/67/53/Corr.1,',
          'Noting with concern the report,',
          'Deeply concerned by',
          'Bearing in mind that',
          'Having considered the report',
          'Taking note of the report',
          'Mindful that',
          'Convinced that',
          'Aware of the',
          'Alarmed by',
          'Welcoming also the',
          '  _Reaffirming_ that',
          'Nothing in this resolution',
          ' 12. Once again calls upon States',
          '3. Takes note of the report',
          '4. Expresses its appreciation to',
          '5. *Strongly condemns* all',
          '(ii) the second',
          'Text<sup>3</sup> and ^4.',
        ].join('\n'),
      ),
    [
      { line: 'ES-11/1', token: 'ES-11/1', scope: CITATION },
      { line: 'ES-11/1', token: '2 March 2022', scope: DATE },
      { line: 'ES-11/1', token: '2625 (XXV)', scope: CITATION },
      { line: 'ES-11/1', token: '3314 (XXIX)', scope: CITATION },
      { line: 'ES-11/1', token: '72/512', scope: CITATION },
      { line: 'S/RES/2240', token: 'S/RES/2240 (2015)', scope: CITATION },
      { line: 'S/RES/2240', token: 'A/RES/73/266', scope: CITATION },
      { line: 'S/RES/2240', token: 'A/AC.292/2025/INF/5/Rev.1', scope: CITATION },
      { line: 'S/RES/2240', token: 'A/67/53/Corr.1', scope: CITATION },
      { line: 'S/RES/2240', token: 'Recalling further', scope: OPENING_PRE },
      { line: 'Noting with concern', token: 'Noting with concern', scope: OPENING_PRE },
      { line: 'Deeply concerned', token: 'Deeply concerned', scope: OPENING_PRE },
      { line: 'Bearing in mind', token: 'Bearing in mind', scope: OPENING_PRE },
      { line: 'Having considered', token: 'Having considered', scope: OPENING_PRE },
      { line: 'Taking note of', token: 'Taking note of', scope: OPENING_PRE },
      { line: 'Mindful', token: 'Mindful', scope: OPENING_PRE },
      { line: 'Convinced', token: 'Convinced', scope: OPENING_PRE },
      { line: 'Aware of', token: 'Aware', scope: OPENING_PRE },
      { line: 'Alarmed', token: 'Alarmed', scope: OPENING_PRE },
      { line: 'Welcoming also', token: 'Welcoming also', scope: OPENING_PRE },
      { line: '_Reaffirming_', token: 'Reaffirming', scope: OPENING_PRE },
      { line: 'Nothing in this', token: 'Nothing', scope: [], not: [PREAMBULAR] },
      { line: '12. Once again', token: '12.', scope: NUMBER },
      { line: '12. Once again', token: 'Once again calls upon', scope: OPENING_OP },
      { line: 'Takes note of', token: 'Takes note of', scope: OPENING_OP },
      { line: 'Expresses its appreciation', token: 'Expresses its appreciation', scope: OPENING_OP },
      { line: 'Strongly condemns', token: 'Strongly condemns', scope: OPENING_OP },
      { line: '(ii) the second', token: '(ii)', scope: LABEL },
      { line: 'Text<sup>3</sup>', token: '<sup>3</sup>', scope: MARKER },
      { line: 'Text<sup>3</sup>', token: '^4', scope: MARKER },
    ],
  );

  describe('paragraph counts agree with corpus/SEEDS.md', () => {
    // [preambular, operative, sub-paragraph labels] as counted by hand in SEEDS.md
    const expected: Record<string, [number, number, number]> = {
      '000': [15, 5, 4],
      '001': [21, 5, 3],
      '002': [21, 7, 17],
      '003': [22, 5, 0],
      '004': [15, 6, 4],
    };
    const linesWith = (lines: TokenizedLine[], scope: string) =>
      lines.filter((l) => l.tokens.some((t) => t.scopes.includes(scope))).length;
    for (const [id, [pp, op, labels]] of Object.entries(expected)) {
      it(`seed ${id}: ${pp} preambular and ${op} operative opening phrases, ${op} numbers, ${labels} labels`, () => {
        const lines = seed(id);
        assert.equal(linesWith(lines, PREAMBULAR), pp, 'preambular opening phrases');
        assert.equal(linesWith(lines, OPERATIVE), op, 'operative opening phrases');
        assert.equal(linesWith(lines, NUMBER), op, 'operative paragraph numbers');
        assert.equal(linesWith(lines, LABEL), labels, 'sub-paragraph labels');
      });
    }
  });

  describe('robustness', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      it(`seed ${id}: no rule stays open past the next non-blank line`, () => {
        const lines = seed(id);
        let openSince = -1;
        lines.forEach((line, i) => {
          if (line.depth === 1) openSince = -1;
          else if (openSince < 0) openSince = i;
          else if (line.text.trim() !== '') assert.fail(`rule opened on line ${openSince + 1} still open after line ${i + 1}`);
        });
        assert.equal(lines[lines.length - 1].depth, 1);
      });
    }

    it('does not backtrack catastrophically on long hostile lines', () => {
      const hostile = [
        'A/'.repeat(5000),
        '1/'.repeat(5000) + 'x',
        '*'.repeat(10000),
        '* a'.repeat(3000),
        '['.repeat(5000) + ']('.repeat(2000),
        '<sup>'.repeat(3000),
        'Noting also also'.repeat(1000),
        ' 1. Also also also' + ' also'.repeat(3000),
        'Albania, '.repeat(1500) + ':' + ' revised'.repeat(1000),
        ':'.repeat(10000) + ' draft resolution x',
        'A/C.1/73/L.27'.repeat(1000) + '/',
        'A/C.1/'.repeat(2000),
        '**a '.repeat(3000),
        '43/78 H '.repeat(1500),
        '[73/27](#) of 1 December '.repeat(500),
        '73/266 of 22 December'.repeat(800),
        '_'.repeat(4000) + 'x' + '_'.repeat(4000),
        '# '.repeat(5000),
        '(a'.repeat(5000),
        '¹'.repeat(10000),
      ];
      // A catastrophic backtrack would never finish: the suite's timeout catches it.
      for (const line of hostile) {
        const lines = tokenize(line);
        assert.ok(lines[0].tokens[lines[0].tokens.length - 1].endIndex >= line.length, 'tokens do not cover the line');
      }
    });

    it('closes an unfinished construct at the end of its line', () => {
      const lines = tokenize(['*Recalling its [73/27](', '<sup>1', '**bold', '[on the report of the First Committee', '(a) next'].join('\n'));
      for (const line of lines) assert.equal(line.depth, 1, JSON.stringify(line.text));
      check(lines, { line: '(a) next', token: '(a)', scope: LABEL });
    });
  });
});

describe('grammar: drafts under negotiation', function () {
  this.timeout(20_000);
  const INSERTED = 'constant.numeric.paragraph-number.inserted.unres';
  const BRACKET = 'punctuation.definition.bracket.negotiation.unres';
  const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'negotiation', name), 'utf8');
  let bis: TokenizedLine[];
  let brackets: TokenizedLine[];
  let compilation: TokenizedLine[];
  before(async () => {
    grammar ??= await loadGrammar();
    bis = tokenize(fixture('bis.unres'));
    brackets = tokenize(fixture('brackets.unres'));
    compilation = tokenize(fixture('compilation.unres'));
  });

  it('colours "2 bis." and "(a) bis" as inserted numbers and labels', () => {
    check(bis, { line: '2 bis. Also requests', token: '2 bis.', scope: INSERTED });
    check(bis, { line: '2 ter. Invites', token: '2 ter.', scope: INSERTED });
    check(bis, { line: '(a) bis Through', token: '(a) bis', scope: LABEL });
    check(bis, { line: '3. Encourages', token: '3.', scope: NUMBER, not: [INSERTED] });
  });

  it('colours compilation names, status notes and attributions', () => {
    check(compilation, { line: 'PP2 bis [Recognizing', token: 'PP2 bis', scope: INSERTED });
    check(compilation, { line: 'OP1 Welcomes', token: 'OP1', scope: INSERTED });
    check(compilation, { line: 'OP1 Welcomes', token: '(Agreed ad ref)', scope: 'comment.other.negotiation-status.unres' });
    check(compilation, { line: 'OP2 bis [Encourages', token: "(Facilitator's proposal)", scope: 'comment.other.negotiation-status.unres' });
    check(compilation, { line: 'PP2 bis [Recognizing', token: 'US', scope: 'entity.name.tag.attribution.unres' });
  });

  it('colours brackets, nested or not, and the alternatives they hold', () => {
    check(brackets, { line: '[Deeply concerned', token: '[', scope: BRACKET });
    check(brackets, { line: '[Deeply concerned', token: '[', at: 1, scope: BRACKET });
    check(brackets, { line: '1. Welcomes', token: 'Alt 1', scope: 'keyword.other.alternative.unres' });
    check(brackets, { line: '2. [Requests', token: 'G77 and China', scope: 'entity.name.tag.attribution.unres' });
    for (const line of [...bis, ...brackets, ...compilation]) assert.equal(line.depth, 1, JSON.stringify(line.text));
  });

  it('leaves Markdown links and footnote markers as they were', () => {
    const lines = tokenize('Recalling [A/78/1](https://undocs.org/A/78/1) and its report,[^1]');
    check(lines, { line: 'Recalling', token: '[A/78/1]', scope: 'meta.link.citation.unres', loose: true, not: [BRACKET] });
    check(lines, { line: 'Recalling', token: '[^1]', scope: MARKER, not: [BRACKET] });
  });
});

describe('language-configuration.json', () => {
  const config = JSON.parse(fs.readFileSync(LANGUAGE_CONFIGURATION_PATH, 'utf8'));

  it('keeps symbols and hyphenated words together as one word', () => {
    const re = new RegExp(config.wordPattern, 'g');
    const text =
      'Recalling resolutions 73/266, A/RES/73/266 and ES-11/1 and document A/C.1/73/L.27/Rev.1; the Secretary-General’s confidence-building measures.';
    const words: string[] = text.match(re) ?? [];
    for (const w of ['73/266', 'A/RES/73/266', 'ES-11/1', 'A/C.1/73/L.27/Rev.1', 'confidence-building', 'Recalling', 'measures']) {
      assert.ok(words.includes(w), `${w} not a word in ${JSON.stringify(words)}`);
    }
    assert.ok(words.some((w) => w.startsWith('Secretary-General')), JSON.stringify(words));
    assert.ok(!words.some((w) => /[.,;]$/.test(w)), 'trailing punctuation joined to a word');
  });

  it('does not join footnote markers or punctuation to words', () => {
    const re = new RegExp(config.wordPattern, 'g');
    assert.deepEqual('2010,¹ 2013² and (2015)'.match(re), ['2010', '2013', 'and', '2015']);
  });

  it('never matches an empty string', () => {
    assert.ok(!new RegExp(config.wordPattern).test(''));
    assert.ok(!new RegExp(config.wordPattern).test(' .,;:()[]“”‘’'));
  });

  it('pairs round and square brackets and straight and curly quotes', () => {
    const pairs = (list: Array<{ open: string; close: string } | [string, string]>) =>
      list.map((p) => (Array.isArray(p) ? p.join('') : p.open + p.close));
    for (const pair of ['()', '[]', '“”', '‘’', '""']) {
      assert.ok(pairs(config.autoClosingPairs).includes(pair), `autoClosingPairs lacks ${pair}`);
      assert.ok(pairs(config.surroundingPairs).includes(pair), `surroundingPairs lacks ${pair}`);
    }
    assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
    assert.equal(config.comments, undefined);
  });
});
