// 校验审计链: asks the server to recompute the keyed hash chain and shows whether the trail is intact.
import { Alert, Button, Flex } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { AuditVerify } from '../../../api/types';

export function AuditVerifyButton() {
  const verify = useApiMutation(() => api.get<AuditVerify>('/api/audit/verify'));
  const result = verify.data;
  return (
    <Flex vertical gap={12} align="flex-start">
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate(undefined)}>校验审计链</Button>
      {result?.ok && (
        <Alert type="success" showIcon data-testid="audit-verify-result"
          title={`审计链完整：已校验 ${result.checked} 条记录，用时 ${Math.round(result.ms)} 毫秒，未发现篡改、删除或顺序调整。`} />
      )}
      {result && !result.ok && (
        <Alert type="error" showIcon data-testid="audit-verify-result"
          title={`审计链校验未通过：第 ${result.brokenAtSeq ?? '?'} 条记录起与链不符`}
          description={`原因：${result.reason ?? '未说明'}。已校验 ${result.checked} 条记录。请立即报告信息安全负责人，保留现场。`} />
      )}
    </Flex>
  );
}
