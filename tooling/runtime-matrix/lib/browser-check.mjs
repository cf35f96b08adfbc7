// @ts-check
// What a browser bundle of a package must not contain. The bundle (esbuild, platform browser, not
// minified, Node built-ins kept as imports) is parsed with TypeScript's parser and every problem is
// reported with its line. The rules, precisely:
//
// 1. node-import: an import of a Node built-in — `node:<anything>`, or a name in
//    `module.builtinModules` (`fs`, `fs/promises`, `path`, `buffer`, ...), or such a name followed
//    by `/...` — in an `import` or `export ... from` declaration or an `import("...")` call.
// 2. require: a call of the free identifier `require(...)`, or of esbuild's `__require(...)` shim
//    (which esbuild emits for a `require` it could not bundle).
// 3. Buffer: the identifier `Buffer` used as a value: a bare reference (`Buffer.from(...)`,
//    `x instanceof Buffer`, `{ Buffer }`), or a property of a global object (`globalThis.Buffer`,
//    `self.Buffer`, `window.Buffer`, `global.Buffer`). Not flagged: longer names (`ArrayBuffer`,
//    `arrayBuffer()`), property names of other objects, object-literal keys, strings, comments.
// 4. process: a bare reference to the global `process` (an identifier in expression position; not
//    a property name like `x.process`, an object-literal key, or a declared name) that is not
//    guarded by `typeof process`. It is guarded when it is
//      a. the operand of `typeof` itself (`typeof process`), or
//      b. evaluated only if a `typeof process` test succeeded: it lies in the right operand of
//         `A && B` where A being true implies process exists, in the right operand of `A || B`
//         where A being false implies it, in the `?` branch of `A ? B : C` or the `then` of
//         `if (A)` where A being true implies it, or in the `:` branch / `else` where A being false
//         implies it.
//    "A being true implies process exists" holds for `typeof process !== "undefined"` (also `!=`,
//    either operand order), `typeof process === "object"` (also `==`), `X && Y` if it holds for X
//    or Y, and `!X` if "X being false implies it" holds; "A being false implies process exists"
//    holds for `typeof process === "undefined"` (also `==`), `typeof process !== "object"`,
//    `X || Y` if it holds for X or Y, and `!X` if "X being true implies it" holds. Parentheses are
//    looked through.
//    Not flagged: `globalThis.process?.env` and other property accesses (they read undefined in a
//    browser, they never throw a ReferenceError, and bundlers that define `process.env.X` do not
//    rewrite them). Not recognised as guards (so flagged): an early return
//    (`if (typeof process === "undefined") return; process.env`), a test stored in a variable,
//    try/catch. A local variable named `process` is flagged too (the check has no scopes).
import { builtinModules } from 'node:module';
import ts from 'typescript';

/** @typedef {'node-import' | 'require' | 'Buffer' | 'process'} Rule */
/** @typedef {{ rule: Rule, line: number, text: string }} Problem */

const BUILTINS = new Set(builtinModules);
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'window', 'global']);

/** Whether an import specifier names a Node built-in module. */
export function isNodeBuiltin(/** @type {string} */ specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

/** @param {ts.Node} node @returns {ts.Node} */
function skipParens(node) {
  return ts.isParenthesizedExpression(node) ? skipParens(node.expression) : node;
}

/** `typeof process`, parentheses looked through. */
function isTypeofProcess(/** @type {ts.Node} */ node) {
  const n = skipParens(node);
  if (!ts.isTypeOfExpression(n)) return false;
  const operand = skipParens(n.expression);
  return ts.isIdentifier(operand) && operand.text === 'process';
}

/**
 * A `typeof process` comparison: 'present' if it is true exactly when process exists (`!== "undefined"`,
 * `=== "object"`), 'absent' if it is true exactly when it does not (`=== "undefined"`, `!== "object"`).
 * @param {ts.Node} node
 * @returns {'present' | 'absent' | undefined}
 */
function typeofTest(node) {
  const n = skipParens(node);
  if (!ts.isBinaryExpression(n)) return undefined;
  const literal = isTypeofProcess(n.left) ? skipParens(n.right) : isTypeofProcess(n.right) ? skipParens(n.left) : undefined;
  if (!literal || !ts.isStringLiteralLike(literal)) return undefined;
  const kind = n.operatorToken.kind;
  const equal = kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken;
  const notEqual = kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !notEqual) return undefined;
  if (literal.text === 'undefined') return equal ? 'absent' : 'present';
  if (literal.text === 'object') return equal ? 'present' : 'absent';
  return undefined;
}

