/** The files a report writes into the record directory, beside record.ndjson and verdict.json. */
export const reportFiles = {
	json: 'report.json',
	markdown: 'report.md',
	junit: 'report.junit.xml',
	html: 'report.html',
} as const;
