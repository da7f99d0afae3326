// A button that asks before it acts (Popconfirm), for destructive or hard-to-undo actions.
import type { ReactNode } from 'react';
import { Button, Popconfirm, type ButtonProps } from 'antd';

interface Props extends Omit<ButtonProps, 'onClick'> {
  /** The question, e.g. 确定禁用该账号？ */
  confirm: ReactNode;
  description?: ReactNode;
  okText?: string;
  onConfirm: () => void;
}

export function ConfirmButton({ confirm, description, okText = '确定', onConfirm, danger, ...button }: Props) {
  return (
    <Popconfirm title={confirm} description={description} okText={okText} cancelText="取消"
      okButtonProps={{ danger }} onConfirm={onConfirm}>
      <Button danger={danger} {...button} />
    </Popconfirm>
  );
}
