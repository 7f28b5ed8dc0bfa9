#!/usr/bin/env node
// Lint step: lists exported symbols of src/ that no other file of src/ or test/ imports or re-exports, and fails
// when there is one (an export nobody uses is either dead code or belongs inside its module).
const ts = require('typescript');
const path = require('path');
const root = path.resolve(__dirname, '..');
const cfg = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(cfg.fileNames, cfg.options);
const checker = program.getTypeChecker();
const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(root + '/src/') || f.fileName.startsWith(root + '/test/'));
const used = new Map(); // symbol -> set of files using it
const resolve = (s) => (s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
function mark(sym, file) {
  if (!sym) return;
  const real = resolve(sym);
  for (const s of new Set([sym, real])) {
    if (!used.has(s)) used.set(s, new Set());
    used.get(s).add(file);
  }
}
for (const f of files) {
  const visit = (node) => {
    if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isExportSpecifier(node)) {
      const name = node.name;
      if (name) {
        const s = checker.getSymbolAtLocation(name);
        mark(s, f.fileName);
        if (ts.isExportSpecifier(node)) {
          const t = checker.getExportSpecifierLocalTargetSymbol(node);
          mark(t, f.fileName);
        }
      }
    }
    if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
      // namespace imports: domain.AGENCY_GROUPS, or import('x').Type
      const s = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node.right);
      if (s) mark(s, f.fileName);
    }
    if (ts.isImportTypeNode(node) && node.qualifier) {
      const s = checker.getSymbolAtLocation(node.qualifier);
      mark(s, f.fileName);
    }
    if (ts.isExportDeclaration(node) && !node.exportClause && node.moduleSpecifier) {
      // export * from
      const m = checker.getSymbolAtLocation(node.moduleSpecifier);
      if (m) for (const e of checker.getExportsOfModule(m)) mark(e, f.fileName);
    }
    ts.forEachChild(node, visit);
  };
  visit(f);
}
// typeof import / dynamic require typed via `typeof KurrentModule`: handled via namespace import marks.
const out = [];
for (const f of files.filter((f) => f.fileName.startsWith(root + '/src/'))) {
  const m = checker.getSymbolAtLocation(f);
  if (!m) continue;
  for (const e of checker.getExportsOfModule(m)) {
    const real = resolve(e);
    const users = new Set([...(used.get(e) || []), ...(used.get(real) || [])]);
    users.delete(f.fileName);
    if (users.size === 0) out.push(`${path.relative(root, f.fileName)}: ${e.name}`);
  }
}
if (out.length > 0) {
  console.error(`exports nobody imports (drop the export or the code):\n${out.join('\n')}`);
  process.exit(1);
}
