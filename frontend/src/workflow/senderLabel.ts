export interface SenderOption {
  id: string;
  name: string;
  smsNumber?: string | null;
  senderNumber: string;
  fromName: string;
}

/**
 * "Jane Doe — +61480000001 · From: Jane Doe": who sends, and the number and From name the
 * candidate will see. Users without their own number send from the company number.
 */
export function senderLabel(sender: SenderOption): string {
  const number = sender.smsNumber ? sender.senderNumber : `${sender.senderNumber} (company number)`;
  return `${sender.name} — ${number} · From: ${sender.fromName}`;
}
