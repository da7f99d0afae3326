// The inbox's query keys and the unread count shown in the header and on the home page.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export const INBOX_KEY = '/api/inbox';
export const UNREAD_KEY = '/api/inbox/unread-count';

export function useUnreadCount() {
  return useQuery({ queryKey: [UNREAD_KEY], queryFn: () => api.get<{ count: number }>(UNREAD_KEY), refetchInterval: 5 * 60_000 });
}
