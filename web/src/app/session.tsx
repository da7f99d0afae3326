// The signed-in account: loaded once from /api/auth/me, required by every page behind the login,
// and the forced password change (initial, reset or expired password) before anything else.
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';
import { FullPageSpin } from '../components/FullPageSpin';
import { Forbidden } from '../components/StatusPages';

export const ME_KEY = ['/api/auth/me'];

const SessionContext = createContext<Me | null>(null);

/** The signed-in account; only inside <SessionGate>. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe() outside <SessionGate>');
  return me;
}

/** Whether the account must set a new password before anything else. */
export function mustChangePassword(me: Me): boolean {
  return me.mustChangePassword || me.passwordExpired;
}

/** Ends the session and reloads at the login page, dropping every cached answer. */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout').catch(() => undefined);
  window.location.assign('/login');
}

/** Renders its routes only for a signed-in account; sends a forced password change to /change-password. */
export function SessionGate() {
  const { pathname } = useLocation();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => api.get<Me>('/api/auth/me'), retry: false, staleTime: 5 * 60_000 });
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    // A 401 has already sent the browser to /login.
    if (me.error instanceof ApiError && me.error.status === 401) return <FullPageSpin />;
    return (
      <Result status="error" title="无法获取登录信息" subTitle={me.error.message}
        extra={<Button type="primary" onClick={() => me.refetch()}>重试</Button>} />
    );
  }
  if (mustChangePassword(me.data) && pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}

/** Shows its children only to an account holding `perm`; otherwise the 403 page. */
export function RequirePermission({ perm, children }: { perm: string; children: ReactNode }) {
  const me = useMe();
  return me.permissions.includes(perm) ? children : <Forbidden />;
}
