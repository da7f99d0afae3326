// The documents of a record: title, 文号, and the two ways out — the Word file and the printable page.
import { App, Button, Flex, List, Typography } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { formatTime } from '../../components/format';
import { documentHtml, downloadDocx, type EnfDocument } from './enforcementApi';

export function DocButtons({ d }: { d: EnfDocument }) {
  const { message } = App.useApp();
  return (
    <Flex gap={8} wrap>
      <Button size="small" icon={<FileWordOutlined />} onClick={() => downloadDocx(d).catch((e: Error) => message.error(e.message))}>下载 Word</Button>
      <Button size="small" icon={<PrinterOutlined />} href={documentHtml(d.id)} target="_blank">打印</Button>
    </Flex>
  );
}

export function DocumentLinks({ docs }: { docs: readonly EnfDocument[] }) {
  if (!docs.length) return <Typography.Text type="secondary">暂无文书</Typography.Text>;
  return (
    <List size="small" dataSource={[...docs]} data-testid="documents" renderItem={(d) => (
      <List.Item extra={<DocButtons d={d} />}>
        <List.Item.Meta title={`${d.kindLabel}${d.number ? ` ${d.number}` : ''}`}
          description={`${formatTime(d.issuedAt)} ${d.issuedByName}${d.services.length ? ` · 已送达（${d.services.map((s) => s.methodLabel).join('、')}）` : ''}`} />
      </List.Item>
    )} />
  );
}
