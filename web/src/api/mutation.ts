// useApiMutation: the one way a page changes data — shows the server's message on failure,
// an optional success message, and refreshes the lists it touched.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';

interface Options<T> {
  /** Shown after success; a function gets the result. */
  success?: string | ((result: T) => string);
  /** Query-key prefixes (usually API paths) to refresh after success. */
  invalidate?: string[];
  onSuccess?: (result: T) => void;
}

export function useApiMutation<V, T>(fn: (vars: V) => Promise<T>, options: Options<T> = {}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await Promise.all((options.invalidate ?? []).map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      const text = typeof options.success === 'function' ? options.success(result) : options.success;
      if (text) message.success(text);
      options.onSuccess?.(result);
    },
    onError: (error) => {
      message.error(error.message);
    },
  });
}
