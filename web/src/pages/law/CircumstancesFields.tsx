// The circumstances (情节) a benchmark grades by: first offence, corrected in time, consequences, overdue or refused.
import { Checkbox, Flex, Select } from 'antd';
import { CONSEQUENCES, optionsOf, type Circumstances } from './lawApi';

export const INITIAL_CIRCUMSTANCES: Circumstances = { firstOffence: true, correctedInTime: false, consequence: 'none', overdueOrRefused: false };

export function CircumstancesFields({ value, onChange }: { value: Circumstances; onChange: (c: Circumstances) => void }) {
  const set = (patch: Partial<Circumstances>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={12} align="center">
      <Checkbox checked={value.firstOffence} onChange={(e) => set({ firstOffence: e.target.checked })}>初次违法</Checkbox>
      <Checkbox checked={value.correctedInTime} onChange={(e) => set({ correctedInTime: e.target.checked })}>及时改正</Checkbox>
      <Checkbox checked={!!value.overdueOrRefused} onChange={(e) => set({ overdueOrRefused: e.target.checked })}>逾期未改正或拒不执行</Checkbox>
      <Select aria-label="危害后果" value={value.consequence} style={{ width: 200 }} options={optionsOf(CONSEQUENCES)}
        onChange={(consequence) => set({ consequence })} />
    </Flex>
  );
}
