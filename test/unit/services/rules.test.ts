// The rule table against the checks, the README and Fix all.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../../server/src/languageService';
import { AGREED_LANGUAGE_CODE } from '../../../server/src/services/agreedDeviation';
import { CITATION_DATE, CITATION_ORDER, MALFORMED_SYMBOL, MISSING_PARAGRAPH } from '../../../server/src/services/citationDiagnostics';
import { DRAFTING_CODES } from '../../../server/src/services/drafting/drafting';
import { FIX_ALL_KIND } from '../../../server/src/services/fixAll';
import { resolveCode, ruleFor, RULES, rulesMarkdown, runChecks } from '../../../server/src/services/rules';
import { LABEL_CODES, NUMBERING_CODES, REFERENCE_CODES } from '../../../server/src/services/structure/numbering';
import { openingVocabulary } from '../../../server/src/services/structure/openingPhrases';
import { STYLE_CODES } from '../../../server/src/services/structure/style';
import { EMPTY_AGREED_INDEX } from '../../../server/src/agreed/empty';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { readSeed, repoRoot, SEEDS } from '../../helpers';
import { parseText, seedKnowledgeBase } from './lookupFixtures';

describe('rules: the table', () => {
  it('one rule per code, each with a description and a level; codes with or without "unres."', () => {
    assert.strictEqual(new Set(RULES.map((r) => r.code)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.code, /^unres\.[a-zA-Z]+$/);
      assert.ok(rule.description.length > 10, rule.code);
      assert.ok(!rule.fixAll || rule.quickFix, `${rule.code}: Fix all applies a quick fix`);
    }
    assert.strictEqual(resolveCode('repeatedVerb'), 'unres.repeatedVerb');
    assert.strictEqual(resolveCode('unres.citationdate'), 'unres.citationDate');
    assert.strictEqual(resolveCode('nonsense'), undefined);
  });

  it('has a rule, in the right family, for every code each check module exports', () => {
    const families: [string, readonly string[]][] = [
      ['numbering', [...NUMBERING_CODES, ...LABEL_CODES, ...REFERENCE_CODES]],
      ['style', STYLE_CODES],
      ['citations', [CITATION_DATE, CITATION_ORDER, MALFORMED_SYMBOL, MISSING_PARAGRAPH]],
      ['drafting', DRAFTING_CODES],
      ['agreed', [AGREED_LANGUAGE_CODE]],
    ];
    for (const [family, codes] of families) {
      assert.deepStrictEqual(RULES.filter((r) => r.family === family).map((r) => r.code).sort(), [...codes].sort(), family);
    }
  });

  it('has a rule for every code the checks report on the seeds and on drafts broken on purpose', async () => {
    const kb = await seedKnowledgeBase();
    const context = { kb, agreed: EMPTY_AGREED_INDEX, vocabulary: openingVocabulary() };
    const broken = [
      'The General Assembly,\n\n3. Recaling its resolution 73/266 of 5 December 1998.\n\n1. Decides:\n\n(b) To act.\n\n1. Decides again,\n',
      ...SEEDS.map((seed) => readSeed(seed.file)),
    ];
    for (const text of broken) {
      for (const diagnostic of runChecks(parseText(text), context)) assert.ok(ruleFor(String(diagnostic.code)), String(diagnostic.code));
    }
  });

  it('is the list of checks in the README (node scripts/rules.mjs rewrites it)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    assert.strictEqual(block, rulesMarkdown());
  });
});

describe('rules: Fix all reads the table', () => {
  const draft = ['The General Assembly,', '', 'Recalling its resolution 73/266,', '', '1. Decides to act;', '', '3. Requests a report;', '', '4. Invites States:', '', '(a) To act;', '', '(c) To report.', ''].join('\n');
  const source = { uri: 'file:///draft.unres', version: 1, getText: () => draft };
  const fixAllEdits = async (severities: Record<string, string>) => {
    const service = createLanguageService({ knowledge: { kb: KnowledgeBase.empty(), agreed: EMPTY_AGREED_INDEX }, settings: { severities: () => severities } });
    const [action] = await service.getCodeActions(source, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: [FIX_ALL_KIND] });
    return (action?.edit?.changes?.[source.uri] ?? []).map((edit) => edit.newText);
  };

  it('renumbers and reletters when the codes are on', async () => {
    assert.deepStrictEqual((await fixAllEdits({})).sort(), ['2', '3', 'b'].sort());
  });
  it('leaves the numbers when the gap is turned off, and the labels when the label gap is', async () => {
    assert.deepStrictEqual(await fixAllEdits({ 'unres.opNumberGap': 'off' }), ['b']);
    assert.deepStrictEqual((await fixAllEdits({ 'unres.labelGap': 'off' })).sort(), ['2', '3']);
  });
});
