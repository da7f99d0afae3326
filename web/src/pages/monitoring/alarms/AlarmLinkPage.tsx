// /monitoring/alarms/:id (the link in alarm notices): the alarm list with that alarm open.
import { Navigate, useParams } from 'react-router';

export default function AlarmLinkPage() {
  const { id } = useParams();
  return <Navigate replace to={`/monitoring/alarms?view=all&alarm=${id}`} />;
}
