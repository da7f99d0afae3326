// 导出 Excel: downloads the list as filtered now (every page, not only the one shown).
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PATHS } from '../api';
import type { QueryParams } from '../../../api/client';
import { download } from '../transfer';

export function ExportButton({ params }: { params: QueryParams }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await download(PATHS.export, params, `企业名录-${dayjs().format('YYYYMMDD')}.xlsx`);
      message.success('已导出当前筛选条件下的全部企业');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>{busy ? '正在导出…' : '导出 Excel'}</Button>;
}
