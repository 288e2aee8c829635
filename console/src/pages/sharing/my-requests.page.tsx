import { SharingList } from './sharing.list';

/** My organisation's sharing requests (共享申请). */
export default function MyRequestsPage() {
  return <SharingList box="sent" />;
}
