/** A plain-text table: text columns left-aligned, numeric columns right-aligned. */
export function formatTable(headers: string[], rows: (string | number)[][], digits = 3): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? formatNumber(cell, digits) : cell)),
  );
  const numeric = headers.map((_, k) =>
    rows.every((row) => typeof row[k] === 'number' || /^[\d.±\s–e-]*$/.test(String(row[k]))),
  );
  const widths = headers.map((header, k) => Math.max(header.length, ...cells.map((row) => row[k].length)));
  const line = (row: string[]) =>
    row
      .map((cell, k) => (numeric[k] ? cell.padStart(widths[k]) : cell.padEnd(widths[k])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function formatNumber(value: number, digits: number): string {
  if (Number.isNaN(value)) return '–';
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(digits);
}
