// Shows a new account's (or a reset) initial password once, with a copy button.
import { Alert, Modal, Typography } from 'antd';
import type { AccountWithPassword } from '../../../api/types';

export interface IssuedPassword extends AccountWithPassword {
  reason: 'created' | 'reset';
}

export function InitialPasswordModal({ issued, onClose }: { issued: IssuedPassword | null; onClose: () => void }) {
  return (
    <Modal open={!!issued} title={issued?.reason === 'created' ? '账号已创建' : '密码已重置'} onOk={onClose} onCancel={onClose}
      okText="我已记下" footer={(_, { OkBtn }) => <OkBtn />} mask={{ closable: false }}>
      {issued && (
        <>
          <Typography.Paragraph>
            账号 <Typography.Text strong>{issued.account.username}</Typography.Text>（{issued.account.displayName}）的初始密码：
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: issued.initialPassword, tooltips: ['复制', '已复制'] }}
            style={{ fontSize: 20, fontFamily: 'monospace' }}>
            <span data-testid="initial-password">{issued.initialPassword}</span>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title="此密码只显示这一次"
            description="请通过安全方式交给本人。本人首次登录时必须修改密码。" />
        </>
      )}
    </Modal>
  );
}
