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

// Every user-visible string of the console comes from the locale files (zh-CN and en-US), never
// from literal text in JSX: text children, string literals in braces, and the props people read.
const UI_TEXT_PROPS = new Set(['title', 'placeholder', 'label', 'alt', 'aria-label', 'okText', 'cancelText', 'description', 'message', 'extra', 'tooltip', 'subTitle', 'help', 'content', 'addonBefore', 'addonAfter']);
const hasWords = (text) => /\p{L}/u.test(text);
const noLiteralUiText = {
  meta: {
    type: 'problem',
    messages: { literal: 'User-visible text "{{text}}" must come from the locale files: use t(\'…\') (zh-CN and en-US).' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        const e = node.expression;
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') {
          if (e.type === 'Literal' && typeof e.value === 'string' && hasWords(e.value)) report(e, e.value);
          if (e.type === 'TemplateLiteral' && e.quasis.some((q) => hasWords(q.value.cooked ?? ''))) report(e, e.quasis.map((q) => q.value.cooked).join('…'));
        }
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !UI_TEXT_PROPS.has(name) || !node.value) return;
        const v = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (v.type === 'Literal' && typeof v.value === 'string' && hasWords(v.value)) report(v, v.value);
        if (v.type === 'TemplateLiteral' && v.quasis.some((q) => hasWords(q.value.cooked ?? ''))) report(v, v.quasis.map((q) => q.value.cooked).join('…'));
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'console/dist/**', 'console/src/api/openapi.schema.ts', 'test/fixtures/**', '.test-results/**', 'test-output/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { liutong: { rules: { 'module-boundary': moduleBoundary, 'no-literal-ui-text': noLiteralUiText } } },
    rules: {
      'liutong/module-boundary': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/platform/config (DESIGN.md §6.6).' }],
    },
  },
  {
    files: ['src/platform/config/**', 'test/**', '**/*.test.ts', 'bench/**', 'src/cli/**', 'eslint.config.js', 'vitest.config.ts', 'bin/test.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'liutong/no-literal-ui-text': 'error' },
  },
);
