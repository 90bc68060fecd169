/*
 * The stylesheet, embedded so that the file stands alone: screen and
 * print (A4 or Letter), page numbers in the footer from the core's
 * "Seite {page} von {pages}", headings kept with what follows, and the
 * layouts: the parallel columns as a grid, one row per clause pair.
 * Only the rules of the document's layout are written.
 */
#include "config.h"

#include <string.h>

#include "html.h"

const char *const html_papers[] = { "a4", "letter", NULL };

static const char base_css[] =
	"html{font-family:\"Liberation Serif\",\"Times New Roman\","
	"\"DejaVu Serif\",serif;font-size:11pt;line-height:1.4;color:#000;"
	"background:#fff}\n"
	"body{margin:0 auto;padding:1.5em;max-width:44em;hyphens:auto;"
	"-webkit-hyphens:auto;overflow-wrap:break-word;"
	"font-kerning:normal}\n"
	"h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid;"
	"line-height:1.25}\n"
	"h1{font-size:16pt;text-align:center;margin:.4em 0}\n"
	"h2{font-size:12.5pt;margin:1.3em 0 .5em}\n"
	"h3{font-size:11pt;margin:.9em 0 .3em}\n"
	"h4,h5,h6{font-size:11pt;font-style:italic;margin:.8em 0 .3em}\n"
	"p{margin:0 0 .5em;orphans:3;widows:3}\n"
	"header.cover{text-align:center;margin-bottom:2em}\n"
	"header.has-cover{break-after:page}\n"
	".language{font-variant:small-caps;letter-spacing:.05em;"
	"margin-bottom:1em}\n"
	".prevailing{font-variant:normal;letter-spacing:0}\n"
	".clause,.recital{position:relative;padding-left:2.8em;"
	"margin:0 0 .7em}\n"
	".clause>h1,.clause>h2,.clause>h3,.clause>h4,.clause>h5,"
	".clause>h6{margin-top:0;font-size:inherit;font-style:normal}\n"
	".cnum,.recital>.num{position:absolute;left:0;font-weight:bold}\n"
	".section>h2 .num,.annex>h2 .num{font-weight:bold}\n"
	".list{list-style:none;padding:0;margin:.3em 0 .5em}\n"
	".list li{position:relative;padding-left:2.3em;margin:0 0 .25em}\n"
	".list li>.num{position:absolute;left:0}\n"
	"ul.list>li::before{content:\"\\2013\";position:absolute;left:.5em}\n"
	"table.table{border-collapse:collapse;width:100%;margin:.3em 0 .7em}\n"
	"th,td{border:.5pt solid #555;padding:.2em .4em;text-align:left;"
	"vertical-align:top}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid}\n"
	"dl{margin:0 0 .5em}\n"
	"dt{font-weight:bold;break-after:avoid}\n"
	"dd{margin:0 0 .6em 1.5em}\n"
	"dfn{font-style:normal;font-weight:bold}\n"
	".field{margin:0}\n"
	"a{color:inherit;text-decoration:none}\n"
	"a.xref,a.term{text-decoration:underline dotted #888}\n"
	"sup.fnref{line-height:0}\n"
	".footnotes{font-size:.9em;border-top:.5pt solid #555;"
	"margin-top:2em}\n"
	"ol.notes{list-style:none;padding:0}\n"
	".notes li,.notes div{position:relative;padding-left:2em;"
	"margin-bottom:.3em}\n"
	".notes li.row{padding-left:0}\n"
	".fnback{position:absolute;left:0}\n"
	".untranslated{background:#fff2a8;outline:1px dashed #b08000;"
	"print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
	".omitted{color:#444}\n"
	".annex{break-before:page}\n"
	".signatures-part{break-inside:avoid}\n"
	".signatures{display:grid;grid-template-columns:1fr 1fr;"
	"gap:1.5em 3em;margin-top:1em}\n"
	".signature{break-inside:avoid}\n"
	".sig-party{margin-bottom:1em}\n"
	".sig-party .role{font-weight:bold}\n"
	".signatory{margin-bottom:1.5em}\n"
	".sig-field{margin:.3em 0}\n"
	".sig-field.blank{margin-top:3em}\n"
	".sig-field .line{border-bottom:.6pt solid #000;margin-bottom:.15em}\n"
	".sig-field.blank .label{font-size:.85em}\n"
	".version+.version{break-before:page}\n"
	"@media print{body{margin:0;padding:0;max-width:none}"
	"a.xref,a.term{text-decoration:none}}\n";

/* Each language's column as wide as the others; the rows are grids of
 * their own with the same columns, so every clause pair starts level
 * and a page may break between rows or inside a long one. */
static const char parallel_css[] =
	"body{max-width:62em}\n"
	"html{font-size:10pt}\n"
	".row{display:grid;column-gap:7mm}\n"
	".row>*{min-width:0}\n"
	"h1.row,h2.row,h3.row,h4.row,h5.row,h6.row{margin-left:0}\n"
	".row>p,.row>dl,.row>ol,.row>ul,.row>table{margin-top:0}\n";

/* Each block in every language in turn: the translation under the
 * original, set off by a rule. */
