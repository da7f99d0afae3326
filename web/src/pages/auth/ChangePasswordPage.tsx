// 修改密码: required after an initial or reset password and when the password has expired.
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { PasswordPolicy } from '../../api/types';
import { logout, ME_KEY, mustChangePassword, useMe } from '../../app/session';
import { AuthCard } from './AuthCard';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const me = useMe();
  const forced = mustChangePassword(me);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: ['/api/auth/password-policy'], queryFn: () => api.get<PasswordPolicy>('/api/auth/password-policy') });
  const change = useApiMutation(
    ({ currentPassword, newPassword }: ChangeForm) => api.post('/api/auth/change-password', { currentPassword, newPassword }),
    {
      success: '密码已修改',
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: ME_KEY });
        navigate('/', { replace: true });
      },
    },
  );

  return (
    <AuthCard title="修改密码">
      {forced && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={me.passwordExpired ? '密码已过期，请设置新密码后继续使用' : '首次登录或密码已被重置，请设置新密码后继续使用'} />
      )}
      {policy.data && (
        <Alert type="info" style={{ marginBottom: 16 }} title="密码要求"
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{policy.data.rules.map((rule) => <li key={rule}>{rule}</li>)}</ul>} />
      )}
      <Form<ChangeForm> layout="vertical" onFinish={(values) => change.mutate(values)}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[
          { required: true, message: '请输入新密码' },
          { min: policy.data?.minLength, message: `新密码至少 ${policy.data?.minLength} 位` },
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label="确认新密码" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
          }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending}>确认修改</Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        {forced
          ? <Button type="link" onClick={() => void logout()}>退出登录</Button>
          : <Button type="link" onClick={() => navigate('/')}>返回首页</Button>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 0 }}>
        {me.displayName}（{me.username}）
      </Typography.Paragraph>
    </AuthCard>
  );
}
