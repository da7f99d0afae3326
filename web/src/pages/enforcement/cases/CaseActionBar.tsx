// The workflow action bar of a case: one button per move the server allows now; each opens its form and asks
// for confirmation before it posts.
import { useState } from 'react';
import { Button, Flex } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { ActionModal } from '../ActionModal';
import { CASES, DOCUMENTS, type CaseDetail } from '../enforcementApi';
import { CASE_ACTIONS, type CaseAction } from './caseActions';

export function CaseActionBar({ c }: { c: CaseDetail }) {
  const [action, setAction] = useState<CaseAction>();
  const run = useApiMutation((v: Record<string, unknown>) => api.post<CaseDetail>(`${CASES}/${c.id}/${action!.path}`, action!.body ? action!.body(v) : v),
    { invalidate: [CASES, DOCUMENTS], success: () => `已${action?.label}` });
  const actions = c.allowedMoves.map((m) => CASE_ACTIONS[m]).filter(Boolean);
  if (!actions.length) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {actions.map((a) => <Button key={a.path} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setAction(a)}>{a.label}</Button>)}
      </Flex>
      {action && <ActionModal open title={action.label} fields={action.fields} confirm={action.confirm} danger={action.danger} pending={run.isPending}
        onSubmit={(v) => run.mutateAsync(v)} onClose={() => setAction(undefined)} />}
    </>
  );
}