static const char interleaved_css[] =
	".row>*+*,h1.row>span+span,h2.row>span+span,h3.row>span+span,"
	"h4.row>span+span,h5.row>span+span,h6.row>span+span{color:#333}\n"
	".row>*+*{border-left:1.5pt solid #bbb;padding-left:.6em}\n"
	"h1.row>span,h2.row>span,h3.row>span,h4.row>span,h5.row>span,"
	"h6.row>span{display:block}\n"
	".row>.clause+.clause{padding-left:2.8em}\n"
	".row>.clause+.clause>.cnum,.row>.clause+.clause>*>.cnum{left:.6em}\n"
	".row{margin-bottom:.6em}\n";

/* Text as a CSS string's content: quotes, backslashes and markup
 * characters as escapes, so that nothing ends the string or the
 * <style> element. */
static void css_string(struct html *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char esc[4] = { '\\', '0', '0', ' ' };
	unsigned char c;
	size_t i;

	h_put(w, "\"");
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || strchr("\"\\<>&", c)) {
			esc[1] = hex[c >> 4];
			esc[2] = hex[c & 15];
			h_putn(w, esc, sizeof(esc));
		} else {
			h_putn(w, s + i, 1);
		}
	}
	h_put(w, "\"");
}

/* The page label of rendering lang as CSS content: the text between the
 * placeholders as strings, "{page}" and "{pages}" as the counters. */
static void page_label(struct html *w, size_t lang)
{
	const char *s = pactum_doc_label(w->doc, lang, PACTUM_LABEL_PAGE);
	const char *p;

	while (*s) {
		p = strchr(s, '{');
		while (p && strncmp(p, "{page}", 6) != 0 &&
		       strncmp(p, "{pages}", 7) != 0)
			p = strchr(p + 1, '{');
		if (p == NULL) {
			css_string(w, s, strlen(s));
			break;
		}
		if (p > s)
			css_string(w, s, (size_t)(p - s));
		if (strncmp(p, "{pages}", 7) == 0) {
			h_put(w, " counter(pages) ");
			s = p + 7;
		} else {
			h_put(w, " counter(page) ");
			s = p + 6;
		}
	}
}

/* "@page NAME{size;margins;footer}": the footer in rendering lang, or
 * (ALL_LANGS) in every language, "Seite 1 von 3 / Page 1 of 3". */
static void page_rule(struct html *w, const char *name, size_t lang)
{
	int letter = 0;
	const char *paper = pactum_options_get(w->opts, "paper");
	size_t i;

	if (paper)
		letter = pactum_ascii_caseeq(paper, "letter");
	h_put(w, "@page");
	if (name) {
		h_put(w, " ");
		h_put(w, name);
	}
	h_put(w, letter ? "{size:letter;" : "{size:A4;");
	h_put(w, "margin:20mm 18mm 22mm 20mm;"
		 "@bottom-center{font:9pt \"Liberation Serif\",serif;"
		 "content:");
	for (i = 0; i < w->nlangs; i++) {
		if (lang != ALL_LANGS && i != lang)
			continue;
		if (lang == ALL_LANGS && i > 0)
			h_put(w, " \" / \" ");
		page_label(w, i);
	}
	h_put(w, "}}\n");
}

/* A language tag as a CSS identifier: "v-de-AT"; NULL when it holds a
 * character an identifier cannot (it never should: BCP 47). */
static int page_name(char *out, size_t size, const char *tag)
{
	size_t i;

	if (strlen(tag) + 3 > size)
		return 0;
	memcpy(out, "v-", 2);
	for (i = 0; tag[i]; i++) {
		char c = tag[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-'))
			return 0;
		out[i + 2] = c;
	}
	out[i + 2] = '\0';
	return 1;
}

/* Sequential: each version's pages are named for its language, so that
 * its footer speaks it. */
static void version_pages(struct html *w)
{
	char name[48];
	size_t i;

	for (i = 0; i < w->nlangs; i++) {
		if (!page_name(name, sizeof(name), pactum_doc_lang(w->doc, i)))
			continue;
		page_rule(w, name, i);
		h_put(w, ".version[lang=\"");
		h_put(w, pactum_doc_lang(w->doc, i));
		h_put(w, "\"]{page:");
		h_put(w, name);
		h_put(w, "}\n");
	}
}

static void grid_columns(struct html *w)
{
	size_t i;

	h_put(w, ".row{grid-template-columns:");
	for (i = 0; i < w->nlangs; i++)
		h_put(w, i ? " 1fr" : "1fr");
	h_put(w, "}\n");
}

void h_style(struct html *w)
{
	h_put(w, "<style>\n");
	h_put(w, base_css);
	page_rule(w, NULL, w->mode == MODE_SINGLE ? 0 : ALL_LANGS);
	switch (w->mode) {
	case MODE_PARALLEL:
		h_put(w, parallel_css);
		grid_columns(w);
		break;
	case MODE_INTERLEAVED:
		h_put(w, interleaved_css);
		break;
	case MODE_SEQUENTIAL:
		version_pages(w);
		break;
	default:
		break;
	}
	h_put(w, "</style>\n");
}
