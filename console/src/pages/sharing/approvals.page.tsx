import { SharingList } from './sharing.list';

/** The source unit's inbox of sharing requests (共享审批). */
export default function ApprovalsPage() {
  return <SharingList box="received" />;
}
