import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n.context';
import type { Locale } from '../locales/index';

/** 中文 / English switch; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={locale}
      onChange={(v) => setLocale(v)}
      options={[
        { label: t('common.lang.zh'), value: 'zh-CN' },
        { label: t('common.lang.en'), value: 'en-US' },
      ]}
    />
  );
}
