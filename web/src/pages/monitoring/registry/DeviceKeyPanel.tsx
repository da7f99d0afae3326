// The device key (设备密钥): issue (a new one cuts the old one off), shown once with a copy button and a warning
// that it will not be shown again, with the MQTT topic and user name; revoke (cuts the device off at once).
import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DEVICES, type Device, type DeviceKey } from '../monitoringApi';

export function DeviceKeyPanel({ device }: { device: Device }) {
  const [issued, setIssued] = useState<DeviceKey | null>(null);
  const issue = useApiMutation(() => api.post<DeviceKey>(`${DEVICES}/${device.id}/key`), { invalidate: [DEVICES], onSuccess: setIssued });
  const revoke = useApiMutation(() => api.post<Device>(`${DEVICES}/${device.id}/key/revoke`), { invalidate: [DEVICES], success: '密钥已吊销，设备已断开' });
  return (
    <Flex vertical gap={8} data-testid="device-key">
      <Typography.Text>
        {device.hasKey ? <>已签发密钥（前缀 <Typography.Text code>{device.keyPrefix}</Typography.Text>）。</> : '尚未签发密钥，设备还不能上报数据。'}
      </Typography.Text>
      <Flex gap={8} wrap>
        {device.hasKey
          ? <ConfirmButton icon={<KeyOutlined />} confirm="确定重新签发密钥？" description="旧密钥立即失效，设备须换用新密钥。" onConfirm={() => issue.mutate(undefined)} loading={issue.isPending}>重新签发密钥</ConfirmButton>
          : <Button type="primary" icon={<KeyOutlined />} onClick={() => issue.mutate(undefined)} loading={issue.isPending}>签发密钥</Button>}
        {device.hasKey && <ConfirmButton danger confirm="确定吊销该设备的密钥？" description="设备将立即断开，不能再上报数据，直到重新签发。" onConfirm={() => revoke.mutate(undefined)} loading={revoke.isPending}>吊销密钥</ConfirmButton>}
      </Flex>
      <Modal open={!!issued} title="设备密钥" onCancel={() => setIssued(null)} footer={<Button type="primary" onClick={() => setIssued(null)}>我已妥善保存</Button>} width={640} centered maskClosable={false}>
        {issued && (
          <Flex vertical gap={12}>
            <Alert type="warning" showIcon title="密钥只显示这一次" description="请立即复制并配置到设备中。关闭本窗口后无法再次查看；遗失只能重新签发（旧密钥随即失效）。" />
            <Descriptions column={1} size="small" bordered items={[
              { label: '密钥', children: <Typography.Paragraph copyable={{ text: issued.key, tooltips: ['复制', '已复制'] }} code style={{ marginBottom: 0, wordBreak: 'break-all' }} data-testid="device-key-value">{issued.key}</Typography.Paragraph> },
              { label: 'HTTP 上报', children: <>POST /api/monitoring/readings，请求头 <Typography.Text code>X-Api-Key</Typography.Text></> },
              { label: 'MQTT 用户名', children: <Typography.Text code copyable>{issued.mqtt.username}</Typography.Text> },
              { label: 'MQTT 主题', children: <Typography.Text code copyable>{issued.mqtt.topic}</Typography.Text> },
            ]} />
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
