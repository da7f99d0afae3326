// An account's login sessions, with "force sign-out everywhere" (e.g. a lost phone or a suspected leak).
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Grid } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Account, SessionInfo } from '../../../api/types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { SessionTable } from '../../../components/SessionTable';

export function AccountSessionsDrawer({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const phone = Grid.useBreakpoint().md === false;
  const path = `/api/accounts/${account?.id}/sessions`;
  const sessions = useQuery({ queryKey: [path], queryFn: () => api.get<SessionInfo[]>(path), enabled: !!account });
  const revoke = useApiMutation(() => api.post<{ revoked: number }>(`/api/accounts/${account?.id}/revoke-sessions`), {
    success: ({ revoked }) => (revoked ? `已强制下线 ${revoked} 个会话` : '没有需要下线的会话'),
    invalidate: [path],
  });
  const activeCount = sessions.data?.filter((s) => s.active).length ?? 0;

  return (
    <Drawer open={!!account} onClose={onClose} size={phone ? '100%' : 860} destroyOnHidden
      title={account ? `${account.displayName}（${account.username}）的登录会话` : ''}
      extra={(
        <ConfirmButton danger disabled={activeCount === 0} loading={revoke.isPending} onConfirm={() => revoke.mutate(undefined)}
          confirm="确定强制下线该账号的全部会话？" description="该账号在所有设备上都需要重新登录。">
          全部下线
        </ConfirmButton>
      )}>
      {sessions.isError && <Alert type="error" showIcon title={sessions.error.message} style={{ marginBottom: 12 }} />}
      <SessionTable sessions={sessions.data} loading={sessions.isFetching} />
    </Drawer>
  );
}
