// 导出 Excel: downloads a list as filtered now (every page, not only the one shown).
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { QueryParams } from '../../api/client';
import { download } from '../../api/transfer';

interface Props {
  /** The export route, e.g. /api/hazards/export. */
  path: string;
  params: QueryParams;
  /** File name stem when the server names none, e.g. 隐患台账 → 隐患台账-20261130.xlsx. */
  name: string;
  /** What was exported, for the success message, e.g. 隐患. */
  what: string;
}

export function ExportButton({ path, params, name, what }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await download(path, params, `${name}-${dayjs().format('YYYYMMDD')}.xlsx`);
      message.success(`已导出当前筛选条件下的全部${what}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>{busy ? '正在导出…' : '导出 Excel'}</Button>;
}
