// The tip-off form's proof of work: find a nonce so that SHA-256(salt + ":" + nonce) starts with `bits` zero bits
// (the server's published rule); a second or so in a phone's browser, costly for a script sending thousands.
const leadingZeroBits = (h: Uint8Array, bits: number) => {
  for (let i = 0; i < bits; i++) if (h[i >> 3] & (0x80 >> (i & 7))) return false;
  return true;
};

export async function solve(salt: string, bits: number): Promise<string> {
  const enc = new TextEncoder();
  for (let n = 0; ; n++) {
    const h = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`${salt}:${n}`)));
    if (leadingZeroBits(h, bits)) return String(n);
  }
}
