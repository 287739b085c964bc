// What a case in the library may show: the error with every person, customer, phone number,
// e-mail address and record id taken out, so a team can learn from it without naming anyone.

/** Replaces each known name (longest first), then phone numbers, e-mails and record ids. */
export function anonymise(text: string, names: readonly string[], placeholder: { person: string; id: string }): string {
  let out = text;
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of known) out = out.split(name).join(placeholder.person);
  return (
    out
      // e-mail addresses
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***')
      // mainland mobile and landline numbers, with or without separators
      .replace(/(\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}/g, '***')
      .replace(/0\d{2,3}[-\s]?\d{7,8}/g, '***')
      // record ids: WO-2026-0012, TK123456, cuid-like tokens
      .replace(/\b[A-Z]{2,5}-?\d[\d-]{3,}\b/g, placeholder.id)
      .replace(/\bc[a-z0-9]{20,}\b/g, placeholder.id)
  );
}
