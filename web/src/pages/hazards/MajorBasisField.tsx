// 重大隐患判定依据: pick the item of the national determination standard (searchable), or write it.
import { Flex, Input, Select } from 'antd';
import { basisGroupsFor, basisText } from './majorBasis';

interface Props {
  id?: string;
  value?: string;
  onChange?: (text: string) => void;
  /** The hazard's sector, whose standard is offered first. */
  sector?: string;
}

export function MajorBasisField({ id, value, onChange, sector }: Props) {
  const groups = basisGroupsFor(sector);
  const options = groups.map((g) => ({
    label: g.standard,
    title: g.standard,
    options: g.items.map((item) => ({ value: basisText(g, item), label: item })),
  }));
  return (
    <Flex vertical gap={8}>
      <Select size="large" placeholder="对照重大事故隐患判定标准选择条目（可输入关键字搜索）" value={null} options={options}
        showSearch={{ optionFilterProp: 'value' }} popupMatchSelectWidth style={{ width: '100%' }}
        optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
        onChange={(text: string) => onChange?.(text)} />
      <Input.TextArea id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={300} showCount placeholder="判定依据：标准名称及条款，如“《工贸企业重大事故隐患判定标准》第十一条（三）……”" />
    </Flex>
  );
}
