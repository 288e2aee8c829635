import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';

/** A public page whose module arrives in a later release: says what it will offer. */
export function PlaceholderView({ titleKey, textKey }: { titleKey: MessageKey; textKey: MessageKey }) {
  const { t } = useI18n();
  return <Result icon={<ClockCircleOutlined />} title={`${t(titleKey)} · ${t('common.comingSoon')}`} subTitle={t(textKey)} />;
}
