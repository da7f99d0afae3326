// One checklist item on a phone: its text and basis, two large buttons 合格 / 不合格, and for a failed
// item a note and photos.
import { Button, Card, Flex, Input, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { CitedList } from '../../law/CitesField';
import type { CiteValue } from '../../law/lawApi';
import { PhotoUpload } from '../PhotoUpload';

export interface ItemResult { ok?: boolean; note?: string; photos?: string[] }

interface Props {
  index: number;
  item: { code: string; text: string; basis?: string; cites?: CiteValue[] };
  result: ItemResult;
  enterpriseId?: string | null;
  onChange: (next: ItemResult) => void;
}

export function CheckItemCard({ index, item, result, enterpriseId, onChange }: Props) {
  const failed = result.ok === false;
  return (
    <Card size="small" data-testid={`check-item-${item.code}`}
      style={{ borderLeft: `4px solid ${result.ok === undefined ? '#d9d9d9' : failed ? '#ff4d4f' : '#52c41a'}` }}>
      <Flex vertical gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }}>{index + 1}. {item.text}</Typography.Text>
        {item.basis && <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{item.basis}</Typography.Text>}
        {item.cites?.some((c) => c.resolved) && <Flex gap={4} wrap style={{ fontSize: 12 }}><CitedList cites={item.cites.filter((c) => c.resolved)} /></Flex>}
        <Flex gap={8}>
          <Button size="large" block icon={<CheckOutlined />} type={result.ok === true ? 'primary' : 'default'}
            style={result.ok === true ? { background: '#52c41a', borderColor: '#52c41a' } : undefined}
            onClick={() => onChange({ ok: true })}>合格</Button>
          <Button size="large" block icon={<CloseOutlined />} danger type={failed ? 'primary' : 'default'}
            onClick={() => onChange({ ...result, ok: false })}>不合格</Button>
        </Flex>
        {failed && (
          <>
            <Input.TextArea value={result.note} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="问题说明，如：3 号除尘器泄爆片缺失"
              onChange={(e) => onChange({ ...result, note: e.target.value })} />
            <PhotoUpload value={result.photos ?? []} enterpriseId={enterpriseId} max={10} testId={`check-${item.code}-photos`}
              onChange={(photos) => onChange({ ...result, photos })} />
          </>
        )}
      </Flex>
    </Card>
  );
}
