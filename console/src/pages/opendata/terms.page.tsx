import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.context';

/** The portal's open-data terms of use (the dct:license of every dataset in the DCAT catalog). */
export default function OpenTermsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="opendata-terms">
      <Typography.Title level={3}>{t('opendata.terms.title')}</Typography.Title>
      <Typography.Paragraph>{t('opendata.terms.body')}</Typography.Paragraph>
    </div>
  );
}
