// ESLint flat config. Besides the recommended TypeScript rules it enforces DESIGN.md §6.1:
// a module is used only through its public face (src/modules/<name>/index.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

const moduleBoundary = {
  meta: {
    type: 'problem',
    messages: {
      internal: "'{{source}}' reaches into module '{{target}}'; import its public face ('{{target}}/index.js') instead.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const modulesRoot = path.resolve('src/modules');
    const own = file.startsWith(modulesRoot + path.sep) ? file.slice(modulesRoot.length + 1).split(path.sep)[0] : null;
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      if (!resolved.startsWith(modulesRoot + path.sep)) return;
      const [target, ...rest] = resolved.slice(modulesRoot.length + 1).split(path.sep);
      if (target === own) return;
      const inner = rest.join('/');
      if (inner === 'index.js' || inner === 'index.ts' || inner === '') return;
      context.report({ node: node.source, messageId: 'internal', data: { source, target } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'console/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { liutong: { rules: { 'module-boundary': moduleBoundary } } },
    rules: {
      'liutong/module-boundary': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/platform/config (DESIGN.md §6.6).' }],
    },
  },
  {
    files: ['src/platform/config/**', 'test/**', '**/*.test.ts', 'bench/**', 'src/cli/**', 'eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
