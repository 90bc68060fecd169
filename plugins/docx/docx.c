/*
 * The docx writer: a resolved document as an Office Open XML
 * (WordprocessingML) package that Word and LibreOffice open as it is.
 *
 *   word/document.xml    the contract (layout.c, body.c, runs.c)
 *   word/styles.xml      named styles for every part (styles.c)
 *   word/footnotes.xml   real footnotes, numbered by Word (runs.c says how)
 *   word/header1.xml     the title; word/footer1.xml "Seite 1 von 3"
 *                        (one pair per language in the sequential layout)
 *   word/settings.xml, word/fontTable.xml, docProps/core.xml (title,
 *   version, language, the model's date), docProps/app.xml, and the
 *   package's [Content_Types].xml and relationships (parts.c)
 *
 * Numbers are the core's, written as text, never Word's list numbering:
 * the references in the text name them, and they must stay right in
 * every client.  References and terms are internal hyperlinks to
 * bookmarks on their targets.  Every run carries w:lang, so spelling and
 * hyphenation follow its language.  The archive is built in memory
 * (package.c) and written to the sink at the end: a failure leaves
 * nothing, and the bytes are the same on every run.
 *
 * Option: paper=a4|letter (A4 by default).
 */
#include "config.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "docx.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MARGINS (2 * 1417) /* left and right, as layout.c sets them */

static const char *const paper_choices[] = { "a4", "letter", NULL };

static const pactum_option_spec options[] = {
	{ "paper", PACTUM_OPTION_CHOICE, 0, 0, paper_choices,
	  "page size: a4 (the default) or letter" },
	{ NULL, 0, 0, 0, NULL, NULL }
};

static enum dx_mode mode_of(const pactum_doc *doc, const pactum_options *opts)
{
	if (pactum_doc_lang_count(doc) < 2)
		return DX_SINGLE;
	switch (pactum_options_layout(opts)) {
	case PACTUM_LAYOUT_INTERLEAVED:
		return DX_INTERLEAVED;
	case PACTUM_LAYOUT_SEQUENTIAL:
		return DX_SEQUENTIAL;
	default:
		return DX_PARALLEL;
	}
}

/* word/footnotes.xml: Word's two separators, then the notes the body
 * wrote (w->notes). */
static int footnotes_part(pactum_sink **out, struct dx_writer *w)
{
	const char *notes;
	size_t len;

	notes = pactum_sink_data(w->notes, &len);
	dx_begin_part(w, out);
	dx_put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		  "standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"" NS_W "\">"
		  "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr>"
		  "<w:spacing w:after=\"0\" w:line=\"240\" "
		  "w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r>"
		  "</w:p></w:footnote><w:footnote "
		  "w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>"
		  "<w:spacing w:after=\"0\" w:line=\"240\" "
		  "w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/>"
		  "</w:r></w:p></w:footnote>");
	dx_put_bytes(w, notes, len);
	dx_put(w, "</w:footnotes>");
	return dx_end_part(w);
}

/* The fixed parts, in package order: [Content_Types].xml first. */
enum part {
	P_TYPES, P_RELS, P_CORE, P_APP, P_DOCUMENT, P_DOC_RELS, P_STYLES,
	P_SETTINGS, P_FONTS, P_FOOTNOTES, P_FIXED_
};

static const char *const part_names[P_FIXED_] = {
	"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
	"docProps/app.xml", "word/document.xml",
	"word/_rels/document.xml.rels", "word/styles.xml",
	"word/settings.xml", "word/fontTable.xml", "word/footnotes.xml"
};

/* The parts of a writer that has written its document: fixed parts,
 * then a header and a footer per dx_header_count().  parts[] and
 * names[] are owned by the caller, who frees them whatever this
 * returns. */
static int build_parts(pactum_sink **parts, char (*names)[48],
		       struct dx_writer *w, size_t nhf)
{
	size_t i;
	int error;

