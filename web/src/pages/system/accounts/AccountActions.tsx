// The actions of one account row: edit, sessions, and under 更多 the ones that need a confirmation.
import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Account, AccountWithPassword } from '../../../api/types';

interface Props {
  account: Account;
  onEdit: () => void;
  onSessions: () => void;
  onPasswordReset: (result: AccountWithPassword) => void;
}

const LIST = ['/api/accounts'];

/** For a confirm dialog's onOk: it closes when done; a failure is already shown by useApiMutation. */
const settle = (run: () => Promise<unknown>) => () => run().catch(() => undefined);

export function AccountActions({ account, onEdit, onSessions, onPasswordReset }: Props) {
  const { modal } = App.useApp();
  const base = `/api/accounts/${account.id}`;
  const who = `「${account.displayName}（${account.username}）」`;
  const reset = useApiMutation(() => api.post<AccountWithPassword>(`${base}/reset-password`), { invalidate: LIST, onSuccess: onPasswordReset });
  const disable = useApiMutation(() => api.post<Account>(`${base}/disable`), { success: `已禁用${who}`, invalidate: LIST });
  const enable = useApiMutation(() => api.post<Account>(`${base}/enable`), { success: `已启用${who}`, invalidate: LIST });
  const unlock = useApiMutation(() => api.post<Account>(`${base}/unlock`), { success: `已解锁${who}`, invalidate: LIST });

  const items: MenuProps['items'] = [
    { key: 'reset', label: '重置密码' },
    ...(account.locked ? [{ key: 'unlock', label: '解除锁定' }] : []),
    account.disabled ? { key: 'enable', label: '启用' } : { key: 'disable', label: '禁用', danger: true },
  ];

  function onMenu({ key }: { key: string }) {
    if (key === 'reset') {
      modal.confirm({
        title: `确定重置${who}的密码？`,
        content: '将生成新的初始密码，原密码立即失效，本人下次登录须修改密码。',
        okText: '重置', cancelText: '取消', onOk: settle(() => reset.mutateAsync(undefined)),
      });
    } else if (key === 'disable') {
      modal.confirm({
        title: `确定禁用${who}？`,
        content: '禁用后该账号不能登录，已登录的会话将失效。可随时重新启用。',
        okText: '禁用', okButtonProps: { danger: true }, cancelText: '取消', onOk: settle(() => disable.mutateAsync(undefined)),
      });
    } else if (key === 'enable') {
      modal.confirm({ title: `确定启用${who}？`, okText: '启用', cancelText: '取消', onOk: settle(() => enable.mutateAsync(undefined)) });
    } else if (key === 'unlock') {
      unlock.mutate(undefined);
    }
  }

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>编辑</Button>
      <Button type="link" size="small" onClick={onSessions}>会话</Button>
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
        <Button type="link" size="small">更多 <DownOutlined /></Button>
      </Dropdown>
    </Space>
  );
}
