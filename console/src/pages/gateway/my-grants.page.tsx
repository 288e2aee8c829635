import { GrantsList } from './grants.list';

/** Grants my organisation holds (grantee): scope, usage per day, calls with their evidence. */
export default function MyGrantsPage() {
  return <GrantsList side="grantee" />;
}
