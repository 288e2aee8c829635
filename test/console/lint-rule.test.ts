import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('console lint rule: no literal user-visible text', () => {
  const lint = async (code: string) => {
    const [r] = await new ESLint().lintText(code, { filePath: 'console/src/pages/probe.tsx' });
    return r!.messages.filter((m) => m.ruleId === 'liutong/no-literal-ui-text').length;
  };
  it('refuses text children, literal strings in braces and readable props', async () => {
    expect(await lint('export const A = () => <div>保存</div>;\n')).toBe(1);
    expect(await lint("export const A = () => <div>{'Save'}</div>;\n")).toBe(1);
    expect(await lint('export const A = () => <input placeholder="Search" />;\n')).toBe(1);
    expect(await lint("export const A = () => <button title={'Close'} />;\n")).toBe(1);
  });
  it('accepts translated text, punctuation and non-text props', async () => {
    expect(await lint("declare const t: (k: string) => string;\nexport const A = () => <div title={t('a.b')}>{t('a.c')} · 1</div>;\n")).toBe(0);
    expect(await lint('export const A = () => <div className="lt-mono" data-testid="x-y" />;\n')).toBe(0);
  });
});
