// A list's page, page size and filters, kept in the URL so that a list can be bookmarked,
// shared and restored with the back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const DEFAULT_PAGE_SIZE = 20;

interface ListParams {
  page: number;
  pageSize: number;
  filters: Record<string, string>;
}

export function useListParams(filterNames: readonly string[]) {
  const [search, setSearch] = useSearchParams();
  // Callers pass a fresh array each render; its content is what matters.
  const key = filterNames.join(',');
  const names = useMemo(() => (key ? key.split(',') : []), [key]);

  const params = useMemo<ListParams>(() => {
    const filters: Record<string, string> = {};
    for (const name of names) {
      const value = search.get(name);
      if (value) filters[name] = value;
    }
    return {
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: Math.min(200, Number(search.get('pageSize')) || DEFAULT_PAGE_SIZE),
      filters,
    };
  }, [search, names]);

  /** Sets filters (empty values remove them) and goes back to the first page. */
  const setFilters = useCallback((changes: Record<string, string | undefined>) => {
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      next.delete('page');
      return next;
    }, { replace: true });
  }, [setSearch]);

  const setPage = useCallback((page: number, pageSize: number) => {
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(page));
      if (pageSize === DEFAULT_PAGE_SIZE) next.delete('pageSize');
      else next.set('pageSize', String(pageSize));
      return next;
    });
  }, [setSearch]);

  const clearFilters = useCallback(() => {
    setFilters(Object.fromEntries(names.map((name) => [name, undefined])));
  }, [names, setFilters]);

  return { params, setFilters, setPage, clearFilters };
}
