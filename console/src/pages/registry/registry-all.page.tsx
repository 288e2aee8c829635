/** Every registration application (登记受理), for the data bureau and the regulator. */
import { ApplicationsList } from './registry-list.view';

export default function RegistryAllPage() {
  return <ApplicationsList box="all" />;
}
