import { PlaceholderView } from './placeholder.view';

export default function CertificatesPage() {
  return <PlaceholderView titleKey="menu.portal.certificates" textKey="portal.placeholder.certificates" />;
}