/** @param {ts.Node} node @param {ts.SyntaxKind} operator */
function isBinary(node, operator) {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === operator;
}

/** A being true implies that process exists. @param {ts.Node} node @returns {boolean} */
function trueImpliesProcess(node) {
  const n = skipParens(node);
  if (typeofTest(n) === 'present') return true;
  if (ts.isBinaryExpression(n) && isBinary(n, ts.SyntaxKind.AmpersandAmpersandToken)) return trueImpliesProcess(n.left) || trueImpliesProcess(n.right);
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return falseImpliesProcess(n.operand);
  return false;
}

/** A being false implies that process exists. @param {ts.Node} node @returns {boolean} */
function falseImpliesProcess(node) {
  const n = skipParens(node);
  if (typeofTest(n) === 'absent') return true;
  if (ts.isBinaryExpression(n) && isBinary(n, ts.SyntaxKind.BarBarToken)) return falseImpliesProcess(n.left) || falseImpliesProcess(n.right);
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return trueImpliesProcess(n.operand);
  return false;
}

/** Rule 4's guard: a or b. @param {ts.Identifier} id */
function isGuarded(id) {
  /** @type {ts.Node} */
  let child = id;
  let parent = id.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isTypeOfExpression(parent)) return true;
  child = id;
  while (!ts.isSourceFile(child)) {
    parent = child.parent;
    if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (isBinary(parent, ts.SyntaxKind.AmpersandAmpersandToken) && trueImpliesProcess(parent.left)) return true;
      if (isBinary(parent, ts.SyntaxKind.BarBarToken) && falseImpliesProcess(parent.left)) return true;
    }
    if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue && trueImpliesProcess(parent.condition)) return true;
      if (child === parent.whenFalse && falseImpliesProcess(parent.condition)) return true;
    }
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement && trueImpliesProcess(parent.expression)) return true;
      if (child === parent.elseStatement && falseImpliesProcess(parent.expression)) return true;
    }
    child = parent;
  }
  return false;
}

/** An identifier in expression position (a use of a variable), not a name of something else. @param {ts.Identifier} id */
function isValueReference(id) {
  const p = id.parent;
  if (ts.isShorthandPropertyAssignment(p)) return true; // `{ process }` reads the variable
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isBindingElement(p) && (p.propertyName === id || p.name === id)) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isGetAccessorDeclaration(p) ||
      ts.isSetAccessorDeclaration(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isFunctionExpression(p) ||
      ts.isClassDeclaration(p) ||
      ts.isClassExpression(p)) &&
    p.name === id
  ) {
    return false;
  }
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

/** `globalThis.X`, `self.X`, `window.X`, `global.X`. @param {ts.Identifier} id */
function isGlobalObjectProperty(id) {
  const p = id.parent;
  return ts.isPropertyAccessExpression(p) && p.name === id && ts.isIdentifier(p.expression) && GLOBAL_OBJECTS.has(p.expression.text);
}

/** The string given to an import or export declaration or an `import()` call, else undefined. @param {ts.Node} node */
function importedSpecifier(node) {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [first] = node.arguments;
    if (first && ts.isStringLiteralLike(first)) return first.text;
  }
  return undefined;
}

/**
 * Every problem in a browser bundle, in order.
 * @param {string} code  the bundle (ES module or script)
 * @returns {Problem[]}
 */
export function browserProblems(code) {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const lines = code.split('\n');
  /** @type {Problem[]} */
  const problems = [];
  /** @param {Rule} rule @param {ts.Node} node */
  const report = (rule, node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    problems.push({ rule, line: line + 1, text: (lines[line] ?? '').trim().slice(0, 160) });
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    const specifier = importedSpecifier(node);
    if (specifier !== undefined && isNodeBuiltin(specifier)) report('node-import', node);
    if (ts.isCallExpression(node)) {
      const callee = skipParens(node.expression);
      if (ts.isIdentifier(callee) && (callee.text === 'require' || callee.text === '__require')) report('require', node);
    }
    if (ts.isIdentifier(node)) {
      if (node.text === 'Buffer' && (isValueReference(node) || isGlobalObjectProperty(node))) report('Buffer', node);
      if (node.text === 'process' && isValueReference(node) && !isGuarded(node)) report('process', node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}
