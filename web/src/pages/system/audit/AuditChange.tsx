// The expanded row of an audit record: the data before and after the change, as JSON.
import { Col, Row, Typography } from 'antd';
import type { AuditRecord } from '../../../api/types';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ margin: '4px 0 0', padding: 8, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, maxHeight: 360, overflow: 'auto', fontSize: 12 }}>
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </Col>
  );
}

export function AuditChange({ record }: { record: AuditRecord }) {
  return (
    <>
      <Row gutter={[16, 12]}>
        <JsonBlock title="变更前" value={record.before} />
        <JsonBlock title="变更后" value={record.after} />
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        记录 ID {record.id} · 请求 ID {record.requestId ?? '—'}
      </Typography.Paragraph>
    </>
  );
}
