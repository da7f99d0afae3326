// The role catalogue as the server reports it, for pickers and labels.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Role } from '../../../api/types';

export function useRoles() {
  const roles = useQuery({ queryKey: ['/api/roles'], queryFn: () => api.get<Role[]>('/api/roles'), staleTime: Infinity });
  const options = (roles.data ?? []).map((role) => ({ value: role.code, label: role.name, title: role.description }));
  const nameOf = (code: string) => roles.data?.find((role) => role.code === code)?.name ?? code;
  return { options, nameOf };
}
