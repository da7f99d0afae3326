// A signature written with a finger on the phone's screen, uploaded as a PNG; value is the uploaded file id.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Image } from 'antd';
import { fileUrl, uploadPhoto } from '../../hazards/hazardApi';

interface Props { value?: string; onChange?: (id: string | undefined) => void; enterpriseId?: string | null }

export function SignaturePad({ value, onChange, enterpriseId }: Props) {
  const { message } = App.useApp();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    c.width = c.clientWidth * devicePixelRatio;
    c.height = c.clientHeight * devicePixelRatio;
    const g = c.getContext('2d')!;
    g.scale(devicePixelRatio, devicePixelRatio);
    g.lineWidth = 2.5; g.lineCap = 'round'; g.strokeStyle = '#111';
  }, [value]);

  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };

  async function save() {
    const blob = await new Promise<Blob | null>((resolve) => canvas.current!.toBlob(resolve, 'image/png'));
    if (!blob) return;
    setBusy(true);
    try {
      onChange?.(await uploadPhoto(new File([blob], '签名.png', { type: 'image/png' }), enterpriseId));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (value) {
    return (
      <Flex gap={8} align="center">
        <Image src={fileUrl(value)} height={80} alt="签名" />
        <Button onClick={() => { onChange?.(undefined); setDirty(false); }}>重新签名</Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <canvas ref={canvas} data-testid="signature-pad" style={{ width: '100%', height: 160, border: '1px dashed #bbb', borderRadius: 6, touchAction: 'none', background: '#fff' }}
        onPointerDown={(e) => { drawing.current = true; const [x, y] = at(e); const g = e.currentTarget.getContext('2d')!; g.beginPath(); g.moveTo(x, y); }}
        onPointerMove={(e) => { if (!drawing.current) return; const [x, y] = at(e); const g = e.currentTarget.getContext('2d')!; g.lineTo(x, y); g.stroke(); setDirty(true); }}
        onPointerUp={() => { drawing.current = false; }} onPointerLeave={() => { drawing.current = false; }} />
      <Flex gap={8}>
        <Button onClick={() => { const c = canvas.current!; c.getContext('2d')!.clearRect(0, 0, c.width, c.height); setDirty(false); }}>清除</Button>
        <Button type="primary" disabled={!dirty} loading={busy} onClick={save}>确认签名</Button>
      </Flex>
    </Flex>
  );
}
