/*
 * The docx writer's parts besides the document and the styles: the
 * package's content types and relationships, the document properties,
 * settings, font table, and the headers (the title) and footers ("Seite
 * 1 von 3", the page number and count as fields).  Each function fills
 * *out, owned by the caller (pactum_sink_free()), and returns a status.
 * Nothing depends on the time or the environment: the properties' dates
 * are the model's.
 */
#include "config.h"

#include <string.h>

#include "docx.h"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_R "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* Write to *out; returns the writer's status. */
static void begin(pactum_sink **out, struct dx_writer *w)
{
	dx_begin_part(w, out);
}

static int end(struct dx_writer *w)
{
	return dx_end_part(w);
}

/* One header and footer per language in the sequential layout (each
 * version is a section of its own), else one. */
size_t dx_header_count(const struct dx_writer *w)
{
	return w->mode == DX_SEQUENTIAL ? w->nlangs : 1;
}

/* The language of header number index; DX_ALL_LANGS: every one. */
static size_t header_lang(const struct dx_writer *w, size_t index)
{
	if (w->mode == DX_SEQUENTIAL)
		return index;
	return w->mode == DX_SINGLE ? 0 : DX_ALL_LANGS;
}

static void put_override(struct dx_writer *w, const char *part,
			 size_t index, const char *type)
{
	dx_put(w, "<Override PartName=\"/word/");
	dx_put(w, part);
	if (index != DX_ALL_LANGS)
		dx_put_uint(w, index + 1);
	dx_put(w, ".xml\" ContentType=\"" CT_WML);
	dx_put(w, type);
	dx_put(w, "\"/>");
}

int dx_content_types(pactum_sink **out, struct dx_writer *w)
{
	size_t i;

	begin(out, w);
	dx_put(w, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/"
			   "package/2006/content-types\">"
			   "<Default Extension=\"rels\" ContentType=\""
			   "application/vnd.openxmlformats-package."
			   "relationships+xml\"/>"
			   "<Default Extension=\"xml\" ContentType=\""
			   "application/xml\"/>");
	put_override(w, "document", DX_ALL_LANGS, "document.main+xml");
	put_override(w, "styles", DX_ALL_LANGS, "styles+xml");
	put_override(w, "settings", DX_ALL_LANGS, "settings+xml");
	put_override(w, "fontTable", DX_ALL_LANGS, "fontTable+xml");
	put_override(w, "footnotes", DX_ALL_LANGS, "footnotes+xml");
	for (i = 0; i < dx_header_count(w); i++) {
		put_override(w, "header", i, "header+xml");
		put_override(w, "footer", i, "footer+xml");
	}
	dx_put(w, "<Override PartName=\"/docProps/core.xml\" ContentType=\""
		  "application/vnd.openxmlformats-package.core-properties+xml"
		  "\"/><Override PartName=\"/docProps/app.xml\" ContentType=\""
		  "application/vnd.openxmlformats-officedocument.extended-"
		  "properties+xml\"/></Types>");
	return end(w);
}

int dx_package_rels(pactum_sink **out, struct dx_writer *w)
{
	begin(out, w);
	dx_put(w, XML_DECL "<Relationships xmlns=\"" NS_PKG_R "\">"
		  "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" "
		  "Target=\"word/document.xml\"/>"
		  "<Relationship Id=\"rId2\" Type=\"http://schemas."
		  "openxmlformats.org/package/2006/relationships/metadata/"
		  "core-properties\" Target=\"docProps/core.xml\"/>"
		  "<Relationship Id=\"rId3\" Type=\"" NS_R
		  "/extended-properties\" Target=\"docProps/app.xml\"/>"
		  "</Relationships>");
	return end(w);
}

