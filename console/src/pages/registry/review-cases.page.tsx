/** The reviewer's workbench (评审任务): the applications on a compliance panel the caller sits on. */
import { ApplicationsList } from './registry-list.view';

export default function ReviewCasesPage() {
  return <ApplicationsList box="review" />;
}
