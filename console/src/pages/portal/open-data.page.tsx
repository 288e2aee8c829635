import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.context';
import { CatalogSearch } from '../catalog/search.view';

/**
 * The open-data portal (开放数据), public: for now the search over open datasets (the reusable
 * CatalogSearch in public mode); dataset pages, downloads and developer keys come with the portal.
 */
export default function OpenDataPage() {
  const { t } = useI18n();
  return (
    <CatalogSearch
      mode="public"
      title={<Typography.Title level={3}>{t('search.public.title')}</Typography.Title>}
      intro={<Typography.Paragraph type="secondary">{t('search.public.intro')}</Typography.Paragraph>}
    />
  );
}
