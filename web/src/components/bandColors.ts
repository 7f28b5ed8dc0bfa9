/** Bands from the best down: green, blue, amber, orange, red; colour-blind readers also get the label in text. */
const PALETTE = ['#1a7f37', '#0969da', '#9a6700', '#bc4c00', '#cf222e', '#6e7781'];
const NO_BAND = '#8c959f';

/** A colour per band label, the highest minimum first, for the table's badges and the chart's bars alike. */
export function bandColors(bands: { label: string; minIndexPercent: number }[]): (label: string | null | undefined) => string {
  const order = [...new Map(bands.map((b) => [b.label, b.minIndexPercent])).entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
  return (label) => (label ? (PALETTE[order.indexOf(label)] ?? NO_BAND) : NO_BAND);
}
