// 登录: username and password; a forced password change follows when the server asks for one.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, LOGIN_NOTICE_KEY } from '../../api/client';
import type { Me } from '../../api/types';
import { ME_KEY, mustChangePassword } from '../../app/session';
import { AuthCard } from './AuthCard';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  // Why the last session ended, if it did (read once).
  const [notice] = useState(() => {
    const text = sessionStorage.getItem(LOGIN_NOTICE_KEY);
    sessionStorage.removeItem(LOGIN_NOTICE_KEY);
    return text;
  });
  const [pending, setPending] = useState(false);

  async function submit(values: LoginForm) {
    setPending(true);
    setError(undefined);
    try {
      const me = await api.post<Me>('/api/auth/login', values);
      queryClient.setQueryData(ME_KEY, me);
      navigate(mustChangePassword(me) ? '/change-password' : safeNext(search.get('next')), { replace: true });
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  return (
    <AuthCard title="用户登录">
      {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginForm> size="large" onFinish={submit} autoComplete="on">
        <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>登录</Button>
      </Form>
    </AuthCard>
  );
}
