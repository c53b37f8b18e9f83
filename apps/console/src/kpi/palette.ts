/** Distinguishable colours (Okabe–Ito), cycled by series index. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];

export function colourAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#000000';
}
