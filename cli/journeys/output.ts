/** Renders command results as aligned text tables, JSON or CSV on stdout. */

export type OutputFormat = 'table' | 'json' | 'csv';

export type Cell = string | number | undefined;

export interface Table {
	title?: string;
	headers: string[];
	rows: Cell[][];
	/** Columns to right-align (numbers). */
	numeric?: boolean[];
}

export interface View {
	json: unknown;
	tables: Table[];
	/** One flat table for --format csv. */
	csv: Table;
	/** Plain sentences printed under the tables. */
	notes?: string[];
}

export function render(view: View, format: OutputFormat): string {
	if (format === 'json') return `${JSON.stringify(view.json, null, 2)}\n`;
	if (format === 'csv') return toCsv(view.csv);
	const parts = view.tables.map(renderTable);
	if (view.notes?.length) parts.push(view.notes.join('\n') + '\n');
	return parts.join('\n');
}

export function renderTable(table: Table): string {
	const cells = table.rows.map((row) =>
		row.map((cell) => (cell === undefined ? '' : String(cell)))
	);
	const widths = table.headers.map((header, c) =>
		Math.max(header.length, ...cells.map((row) => (row[c] ?? '').length))
	);
	const numeric =
		table.numeric ??
		table.headers.map((_, c) =>
			table.rows.every((row) => typeof row[c] === 'number' || row[c] === undefined)
		);
	const line = (row: string[]) =>
		row
			.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
			.join('  ')
			.trimEnd();
	const out: string[] = [];
	if (table.title) out.push(table.title);
	out.push(line(table.headers));
	out.push(widths.map((width) => '─'.repeat(width)).join('  '));
	for (const row of cells) out.push(line(row));
	return `${out.join('\n')}\n`;
}

export function toCsv(table: Table): string {
	const quote = (cell: Cell) => {
		const text = cell === undefined ? '' : String(cell);
		return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return [table.headers, ...table.rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

/** 0.4567 → "45.7 %" */
export function percent(value: number, digits = 1): string {
	return `${(value * 100).toFixed(digits)} %`;
}

export function round(value: number, digits = 4): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
