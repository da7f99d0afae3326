// A phone number that dials when tapped on a phone (tel: link); a dash when there is none.
import { PhoneOutlined } from '@ant-design/icons';

/** `tel:` target: digits only, a landline's extension after a pause (0730-1234567-123 → 07301234567,123). */
function dialString(phone: string): string {
  const landline = phone.match(/^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/);
  if (landline) return `${landline[1]}${landline[2]}${landline[3] ? `,${landline[3]}` : ''}`;
  return phone.replace(/[^0-9+]/g, '');
}

export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return <span>—</span>;
  return (
    <a href={`tel:${dialString(phone)}`} aria-label={`拨打 ${phone}`} style={{ whiteSpace: 'nowrap' }}>
      <PhoneOutlined style={{ marginInlineEnd: 4 }} />{phone}
    </a>
  );
}
