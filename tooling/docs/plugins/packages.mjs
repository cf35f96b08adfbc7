// TypeDoc plugin for this repository's one-program build (entryPointStrategy "resolve": every
// package's src/index.ts in one TypeScript program, the packages' names mapped to their sources,
// so that a type has one page wherever it is used). It gives that build what "packages" mode
// would, without a typedoc.json in every package:
//
// 1. Each entry point's module is named after its package (`@aerostack/cache`; a subpath export
//    such as src/node.ts becomes `@smarter/files/node`) and shows the package's README.
// 2. The package directories and READMEs are registered as the modules' paths, so a README's
//    relative link to another package (`../core`, `../core#errors`, `../core/README.md`) or one in
//    the guide (`../../../packages/aerostack/cache`) lands on that package's page.
// 3. `@example` tags that openapi-typescript copies from the specs' `example:` fields into
//    tooling/spec-types/src/generated/ are sample values (`gpt-4o-mini`, a JSON error body), not
//    TypeScript: they are shown as "Sample Value", in JSON when they are JSON, and never as a
//    TypeScript example (every TypeScript example of the site is type-checked; see
//    scripts/check-examples.mjs).
// 4. The "not exported" validation across packages. TypeDoc checks it only for the project's own
//    package (here the private docs package, i.e. never); this plugin warns, as TypeDoc would,
//    when a public package's documented API names a type of a public package that has no page.
//    `allowedNotExported` lists the known exceptions as "<package>/<path>:<Name>"; an entry that
//    no longer matches is a warning too, so the list cannot go stale.
//    The spec's types as a package uses them (its src/spec.ts) are not checked, as the generated
//    ones are not.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  Application,
  Comment,
  CommentTag,
  ContainerReflection,
  Converter,
  DeclarationReflection,
  MinimalSourceFile,
  ParameterReflection,
  ParameterType,
  ReflectionKind,
  SignatureReflection,
  TypeParameterReflection,
  makeRecursiveVisitor,
  normalizePath,
} from 'typedoc';

const GENERATED_SPEC_TYPES = '/tooling/spec-types/src/generated/';

/** @param {Application} app */
export function load(app) {
  app.options.addDeclaration({
    name: 'allowedNotExported',
    help: '[packages plugin] "<package>/<path>:<Name>" types a public API may name without their own page.',
    type: ParameterType.Array,
    defaultValue: [],
  });

  /** Package name of every module reflection this build made, by module id. */
  const packageOfModule = new Map();

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
      if (!(module instanceof DeclarationReflection)) continue;
      const file = project.getSymbolIdFromReflection(module)?.fileName;
      const pkgDir = file && findPackageDir(dirname(file));
      if (!pkgDir) {
        app.logger.warn(`[packages plugin] no package.json found for module ${module.name} (${file ?? 'no source file'})`);
        continue;
      }
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
      const entry = basename(file).replace(/\.[cm]?tsx?$/, '');
      module.name = entry === 'index' ? pkg.name : `${pkg.name}/${entry}`;
      packageOfModule.set(module.id, pkg.name);
      if (entry !== 'index') continue; // a subpath export: the package's page has the README
      const readmePath = normalizePath(join(pkgDir, 'README.md'));
      const { content } = app.converter.parseRawComment(new MinimalSourceFile(readFileSync(readmePath, 'utf8'), readmePath), project.files);
      module.readme = content;
      project.files.registerReflectionPath(readmePath, module);
      project.files.registerReflectionPath(normalizePath(pkgDir), module);
    }
  });

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (reflection.comment) sampleValues(reflection.comment);
    }
  });

  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    if (!app.options.getValue('validation').notExported) return;
    const publicPackages = new Set(packageOfModule.values());
    const allowed = /** @type {string[]} */ (app.options.getValue(/** @type {never} */ ('allowedNotExported'))).map((entry) => {
      const colon = entry.lastIndexOf(':');
      return { entry, file: entry.slice(0, colon), name: entry.slice(colon + 1), used: false };
    });
    const warned = new Set();
    for (const { type, owner } of referenceTypes(project)) {
      if (type.reflection || type.externalUrl || type.isIntentionallyBroken() || !type.symbolId) continue;
      if (!publicPackages.has(type.package) || project.symbolIdHasBeenRemoved(type.symbolId)) continue;
      const where = `${type.symbolId.packageName}/${type.symbolId.packagePath}`;
      // A package's src/spec.ts (Body<'op'>, Result<'op'>, Schemas, the operations it lists) holds
      // the spec's types as the package uses them; they are documented through the types built on
      // them, as when they lived in the private spec-types package.
      if (type.symbolId.packagePath.endsWith('src/spec.ts')) continue;
      const allow = allowed.find((a) => a.name === type.qualifiedName && where.endsWith(a.file));
      if (allow) {
        allow.used = true;
        continue;
      }
      const key = type.symbolId.getStableKey();
      if (warned.has(key)) continue;
      warned.add(key);
      app.logger.validationWarning(
        `${type.qualifiedName}, defined in ${where}, is referenced by ${owner.getFriendlyFullName()} but not included in the documentation (export it, mark the user @internal, or add it to allowedNotExported)`,
      );
    }
    const unused = allowed.filter((a) => !a.used).map((a) => a.entry);
    if (unused.length) app.logger.validationWarning(`allowedNotExported lists types that no documented API names any more; remove them:\n\t${unused.join('\n\t')}`);
  });
}

