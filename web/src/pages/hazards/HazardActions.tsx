// The action bar of a hazard: one button per move the server allows this account now (allowedMoves).
import { useState } from 'react';
import { Button, Flex, Grid } from 'antd';
import { useMe } from '../../app/session';
import { isMyTodo, MOVE_LABELS, type MoveKey } from './codes';
import type { HazardDetail } from './hazardApi';
import { MoveModal } from './moves/MoveModal';
import { MOVE_SPECS, type MoveSpec } from './moves/moveSpecs';

const ORDER = Object.keys(MOVE_LABELS) as MoveKey[];

export function HazardActions({ hazard }: { hazard: HazardDetail }) {
  const phone = Grid.useBreakpoint().md === false;
  const me = useMe();
  const mayAct = me.permissions.includes('hazard:write');
  // The move that is this account's work is the primary button (the same rule as 我的待办).
  const primary = (m: MoveKey) => (m === 'assign' || m === 'submit' || m === 'accept') && isMyTodo({ ...hazard, allowedMoves: [m] }, me.scope.kind === 'enterprise');
  const [spec, setSpec] = useState<MoveSpec | null>(null);
  // An extension already waiting for a decision cannot be requested again.
  const pendingExtension = hazard.extensions.some((x) => !x.decision);
  // allowedMoves follows the workflow and the account's scope; acting at all needs hazard:write (a leader only reads).
  const moves = mayAct ? ORDER.filter((m) => hazard.allowedMoves.includes(m) && !(m === 'extend' && pendingExtension)) : [];
  if (!moves.length) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="hazard-actions" style={phone ? { width: '100%' } : undefined}>
        {moves.map((m) => (
          <Button key={m} type={primary(m) ? 'primary' : 'default'} danger={m === 'reject'} size={phone ? 'large' : 'middle'}
            style={phone ? { flex: '1 1 40%' } : undefined} onClick={() => setSpec(MOVE_SPECS[m])}>
            {MOVE_LABELS[m]}
          </Button>
        ))}
      </Flex>
      <MoveModal spec={spec} hazard={hazard} onClose={() => setSpec(null)} />
    </>
  );
}
