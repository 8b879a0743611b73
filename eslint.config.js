import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Layout rules (issue 10): the rooms of the tree and what each may import. They live here, as a
// small inline plugin, so that the rule and its reason sit next to each other. Each rule is
// exercised on planted violations by server/src/lib/lint-layout.test.ts.
// ---------------------------------------------------------------------------------------------

const root = path.dirname(fileURLToPath(import.meta.url));

/** The file's path from the repository root, with forward slashes ('' when outside it). */
function fromRoot(file) {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/');
}

/** Where an import points: `rel` (from the repository root) for our own files, `pkg` for a package. */
function resolveImport(specifier, filename) {
  let abs;
  if (specifier.startsWith('.')) abs = path.resolve(path.dirname(filename), specifier);
  else if (specifier.startsWith('@/') && fromRoot(filename).startsWith('web/'))
    abs = path.join(root, 'web/src', specifier.slice(2));
  else if (specifier === '@tannha/shared' || specifier.startsWith('@tannha/shared/'))
    abs = path.join(root, 'shared/src', specifier.slice('@tannha/shared'.length));
  if (abs) return { rel: fromRoot(abs) || abs };
  const parts = specifier.split('/');
  return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((s) => s.importKind === 'type'));

/**
 * A rule that sees every import of a file (static, re-export, dynamic with a literal) as
 * `{ node, specifier, target, typeOnly, valueNames }` and returns a message to report, or nothing.
 */
function importRule(description, check) {
  return {
    meta: { type: 'problem', docs: { description }, schema: [] },
    create(context) {
      const file = fromRoot(context.filename);
      const visit = (node, source, valueNames) => {
        if (!source || typeof source.value !== 'string') return;
        const specifier = source.value;
        const message = check({
          file,
          specifier,
          target: resolveImport(specifier, context.filename),
          typeOnly: isTypeOnly(node),
          valueNames,
        });
        if (message) context.report({ node: source, message });
      };
      const namesOf = (node) =>
        (node.specifiers ?? [])
          .filter((s) => s.importKind !== 'type' && s.exportKind !== 'type')
          .map((s) =>
            s.type === 'ImportSpecifier'
              ? (s.imported.name ?? s.imported.value)
              : s.type === 'ExportSpecifier'
                ? (s.local.name ?? s.local.value)
                : '*',
          );
      return {
        ImportDeclaration: (node) => visit(node, node.source, namesOf(node)),
        ExportNamedDeclaration: (node) => visit(node, node.source, namesOf(node)),
        ExportAllDeclaration: (node) => visit(node, node.source, ['*']),
        ImportExpression: (node) =>
          node.source.type === 'Literal' && visit(node, node.source, ['*']),
      };
    },
  };
}

const sharedDependencies = Object.keys(
  JSON.parse(readFileSync(path.join(root, 'shared/package.json'), 'utf8')).dependencies ?? {},
);
const isTestFile = (file) => /\.test\.tsx?$/.test(file);
const repositoryOf = (rel) => /(^|\/)[^/]+\.repository(\.ts)?$/.test(rel ?? '');
/** `server/src/modules/<m>/` of a path, or undefined. */
const serverModuleOf = (rel) => /^server\/src\/modules\/[^/]+\//.exec(rel ?? '')?.[0];
const webFeatureOf = (rel) => /^web\/src\/features\/[^/]+(\/|$)/.exec(rel ?? '')?.[0];
const QUERY_METHODS = new Set([
  'select',
  'selectDistinct',
  'selectDistinctOn',
  'insert',
  'update',
  'delete',
  'execute',
  'query',
]);
const DB_HANDLES = new Set(['db', 'tx']);
const REGISTRY_CLASSES = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

