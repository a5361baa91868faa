// Regular-expression audit (issue #10), part of `npm test`: every regular expression in src/ is
// checked by recheck (https://makenowjust-labs.github.io/recheck/) for super-linear
// backtracking. A pattern it finds vulnerable, or cannot decide, fails the audit unless the line
// holding it, or one of the two lines above, carries an exemption saying why it is safe:
//
//   // regex-audit: safe, <reason>
//
// Patterns built at run time (`new RegExp(variable)`) cannot be checked statically and need an
// exemption too. Usage: tsx scripts/regex-audit.ts [--verbose]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const root = join(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const EXEMPTION = /regex-audit: safe, \S/;

interface Found {
  file: string;
  line: number;
  source?: string;
  flags?: string;
  exempt: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

function collect(path: string): Found[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  // The comment sits on the pattern's line or just above its statement (which may start a line earlier).
  const exempt = (line: number) => [line, line - 1, line - 2].some((l) => EXEMPTION.test(lines[l] ?? ''));
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = (node as ts.RegularExpressionLiteral).text;
      const end = lit.lastIndexOf('/');
      const line = at(node);
      out.push({ file: path, line, source: lit.slice(1, end), flags: lit.slice(end + 1), exempt: exempt(line) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const line = at(node);
      const literal = pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern)) ? pattern.text : undefined;
      const flagText = flags && ts.isStringLiteral(flags) ? flags.text : flags ? undefined : '';
      out.push({ file: path, line, source: literal, flags: flagText, exempt: exempt(line) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const found = files(join(root, 'src')).flatMap(collect);
const problems: string[] = [];
let checked = 0;
let exempted = 0;
const started = Date.now();
for (const f of found) {
  const where = `${relative(root, f.file)}:${f.line + 1}`;
  if (f.source === undefined || f.flags === undefined) {
    if (f.exempt) exempted++;
    else problems.push(`${where}: RegExp built at run time; add "// regex-audit: safe, <reason>"`);
    continue;
  }
  // recheck does not model the `v` flag; `u` has the same semantics for the audit.
  // A fixed seed keeps recheck's fuzzing checker reproducible from run to run.
  let r = checkSync(f.source, f.flags.replace('v', 'u'), { timeout: 10000, randomSeed: 1 });
  // The timeout is wall-clock time: on a loaded machine a check that takes seconds can run out.
  // Such an expression is checked again with more time, so that the verdict does not depend on
  // the load; one that still times out stays a problem.
  if (r.status === 'unknown' && r.error.kind === 'timeout') r = checkSync(f.source, f.flags.replace('v', 'u'), { timeout: 120000, randomSeed: 1 });
  checked++;
  if (r.status === 'safe') {
    if (verbose) console.log(`  ok ${where} /${f.source}/${f.flags}`);
    continue;
  }
  const why = r.status === 'vulnerable' ? `${r.complexity.summary} backtracking, e.g. ${JSON.stringify(r.attack.pattern)}` : `undecided (${r.status})`;
  if (f.exempt) {
    exempted++;
    if (verbose) console.log(`  exempt ${where} /${f.source}/${f.flags}: ${why}`);
  } else problems.push(`${where}: /${f.source}/${f.flags} ${why}; rewrite it as a scan, or add "// regex-audit: safe, <reason>"`);
}
console.log(`regex audit: ${found.length} regular expressions in src/, ${checked} checked by recheck, ${exempted} exempted with a reason, ${problems.length} problem(s) (${((Date.now() - started) / 1000).toFixed(1)} s)`);
for (const p of problems) console.log(`  ${p}`);
process.exitCode = problems.length ? 1 : 0;
