// Listens to the server's event stream (SSE) while signed in and refreshes what an event changes.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { INBOX_KEY, UNREAD_KEY } from '../inbox';

export function useServerEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ queryKey: [UNREAD_KEY] });
      void queryClient.invalidateQueries({ queryKey: [INBOX_KEY] });
    });
    return () => source.close();
  }, [queryClient]);
}