	if ((error = dx_content_types(&parts[P_TYPES], w)) != PACTUM_OK ||
	    (error = dx_package_rels(&parts[P_RELS], w)) != PACTUM_OK ||
	    (error = dx_core_props(&parts[P_CORE], w)) != PACTUM_OK ||
	    (error = dx_app_props(&parts[P_APP], w)) != PACTUM_OK ||
	    (error = dx_document_rels(&parts[P_DOC_RELS], w)) != PACTUM_OK ||
	    (error = dx_styles(&parts[P_STYLES], w)) != PACTUM_OK ||
	    (error = dx_settings(&parts[P_SETTINGS], w)) != PACTUM_OK ||
	    (error = dx_font_table(&parts[P_FONTS], w)) != PACTUM_OK ||
	    (error = footnotes_part(&parts[P_FOOTNOTES], w)) != PACTUM_OK)
		return error;
	for (i = 0; i < nhf; i++) {
		snprintf(names[2 * i], sizeof(names[0]), "word/header%zu.xml",
			 i + 1);
		snprintf(names[2 * i + 1], sizeof(names[0]),
			 "word/footer%zu.xml", i + 1);
		if ((error = dx_header(&parts[P_FIXED_ + 2 * i], w, i)) !=
			    PACTUM_OK ||
		    (error = dx_footer(&parts[P_FIXED_ + 2 * i + 1], w, i)) !=
			    PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

static int write_doc(pactum_sink *sink, const pactum_doc *doc,
		     const pactum_options *opts, pactum_diag *diag)
{
	const char *paper = pactum_options_get(opts, "paper");
	struct dx_writer w;
	pactum_sink **parts = NULL;
	struct dx_entry *entries = NULL;
	char (*names)[48] = NULL;
	size_t nhf, nparts = 0, i;
	int error;

	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.root = pactum_doc_root(doc);
	w.diag = diag;
	w.mode = mode_of(doc, opts);
	w.nlangs = pactum_doc_lang_count(doc);
	w.error = PACTUM_OK;
	if (paper && pactum_ascii_caseeq(paper, "letter")) {
		w.page_w = 12240; /* 8.5 x 11 in */
		w.page_h = 15840;
	} else {
		w.page_w = 11906; /* 210 x 297 mm */
		w.page_h = 16838;
	}
	w.width = w.page_w - MARGINS;

	if ((error = pactum_sink_new(&w.body)) != PACTUM_OK ||
	    (error = pactum_sink_new(&w.notes)) != PACTUM_OK)
		goto cleanup;
	dx_write_document(&w);
	if ((error = w.error) != PACTUM_OK)
		goto cleanup;
	nhf = dx_header_count(&w);
	nparts = P_FIXED_ + 2 * nhf;
	parts = pactum_malloc(nparts * sizeof(*parts));
	entries = pactum_malloc(nparts * sizeof(*entries));
	names = pactum_malloc(2 * nhf * sizeof(*names));
	if (parts == NULL || entries == NULL || names == NULL) {
		error = PACTUM_ENOMEM;
		nparts = 0;
		goto cleanup;
	}
	memset(parts, 0, nparts * sizeof(*parts));
	parts[P_DOCUMENT] = w.body; /* moved: freed with the parts */
	w.body = NULL;
	if ((error = build_parts(parts, names, &w, nhf)) != PACTUM_OK)
		goto cleanup;
	for (i = 0; i < nparts; i++) {
		entries[i].name = i < P_FIXED_ ? part_names[i]
					       : names[i - P_FIXED_];
		entries[i].data = parts[i];
	}
	error = dx_package(sink, entries, nparts, diag);

cleanup:
	for (i = 0; i < nparts; i++)
		pactum_sink_free(parts[i]);
	pactum_free(parts);
	pactum_free(entries);
	pactum_free(names);
	pactum_sink_free(w.body);
	pactum_sink_free(w.notes);
	dx_free_seen(&w);
	return error;
}

static const char *const suffixes[] = { "docx", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("docx", VERSION,
		     "Office Open XML documents (Word, LibreOffice)",
		     suffixes,
		     write_doc, options);
