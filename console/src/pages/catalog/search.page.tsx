import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.context';
import { CatalogSearch } from './search.view';

/** Catalog search in the console: resources and data elements the signed-in user may read. */
export default function SearchPage() {
  const { t } = useI18n();
  return (
    <CatalogSearch
      mode="console"
      title={<Typography.Title level={3}>{t('search.title')}</Typography.Title>}
      intro={<Typography.Paragraph type="secondary">{t('search.intro')}</Typography.Paragraph>}
    />
  );
}
