/** Text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab, LF, CR; FFFE/FFFF; lone surrogates). */
const invalidXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for XML content and attribute values: escaped, and characters XML cannot hold replaced by U+FFFD. */
export function escapeXml(text: string): string {
	return text.replace(invalidXml, '\uFFFD').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

/**
 * Text for a GitHub-flavoured Markdown table cell: pipes, backslashes and markup characters
 * escaped, HTML tags neutralised, line breaks flattened, so a value cannot end the cell or
 * inject markup into a CI step summary.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replaceAll(/\r?\n|\r/g, ' ')
		.replaceAll(/[\\`*_{}[\]()#+!|<>~]/g, character => `\\${character}`)
		.replaceAll('&', '&amp;');
}

/** JSON inside `<script type="application/json">`: `<`, `>`, `&` and the JS line separators as \u escapes. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}

/**
 * Script text for an inline `<script>`: a `</script` (any case) inside it cannot end the
 * element. `<\/` means `</` in JS strings, templates and regular expressions alike.
 */
export function inlineScript(code: string): string {
	return code.replaceAll(/<\/(script)/gi, '<\\/$1');
}

/** Style text for an inline `<style>`. */
export function inlineStyle(css: string): string {
	return css.replaceAll(/<\/(style)/gi, '<\\/$1');
}