static void put_rel(struct dx_writer *w, const char *id, size_t index,
		    const char *type)
{
	dx_put(w, "<Relationship Id=\"");
	dx_put(w, id);
	if (index != DX_ALL_LANGS)
		dx_put_uint(w, index);
	dx_put(w, "\" Type=\"" NS_R "/");
	dx_put(w, type);
	dx_put(w, "\" Target=\"");
	dx_put(w, type);
	if (index != DX_ALL_LANGS)
		dx_put_uint(w, index + 1);
	dx_put(w, ".xml\"/>");
}

int dx_document_rels(pactum_sink **out, struct dx_writer *w)
{
	size_t i;

	begin(out, w);
	dx_put(w, XML_DECL "<Relationships xmlns=\"" NS_PKG_R "\">");
	put_rel(w, "rIdStyles", DX_ALL_LANGS, "styles");
	put_rel(w, "rIdSettings", DX_ALL_LANGS, "settings");
	put_rel(w, "rIdFonts", DX_ALL_LANGS, "fontTable");
	put_rel(w, "rIdNotes", DX_ALL_LANGS, "footnotes");
	for (i = 0; i < dx_header_count(w); i++) {
		put_rel(w, "rIdH", i, "header");
		put_rel(w, "rIdF", i, "footer");
	}
	dx_put(w, "</Relationships>");
	return end(w);
}

/* A plain-text title in every language of index's header. */
static void put_titles(struct dx_writer *w, size_t lang)
{
	size_t i;

	for (i = 0; i < w->nlangs; i++) {
		if (lang != DX_ALL_LANGS && i != lang)
			continue;
		if (lang == DX_ALL_LANGS && i > 0)
			dx_run_str(w, NULL, " / ", dx_locale(w, i));
		dx_write_plain(w, pactum_block_title(w->root, i),
			       dx_locale(w, i));
	}
}

/* The first language's title as character data, for a property. */
static void put_title_text(struct dx_writer *w)
{
	const pactum_run *r;
	size_t len;
	const char *t;

	for (r = pactum_block_title(w->root, 0); r; r = pactum_run_next(r)) {
		if (pactum_run_kind_of(r) == PACTUM_RUN_FOOTNOTE)
			continue;
		t = pactum_run_text(r, &len);
		dx_put_text(w, t, len);
	}
}

