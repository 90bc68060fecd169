/*
 * The whole HTML document, shared by the html and the pdf writer:
 * <!DOCTYPE html>, the head (title, date, the stylesheet) and the body in
 * the layout's arrangement (parts.c).  Everything from the document is
 * escaped by out.c; the markup is fixed here and in parts.c, blocks.c,
 * sign.c and inline.c.
 */
#include "config.h"

#include <string.h>

#include "html.h"

static enum mode mode_of(const pactum_doc *doc, const pactum_options *opts)
{
	if (pactum_doc_lang_count(doc) < 2)
		return MODE_SINGLE;
	switch (pactum_options_layout(opts)) {
	case PACTUM_LAYOUT_INTERLEAVED:
		return MODE_INTERLEAVED;
	case PACTUM_LAYOUT_SEQUENTIAL:
		return MODE_SEQUENTIAL;
	default:
		return MODE_PARALLEL;
	}
}

static const char *const mode_class[] = {
	"single", "parallel", "interleaved", "sequential"
};

/* <title>: the title in every language, plain, "Titel / Title". */
static void write_head(struct html *w)
{
	const char *date = pactum_doc_date(w->doc);
	size_t i;

	h_put(w, "<!DOCTYPE html>\n<html");
	h_lang_attr(w, 0);
	h_put(w, ">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"pactum\">\n<title>");
	for (i = 0; i < (w->mode == MODE_SINGLE ? 1 : w->nlangs); i++) {
		if (i > 0)
			h_put(w, " / ");
		h_plain(w, pactum_block_title(w->root, i));
	}
	h_put(w, "</title>\n");
	if (date) {
		h_put(w, "<meta name=\"dcterms.date\"");
		h_attr(w, "content", date);
		h_put(w, ">\n");
	}
	h_style(w);
	h_put(w, "</head>\n<body class=\"");
	h_put(w, mode_class[w->mode]);
	h_put(w, "\">\n");
}

/*
 * The document as one HTML5 file, written to out.  Returns PACTUM_OK,
 * PACTUM_ENOMEM, or PACTUM_EINPUT after reporting a document it cannot
 * walk.
 */
int html_render(pactum_sink *out, const pactum_doc *doc,
		const pactum_options *opts, pactum_diag *diag)
{
	struct html w;
	int error;

	memset(&w, 0, sizeof(w));
	w.out = out;
	w.doc = doc;
	w.root = pactum_doc_root(doc);
	w.diag = diag;
	w.opts = opts;
	w.nlangs = pactum_doc_lang_count(doc);
	w.mode = mode_of(doc, opts);
	w.error = PACTUM_OK;
	if (w.root == NULL || w.nlangs == 0) {
		error = PACTUM_EINVAL;
		goto cleanup;
	}
	/* none is marked when the prevailing language is not rendered */
	if (pactum_doc_prevails(&w.prevails, doc) != PACTUM_OK)
		w.prevails = ALL_LANGS;
	write_head(&w);
	h_document(&w);
	h_put(&w, "</body>\n</html>\n");
	error = w.error;

cleanup:
	h_free_terms(&w);
	return error;
}
