// The enforcement record of one enterprise (检查、案件、措施、文书), shared by its two tabs.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Static } from '@sinclair/typebox';
import type { EnterpriseEnforcement } from '../../../../../contracts/enforcement';

export function useEnterpriseEnforcement(enterpriseId: string) {
  return useQuery({
    queryKey: ['/api/enforcement/enterprises', enterpriseId],
    queryFn: () => api.get<Static<typeof EnterpriseEnforcement>>(`/api/enforcement/enterprises/${enterpriseId}`),
  });
}
