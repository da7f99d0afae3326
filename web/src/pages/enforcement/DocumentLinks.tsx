// The documents of a record: title, 文号, its 送达 records, and the ways out — the Word file, the printable page —
// and, for those who may write, 登记送达 (the 处罚决定书 is served through its case, which starts the payment period).
import { useState } from 'react';
import { App, Button, Flex, List, Typography } from 'antd';
import { FileWordOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { formatTime } from '../../components/format';
import { ActionModal } from './ActionModal';
import { serviceBody, serviceFields } from './documents/serviceFields';
import { CASES, DOCUMENTS, INSPECTIONS, documentHtml, downloadDocx, type EnfDocument } from './enforcementApi';

/** Whether a document's 送达 is registered here (a receipt is not served; the 处罚决定书 is served through its case). */
export const canServe = (d: EnfDocument) => !['service_receipt', 'penalty_decision'].includes(d.kind);

export function DocButtons({ d }: { d: EnfDocument }) {
  const { message } = App.useApp();
  return (
    <Flex gap={8} wrap>
      <Button size="small" icon={<FileWordOutlined />} onClick={() => downloadDocx(d).catch((e: Error) => message.error(e.message))}>下载 Word</Button>
      <Button size="small" icon={<PrinterOutlined />} href={documentHtml(d.id)} target="_blank">打印</Button>
    </Flex>
  );
}

/** 登记送达 of one document: the form, confirmation, and a 送达回执 made by the server. */
export function ServeButton({ d }: { d: EnfDocument }) {
  const [open, setOpen] = useState(false);
  const serve = useApiMutation((v: Record<string, unknown>) => api.post(`${DOCUMENTS}/${d.id}/service`, serviceBody(v)),
    { invalidate: [DOCUMENTS, INSPECTIONS, CASES], success: '已登记送达，并制作送达回执' });
  return (
    <>
      <Button size="small" icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="serve-document">登记送达</Button>
      <ActionModal open={open} title={`登记送达：${d.title}${d.number ?? ''}`} fields={serviceFields(d.enterpriseId)} confirm="登记后将制作送达回执，记录不能修改。"
        pending={serve.isPending} onSubmit={(v) => serve.mutateAsync(v)} onClose={() => setOpen(false)} initialValues={{ method: 'direct' }} testId="service-modal" />
    </>
  );
}

const served = (d: EnfDocument) => d.services.map((s) => `${s.methodLabel} ${formatTime(s.servedAt)} ${s.recipient}${s.refusalNote ? `（${s.refusalNote}）` : ''}`).join('；');

export function DocumentLinks({ docs }: { docs: readonly EnfDocument[] }) {
  const me = useMe();
  const canWrite = me.permissions.includes('enforcement:write');
  if (!docs.length) return <Typography.Text type="secondary">暂无文书</Typography.Text>;
  return (
    <List size="small" dataSource={[...docs]} data-testid="documents" renderItem={(d) => (
      <List.Item>
        {/* Buttons under the title, not beside it: three of them leave no room for the title on a phone. */}
        <Flex vertical gap={6} style={{ width: '100%' }}>
          <List.Item.Meta title={`${d.kindLabel}${d.number ? ` ${d.number}` : ''}`}
            description={<>{formatTime(d.issuedAt)} {d.issuedByName}{d.services.length > 0 && <div data-testid="document-served">已送达：{served(d)}</div>}</>} />
          <Flex gap={8} wrap><DocButtons d={d} />{canWrite && canServe(d) && <ServeButton d={d} />}</Flex>
        </Flex>
      </List.Item>
    )} />
  );
}
