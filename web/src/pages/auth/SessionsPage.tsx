// 我的会话: where this account is signed in; a session elsewhere can be ended from here.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { SessionInfo } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeader } from '../../components/PageHeader';
import { SessionTable } from '../../components/SessionTable';

const PATH = '/api/auth/sessions';

export default function SessionsPage() {
  const sessions = useQuery({ queryKey: [PATH], queryFn: () => api.get<SessionInfo[]>(PATH) });
  const revoke = useApiMutation((id: string) => api.del(`${PATH}/${id}`), { success: '该会话已下线', invalidate: [PATH] });

  return (
    <>
      <PageHeader title="我的会话">
        如发现不认识的登录地点或设备，请将其下线并立即修改密码。
      </PageHeader>
      {sessions.isError && <Alert type="error" showIcon title={sessions.error.message} style={{ marginBottom: 12 }} />}
      <SessionTable sessions={sessions.data} loading={sessions.isFetching}
        action={(s) => (s.active && !s.current ? (
          <ConfirmButton type="link" size="small" danger confirm="确定让该会话下线？" description="该设备上需重新登录。"
            loading={revoke.isPending && revoke.variables === s.id} onConfirm={() => revoke.mutate(s.id)}>
            下线
          </ConfirmButton>
        ) : null)} />
    </>
  );
}
