/** The organisation's registration applications (我的登记申请), with the way to start one. */
import { ApplicationsList } from './registry-list.view';

export default function RegistryListPage() {
  return <ApplicationsList box="mine" />;
}
