import { formatAddress } from 'localized-address-format';
import type { BuyerPii } from '../vault/buyer-pii';

/**
 * Postal lines of the buyer (no name, no phone) in the destination country's convention (issue 14):
 * postcode before the city in Japan and much of Europe ("10623 Berlin"), "City, ST 12345" in the
 * US, big-to-small order (postcode, province, city, street) for Chinese, Japanese and Korean
 * addresses written in their own script. The per-country formats are Google's libaddressinput
 * data as packaged by `localized-address-format` (docs/decisions.md), not rules of ours.
 *
 * The country is the captured ISO code (the capture step resolved it from the name); without one
 * the library's default format applies. The country's name is always the last line (UPU: the
 * destination country last, so the carrier of the origin country can read it).
 *
 * Nothing captured is dropped, except the state/province of countries whose convention has none
 * (Germany, France…): a city or district the format has no place for joins the address lines, a
 * postcode it has no place for ends the last line.
 */
export function postalAddressLines(to: BuyerPii): string[] {
  const country = to.countryCode?.trim().toUpperCase() || 'ZZ';
  const streets = [to.addressLine1, to.addressLine2, to.addressLine3].map(clean).filter(Boolean);
  const city = clean(to.city);
  const district = clean(to.district);
  const postcode = clean(to.postcode);
  const state = clean(to.state);
  const local = usesLocalScript(to);
  const lines = formatAddress(
    {
      postalCountry: country,
      administrativeArea: state,
      locality: city,
      dependentLocality: district,
      postalCode: postcode,
      addressLines: streets,
    },
    local ? 'local' : 'latin',
  );
  const has = (value: string) => value === '' || lines.some((line) => line.includes(value));
  // A format without a place for the district or city (Japan's has neither: they belong in the
  // street lines there) gets them next to the street lines: before them in big-to-small order.
  const missingPlaces = [district, city].filter((value) => !has(value));
  if (missingPlaces.length > 0) {
    const firstStreet = streets.length > 0 ? lines.findIndex((line) => line.includes(streets[0]!)) : -1;
    if (local && firstStreet >= 0) lines.splice(firstStreet, 0, missingPlaces.reverse().join(' '));
    else {
      const lastStreet = streets.length > 0 ? lines.findIndex((line) => line.includes(streets.at(-1)!)) : -1;
      lines.splice(lastStreet + 1, 0, missingPlaces.join(', '));
    }
  }
  if (!has(postcode)) {
    if (lines.length === 0) lines.push(postcode);
    else lines[lines.length - 1] = `${lines.at(-1)} ${postcode}`;
  }
  const countryName = clean(to.country);
  if (countryName) lines.push(countryName);
  return lines.filter((line) => line.trim().length > 0);
}

/** Han, kana or Hangul in the address: written in the country's own script, so its local order applies. */
export function usesLocalScript(to: BuyerPii): boolean {
  return CJK.test([to.addressLine1, to.addressLine2, to.addressLine3, to.city, to.state, to.district].filter(Boolean).join(''));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
