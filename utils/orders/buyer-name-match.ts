/**
 * Buyer-name search text: case-insensitive, accents ignored ("elodie" finds "Élodie"),
 * full-width forms folded (NFKC), so a seller can type a name the way a keyboard allows.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function buyerNameMatches(name: string, query: string): boolean {
  const needle = foldName(query);
  return needle.length > 0 && foldName(name).includes(needle);
}

/** Order numbers are "PO-" + digits: anything else typed in the search box is a buyer name. */
export function looksLikeOrderSn(query: string): boolean {
  return /^(po-?)?[\d-]*$/i.test(query.trim());
}
