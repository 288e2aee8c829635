import { PlaceholderView } from './placeholder.view';

export default function OpenDataPage() {
  return <PlaceholderView titleKey="menu.portal.openData" textKey="portal.placeholder.openData" />;
}