const layout = {
  meta: { name: 'layout' },
  rules: {
    // Web: a feature uses shared code (lib, components, hooks) and its own files; composition of
    // features happens in web/src/app. Shared web code depends on no feature and not on the app.
    'web-boundaries': importRule('web features do not import each other or the app shell', (i) => {
      const to = i.target.rel;
      if (!to) return;
      const own = webFeatureOf(i.file);
      const other = webFeatureOf(to.endsWith('/') ? to : `${to}/`);
      const intoApp = /^web\/src\/app(\/|$)/.test(to);
      if (own) {
        if (other && other !== own)
          return `Feature ${own} imports another feature (${i.specifier}); compose features in web/src/app or move the shared part to web/src/lib or web/src/components.`;
        if (intoApp)
          return `Feature ${own} imports the app shell (${i.specifier}); the app composes features, not the other way round.`;
      } else if (/^web\/src\/(lib|components|hooks)\//.test(i.file) && (other || intoApp)) {
        return `Shared web code must not depend on a feature or the app shell (${i.specifier}).`;
      }
      if (/^server\//.test(to)) return `Web code must not import server code (${i.specifier}).`;
    }),

    // shared/ is read by the browser and the server alike: it imports only its own files and the
    // packages in shared/package.json (vitest too in its tests) — nothing from server/ or web/,
    // no Node built-ins.
    'shared-boundaries': importRule('shared/ imports only itself and its own dependencies', (i) => {
      if (i.target.rel !== undefined)
        return i.target.rel.startsWith('shared/')
          ? undefined
          : `shared/ must not import outside shared/ (${i.specifier}).`;
      if (sharedDependencies.includes(i.target.pkg)) return;
      if (isTestFile(i.file) && i.target.pkg === 'vitest') return;
      return `shared/ may only import ${sharedDependencies.join(', ')} (declared in shared/package.json), not ${i.specifier}.`;
    }),

    // A module's repository is private to it: other modules call its service. Type-only imports
    // (a row type) are allowed; they do not reach the database.
    'no-foreign-repository': importRule(
      "a server module does not import another module's repository",
      (i) => {
        if (i.typeOnly || !repositoryOf(i.target.rel)) return;
        const own = serverModuleOf(i.file);
        if (/(^|\/)solver\//.test(i.file) || /^server\/src\/realtime\//.test(i.file))
          return `${i.file.split('/').slice(0, -1).join('/')} must not import a repository (${i.specifier}); go through a module's service.`;
        if (own && !i.target.rel.startsWith(own))
          return `Import of another module's repository (${i.specifier}); call that module's service instead.`;
      },
    ),

    // Queries live in *.repository.ts. Elsewhere no value import of tables (db/schema), of
    // drizzle-orm (operators, sql``), of queryRows/queryRow; type imports stay allowed.
    'no-query-outside-repository': {
      meta: {
        type: 'problem',
        docs: { description: 'database queries only in *.repository.ts' },
        schema: [],
      },
      create(context) {
        const imports = importRule('', (i) => {
          if (i.typeOnly || i.valueNames.length === 0) return;
          const to = i.target.rel;
          if (i.target.pkg === 'drizzle-orm')
            return `Query builder from drizzle-orm (${i.valueNames.join(', ')}) outside a repository; move the query to a *.repository.ts.`;
          if (/^server\/src\/db\/schema(\/|\.ts$|$)/.test(to ?? ''))
            return `Table import from db/schema outside a repository; move the query to a *.repository.ts.`;
          if (/^server\/src\/db(\/index|\/client)?(\.ts)?$/.test(to ?? '')) {
            const raw = i.valueNames.filter((n) =>
              ['queryRows', 'queryRow', 'schema', '*'].includes(n),
            );
            if (raw.length)
              return `${raw.join(', ')} from db outside a repository; move the query to a *.repository.ts.`;
          }
        }).create(context);
        return {
          ...imports,
          // db.select(…), tx.insert(…), deps.db.execute(…), this.db.query.jobs.findMany(…)
          MemberExpression(node) {
            const name = node.property.type === 'Identifier' ? node.property.name : undefined;
            if (!QUERY_METHODS.has(name ?? '')) return;
            const called = node.parent.type === 'CallExpression' && node.parent.callee === node;
            if (!called && name !== 'query') return;
            const obj = node.object;
            const handle =
              obj.type === 'Identifier'
                ? obj.name
                : obj.type === 'MemberExpression' && obj.property.type === 'Identifier'
                  ? obj.property.name
                  : undefined;
            if (DB_HANDLES.has(handle ?? ''))
              context.report({
                node,
                message: `${handle}.${name}${called ? '(…)' : ''} outside a repository; move the query to a *.repository.ts.`,
              });
          },
        };
      },
    },

    // No module-level mutable state: it is shared by every app built in one process (tests build
    // several) and filled by side effects. Build it in createApp(deps) or inside a function.
    'no-module-state': {
      meta: {
        type: 'problem',
        docs: { description: 'no top-level let/var or top-level (empty) Map/Set registries' },
        schema: [],
      },
      create(context) {
        const check = (decl) => {
          if (decl?.type !== 'VariableDeclaration') return;
          if (decl.kind === 'let' || decl.kind === 'var') {
            context.report({
              node: decl,
              message: `Module-level \`${decl.kind}\`: mutable state shared by every app in the process; pass it in through createApp(deps) or keep it inside a function.`,
            });
            return;
          }
          for (const d of decl.declarations) {
            const init = d.init?.type === 'TSAsExpression' ? d.init.expression : d.init;
            // `new Set(['GET', 'HEAD'])` is a lookup table written out in full; an empty
            // `new Map()` is a registry or a cache filled as the process runs.
            const seeded =
              init?.arguments?.[0]?.type === 'ArrayExpression' &&
              init.arguments[0].elements.length > 0;
            if (
              init?.type === 'NewExpression' &&
              init.callee.type === 'Identifier' &&
              REGISTRY_CLASSES.has(init.callee.name) &&
              !seeded
            )
              context.report({
                node: d,
                message: `Module-level \`new ${init.callee.name}()\`: a registry shared by every app in the process; create it per app (createApp(deps)) or inside a function.`,
              });
          }
        };
        return {
          'Program > VariableDeclaration': check,
          'Program > ExportNamedDeclaration': (node) => check(node.declaration),
        };
      },
    },

    // Function size: 100 lines (blank lines and comments not counted); in .tsx files a
    // PascalCase function — a React component — may have 250. An IIFE is not counted on its own.
    'max-function-lines': {
      meta: {
        type: 'suggestion',
        docs: { description: 'functions ≤ 100 lines, components (.tsx, PascalCase) ≤ 250' },
        schema: [
          {
            type: 'object',
            properties: { max: { type: 'integer' }, componentMax: { type: 'integer' } },
            additionalProperties: false,
          },
        ],
      },
      create(context) {
        const { max = 100, componentMax = 250 } = context.options[0] ?? {};
        const source = context.sourceCode;
        const tsx = context.filename.endsWith('.tsx');
        // Lines that hold only a comment, computed once per file.
        let commentOnly;
        const isCommentOnly = (line) => {
          if (!commentOnly) {
            commentOnly = new Set();
            for (const c of source.getAllComments()) {
              for (let l = c.loc.start.line; l <= c.loc.end.line; l++) {
                const text = source.lines[l - 1];
                const before = l === c.loc.start.line ? text.slice(0, c.loc.start.column) : '';
                const after = l === c.loc.end.line ? text.slice(c.loc.end.column) : '';
                if (!before.trim() && !after.trim()) commentOnly.add(l);
              }
            }
          }
          return commentOnly.has(line);
        };
        const nameOf = (node) => {
          if (node.id?.name) return node.id.name;
          let p = node.parent;
          while (p?.type === 'CallExpression') p = p.parent; // memo(() => …), forwardRef(…)
          if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
          if (
            (p?.type === 'Property' || p?.type === 'MethodDefinition') &&
            p.key.type === 'Identifier'
          )
            return p.key.name;
          return undefined;
        };
        const check = (node) => {
          if (node.parent?.type === 'CallExpression' && node.parent.callee === node) return; // IIFE
          let lines = 0;
          for (let l = node.loc.start.line; l <= node.loc.end.line; l++)
            if (source.lines[l - 1].trim() && !isCommentOnly(l)) lines++;
          const name = nameOf(node);
          const component = tsx && /^[A-Z]/.test(name ?? '');
          const limit = component ? componentMax : max;
          if (lines > limit)
            context.report({
              node,
              loc: { start: node.loc.start, end: node.loc.start },
              message: `${component ? 'Component' : 'Function'} ${name ?? '(anonymous)'} has ${lines} lines (blank lines and comments aside); the limit is ${limit}. Split it.`,
            });
        };
        return {
          FunctionDeclaration: check,
          FunctionExpression: check,
          ArrowFunctionExpression: check,
        };
      },
    },
  },
};

const serverSource = ['server/src/**/*.ts'];
const tests = ['**/*.test.ts', '**/*.test.tsx'];
const demo = ['server/src/demo/**', 'server/src/modules/demo/**'];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/data/',
    '**/coverage/',
    '.tmp/',
    'test/e2e/__screenshots__/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `import('…')` types stay allowed: declaration files (i18next resources) need them.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },

  // --- Layout (issue 10) -----------------------------------------------------------------------
  {
    plugins: { layout },
  },
  // 1. No import cycles in the sources (type-only imports do not count: they vanish at build).
  {
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}', 'shared/src/**/*.ts'],
    ignores: tests,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['server/tsconfig.json', 'web/tsconfig.json', 'shared/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // 2. Web features do not import each other (aliased or relative) nor the app shell.
  { files: ['web/src/**/*.{ts,tsx}'], rules: { 'layout/web-boundaries': 'error' } },
  // 3. shared/ imports nothing from server/ or web/, and no package it does not declare.
  { files: ['shared/**/*.ts'], rules: { 'layout/shared-boundaries': 'error' } },
  // 4. A module does not import another module's repository; the socket server and the solver
  //    import none. Demo data is exempt: it is a data loader that writes rows directly.
  {
    files: serverSource,
    ignores: [...tests, ...demo],
    rules: { 'layout/no-foreign-repository': 'error' },
  },
  // 5. No query outside *.repository.ts (the database layer itself, tests, demo data aside).
  {
    files: serverSource,
    ignores: [...tests, ...demo, 'server/src/db/**', '**/*.repository.ts'],
    rules: { 'layout/no-query-outside-repository': 'error' },
  },
  // 6. No module-level mutable registries in the server.
  { files: serverSource, ignores: tests, rules: { 'layout/no-module-state': 'error' } },
  // 7. Sizes: files ≤ 400 lines, functions ≤ 100, components ≤ 250 (demo data aside).
  {
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: [...tests, ...demo, 'server/src/db/migrations/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'layout/max-function-lines': ['error', { max: 100, componentMax: 250 }],
    },
  },
);
