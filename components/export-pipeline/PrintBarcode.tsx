import { useMemo } from 'react';
import { CODE128_QUIET_ZONE_MODULES, code128Bars } from '../../utils/export/barcode';

/**
 * Code 128 of the order number as SVG rectangles (same encoder as the PDF labels), so the
 * print view needs no canvas or HTML strings. Unencodable text shows nothing here; the number
 * still prints as text beside it.
 */
export function PrintBarcode({ text }: { text: string }) {
  const symbol = useMemo(() => {
    try {
      return code128Bars(text);
    } catch {
      return null;
    }
  }, [text]);
  if (!symbol) return null;
  const width = symbol.modules + 2 * CODE128_QUIET_ZONE_MODULES;
  return (
    <svg className="sv-print-label__barcode" viewBox={`0 0 ${width} 40`} preserveAspectRatio="none" role="img" aria-label={text}>
      {symbol.bars.map((bar, i) => (
        <rect key={i} x={bar.start + CODE128_QUIET_ZONE_MODULES} y={0} width={bar.width} height={40} fill="#000" />
      ))}
    </svg>
  );
}
