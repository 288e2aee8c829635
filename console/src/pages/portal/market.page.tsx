import { PlaceholderView } from './placeholder.view';

export default function MarketPage() {
  return <PlaceholderView titleKey="menu.portal.market" textKey="portal.placeholder.market" />;
}