static int all_digits(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Title, language, version; created and modified are the model's date
 * (never the clock), or absent. */
int dx_core_props(pactum_sink **out, struct dx_writer *w)
{
	const char *version = pactum_doc_version(w->doc);
	const char *date = pactum_doc_date(w->doc);
	const char *stamp[] = { "created", "modified" };
	size_t i;

	begin(out, w);
	dx_put(w, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas."
		  "openxmlformats.org/package/2006/metadata/core-properties\" "
		  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		  "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		  "<dc:title>");
	put_title_text(w);
	dx_put(w, "</dc:title><dc:identifier>");
	dx_put_str(w, pactum_doc_id(w->doc));
	dx_put(w, "</dc:identifier><dc:language>");
	dx_put_str(w, dx_locale(w, 0));
	dx_put(w, "</dc:language>");
	if (version) {
		dx_put(w, "<cp:version>");
		dx_put_str(w, version);
		dx_put(w, "</cp:version>");
	}
	if (all_digits(version)) { /* Word reads the revision as a count */
		dx_put(w, "<cp:revision>");
		dx_put_str(w, version);
		dx_put(w, "</cp:revision>");
	}
	for (i = 0; date && i < 2; i++) {
		dx_put(w, "<dcterms:");
		dx_put(w, stamp[i]);
		dx_put(w, " xsi:type=\"dcterms:W3CDTF\">");
		dx_put_str(w, date);
		dx_put(w, "T00:00:00Z</dcterms:");
		dx_put(w, stamp[i]);
		dx_put(w, ">");
	}
	dx_put(w, "</cp:coreProperties>");
	return end(w);
}

int dx_app_props(pactum_sink **out, struct dx_writer *w)
{
	begin(out, w);
	dx_put(w, XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats."
		  "org/officeDocument/2006/extended-properties\">"
		  "<Application>pactum</Application><DocSecurity>0"
		  "</DocSecurity></Properties>");
	return end(w);
}

/* Automatic hyphenation on (the runs' w:lang picks the patterns), the
 * separators of the footnotes, Word 2013's layout rules. */
int dx_settings(pactum_sink **out, struct dx_writer *w)
{
	begin(out, w);
	dx_put(w, XML_DECL "<w:settings xmlns:w=\"" NS_W "\">"
		  "<w:autoHyphenation/><w:consecutiveHyphenLimit w:val=\"2\"/>"
		  "<w:hyphenationZone w:val=\"357\"/>"
		  "<w:defaultTabStop w:val=\"709\"/>"
		  "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
		  "<w:footnotePr><w:footnote w:id=\"-1\"/>"
		  "<w:footnote w:id=\"0\"/></w:footnotePr>"
		  "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
		  "w:uri=\"http://schemas.microsoft.com/office/word\" "
		  "w:val=\"15\"/></w:compat><w:themeFontLang");
	dx_put_attr(w, "w:val", dx_locale(w, 0));
	dx_put(w, "/></w:settings>");
	return end(w);
}

int dx_font_table(pactum_sink **out, struct dx_writer *w)
{
	begin(out, w);
	dx_put(w, XML_DECL "<w:fonts xmlns:w=\"" NS_W "\">"
		  "<w:font w:name=\"Liberation Serif\"><w:altName "
		  "w:val=\"Times New Roman\"/><w:family w:val=\"roman\"/>"
		  "<w:pitch w:val=\"variable\"/></w:font>"
		  "<w:font w:name=\"Liberation Sans\"><w:altName "
		  "w:val=\"Arial\"/><w:family w:val=\"swiss\"/>"
		  "<w:pitch w:val=\"variable\"/></w:font></w:fonts>");
	return end(w);
}

int dx_header(pactum_sink **out, struct dx_writer *w, size_t index)
{
	size_t lang = header_lang(w, index);

	begin(out, w);
	dx_put(w, XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">");
	dx_para_begin(w, "Header",
		      dx_locale(w, lang == DX_ALL_LANGS ? 0 : lang));
	put_titles(w, lang);
	dx_para_end(w);
	dx_put(w, "</w:hdr>");
	return end(w);
}

/* A field showing instr ("PAGE"), its cached result "1" until a
 * client updates it. */
static void put_field(struct dx_writer *w, const char *instr)
{
	dx_put(w, "<w:fldSimple w:instr=\" ");
	dx_put(w, instr);
	dx_put(w, " \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
}

/* The PAGE label of lang, its {page} and {pages} as fields. */
static void put_page_label(struct dx_writer *w, size_t lang)
{
	const char *s = pactum_doc_label(w->doc, lang, PACTUM_LABEL_PAGE);
	const char *locale = dx_locale(w, lang), *p = s;

	while (*p) {
		if (strncmp(p, "{pages}", 7) == 0 ||
		    strncmp(p, "{page}", 6) == 0) {
			dx_run(w, NULL, s, (size_t)(p - s), locale);
			put_field(w, p[5] == 's' ? "NUMPAGES" : "PAGE");
			p += p[5] == 's' ? 7 : 6;
			s = p;
		} else {
			p++;
		}
	}
	dx_run(w, NULL, s, (size_t)(p - s), locale);
}

int dx_footer(pactum_sink **out, struct dx_writer *w, size_t index)
{
	size_t lang = header_lang(w, index), i;

	begin(out, w);
	dx_put(w, XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">");
	dx_para_begin(w, "Footer",
		      dx_locale(w, lang == DX_ALL_LANGS ? 0 : lang));
	for (i = 0; i < w->nlangs; i++) {
		if (lang != DX_ALL_LANGS && i != lang)
			continue;
		if (lang == DX_ALL_LANGS && i > 0)
			dx_run_str(w, NULL, " / ", dx_locale(w, i));
		put_page_label(w, i);
	}
	dx_para_end(w);
	dx_put(w, "</w:ftr>");
	return end(w);
}
