// The router: login and the forced password change outside the frame, every other page inside it,
// each page of the route table behind its permission.
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotBuilt } from '../components/NotBuilt';
import { NotFound } from '../components/StatusPages';
import { ROUTE_GROUPS } from './routes';
import { RequirePermission, SessionGate } from './session';
import { AppLayout } from './layout/AppLayout';

const LoginPage = lazy(() => import('../pages/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage'));
const SessionsPage = lazy(() => import('../pages/auth/SessionsPage'));
const HomePage = lazy(() => import('../pages/home/HomePage'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage'));
const PublicDrawsPage = lazy(() => import('../pages/public/PublicDrawsPage'));
const PublicTipoffPage = lazy(() => import('../pages/public/PublicTipoffPage'));

const tableRoutes: RouteObject[] = ROUTE_GROUPS.flatMap((group) =>
  group.entries.map((entry) => ({
    path: entry.path,
    element: (
      <RequirePermission perm={entry.perm}>
        {entry.page ? <entry.page /> : <NotBuilt entry={entry} />}
      </RequirePermission>
    ),
  })),
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Without login: 双随机 results (公示) and 举报 with its tracking code.
  { path: '/public/draws/:id?', element: <PublicDrawsPage /> },
  { path: '/public/tipoffs', element: <PublicTipoffPage /> },
  {
    element: <SessionGate />,
    children: [
      { path: '/change-password', element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/inbox', element: <InboxPage /> },
          { path: '/me/sessions', element: <SessionsPage /> },
          ...tableRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
