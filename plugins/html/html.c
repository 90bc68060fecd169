/*
 * The html writer: one self-contained, semantic HTML5 file with its own
 * stylesheet for screen and print (render.c).
 */
#include "config.h"

#include "html.h"

static int html_write(pactum_sink *sink, const pactum_doc *doc,
		      const pactum_options *opts, pactum_diag *diag)
{
	return html_render(sink, doc, opts, diag);
}

static const pactum_option_spec html_options[] = {
	{ "paper", PACTUM_OPTION_CHOICE, 0, 0, html_papers,
	  "the paper the print stylesheet sets: a4 (the default) or letter" },
	{ NULL, 0, 0, 0, NULL, NULL }
};

static const char *const suffixes[] = { "html", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("html", VERSION,
		     "HTML5, one self-contained file with a print stylesheet",
		     suffixes,
		     html_write, html_options);
