// Reads openapi-typescript's output (src/generated/<platform>.d.ts) into its parts: every schema,
// shared response and operation, each as the text of its type. Shared by flatten.mjs (which writes
// the flat declarations the packages import) and by tooling/size's declaration check.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * @typedef {{ doc: string, type: string }} Member  `doc`: the JSDoc above it ('' if none); `type`: its type's text.
 * @typedef {{ schemas: Map<string, Member>, responses: Map<string, Member>, operations: Map<string, Member & { node: ts.TypeNode }>, source: ts.SourceFile }} Generated
 */

/** @param {string} file @returns {Generated} */
export function readGenerated(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ESNext, true);
  const top = (name) => {
    const found = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!found) throw new Error(`${file}: no \`interface ${name}\` (not openapi-typescript 7 output?)`);
    return /** @type {ts.InterfaceDeclaration} */ (found);
  };
  const section = (name) => {
    const member = top('components').members.find((m) => memberName(m) === name);
    return member && ts.isPropertySignature(member) && member.type && ts.isTypeLiteralNode(member.type) ? member.type.members : [];
  };
  /** @param {readonly ts.TypeElement[]} members */
  const read = (members) => {
    const out = new Map();
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) throw new Error(`${file}: unexpected member ${m.getText()}`);
      out.set(memberName(m), { doc: jsDoc(m, source), type: m.type.getText(), node: m.type });
    }
    return out;
  };
  return { schemas: read(section('schemas')), responses: read(section('responses')), operations: read(top('operations').members), source };
}

/** @param {ts.TypeElement} m */
export function memberName(m) {
  const name = m.name;
  if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) throw new Error(`unexpected member name in ${m.getText()}`);
  return name.text;
}

/** The JSDoc comments right above a member, as written. */
function jsDoc(node, source) {
  const text = source.getFullText();
  return (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [])
    .filter((r) => text.startsWith('/**', r.pos))
    .map((r) => text.slice(r.pos, r.end))
    .join('\n');
}

/** The schema names a type's text refers to (`components["schemas"]["X"]`). */
export function schemaRefs(typeText) {
  return [...typeText.matchAll(/components\["schemas"\]\["([^"]+)"\]/g)].map((m) => m[1]);
}
