// Prints what the parser reads in a file: node scripts/dev/dump.js FILE [--citations] [--text]
const { readFileSync } = require('fs');
const { parseResolution } = require('../../out/server/src/parser/parse');
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const doc = parseResolution(text);
const short = (s, n = 70) => (s.length > n ? s.slice(0, n) + '…' : s);
if (doc.parseError) console.log('PARSE ERROR', doc.parseError);
console.log('form', doc.form, 'session', doc.header?.session);
for (const f of doc.header?.fields ?? []) console.log(`  ${f.kind}: ${short(f.value, 100)}  [${JSON.stringify(text.slice(f.start, f.end)).slice(0, 40)}]`);
console.log('organ', doc.organ?.text);
for (const p of [...doc.preambular, ...doc.operative]) {
  console.log(`${p.kind === 'preambular' ? 'PP' : 'OP'}${p.index}${p.number !== undefined ? ' #' + p.number : ''} [${p.opening?.text}] ${short(p.content.text)} ⟶ ${JSON.stringify(p.content.text.slice(-25))}`);
  const walk = (subs, indent) => subs.forEach((s) => { console.log(`${indent}${s.label} ${s.scheme}/${s.depth} ${short(s.content.text, 50)} ⟶ ${JSON.stringify(s.content.text.slice(-20))}`); walk(s.subparagraphs, indent + '  '); });
  walk(p.subparagraphs, '    ');
  if (process.argv.includes('--text')) console.log('      ' + p.content.text);
}
console.log('closing', doc.closing && `${doc.closing.meeting} ${doc.closing.date?.iso}`);
console.log('footnotes', doc.footnotes.map((f) => `${f.label}:${short(f.content.text, 40)}`).join(' | '));
console.log('markers', doc.markers.map((m) => `${m.label}/${m.style}@${JSON.stringify(text.slice(m.start - 6, m.end))}`).join(' '));
console.log('furniture', doc.furniture.map((f) => f.kind).join(','));
if (process.argv.includes('--citations')) for (const c of doc.citations) console.log(`  ${c.kind} ${c.symbol}${c.organ ? ' [' + c.organ + ']' : ''} ${c.date ? c.date.iso + (c.date.shared ? '*' : '') : ''} ${c.title ? '“' + short(c.title.text, 30) + '”' : ''} ${c.container} @${JSON.stringify(text.slice(c.start, c.end))}`);
else console.log('citations', doc.citations.length);
