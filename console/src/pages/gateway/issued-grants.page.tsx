import { GrantsList } from './grants.list';

/** Grants on my organisation's resources (grantor): narrow or revoke, usage by grantee. */
export default function IssuedGrantsPage() {
  return <GrantsList side="grantor" />;
}