/**
 * The directory of the nearest package.json at or above `dir`.
 * @param {string} dir
 * @returns {string | undefined}
 */
function findPackageDir(dir) {
  for (let d = dir; ; d = dirname(d)) {
    try {
      readFileSync(join(d, 'package.json'));
      return d;
    } catch {
      if (dirname(d) === d) return undefined;
    }
  }
}

/**
 * Turns the OpenAPI sample values of a comment from the generated spec types into "@sampleValue" tags.
 * @param {Comment} comment
 */
function sampleValues(comment) {
  if (!comment.sourcePath?.includes(GENERATED_SPEC_TYPES)) return;
  comment.blockTags = comment.blockTags.map((tag) => {
    if (tag.tag !== '@example') return tag;
    const text = Comment.combineDisplayParts(tag.content)
      .replace(/^```\w*\n?/, '')
      .replace(/\n?```\s*$/, '')
      .trim();
    let json = false;
    try {
      JSON.parse(text);
      json = text.includes('\n');
    } catch {
      // not JSON: a bare value such as gpt-4o-mini
    }
    /** @type {import('typedoc').CommentDisplayPart} */
    const part = { kind: 'code', text: json ? `\`\`\`json\n${text}\n\`\`\`` : `\`${text.replaceAll('`', '')}\`` };
    return new CommentTag('@sampleValue', [part]);
  });
}

/**
 * Every reference type of the documented API, with the reflection that names it (TypeDoc's own
 * walk for its export validation, which it does not export).
 * @param {import('typedoc').ProjectReflection} project
 */
function referenceTypes(project) {
  /** @type {{ type: import('typedoc').ReferenceType, owner: import('typedoc').Reflection }[]} */
  const result = [];
  /** @type {import('typedoc').Reflection[]} */
  const queue = [];
  /** @type {import('typedoc').Reflection | undefined} */
  let current = project;
  const visitor = makeRecursiveVisitor({
    reference(type) {
      if (current) result.push({ type, owner: current });
    },
    reflection(type) {
      queue.push(type.declaration);
    },
  });
  /** @param {import('typedoc').Reflection | import('typedoc').Reflection[] | undefined} item */
  const add = (item) => {
    if (Array.isArray(item)) queue.push(...item);
    else if (item) queue.push(item);
  };
  do {
    if (current instanceof ContainerReflection) add(current.children);
    if (current instanceof DeclarationReflection) {
      current.type?.visit(visitor);
      add(current.typeParameters);
      add(current.signatures);
      add(current.indexSignatures);
      add(current.getSignature);
      add(current.setSignature);
      current.overwrites?.visit(visitor);
      current.implementedTypes?.forEach((type) => type.visit(visitor));
    }
    if (current instanceof SignatureReflection) {
      add(current.parameters);
      add(current.typeParameters);
      current.type?.visit(visitor);
      current.overwrites?.visit(visitor);
    }
    if (current instanceof ParameterReflection) current.type?.visit(visitor);
    if (current instanceof TypeParameterReflection) {
      current.type?.visit(visitor);
      current.default?.visit(visitor);
    }
  } while ((current = queue.shift()));
  return result;
}
