/* A test writer: dumps the document tree, one block a line, with every
 * run's kind, so pipeline tests can assert structure, numbers and runs
 * without depending on a real writer's layout. */
#include "config.h"

#include <stdio.h>

#include <pactum/plugin.h>

/* Written out by hand, to set what PACTUM_WRITER_DEFINE() gets right. */
#define HAND_MADE_DESCRIPTOR \
	PACTUM_EXPORT const pactum_plugin_desc pactum_plugin_descriptor

static const char *const run_kinds[] = { "?", "text", "value", "party",
					 "term", "xref", "em", "/em",
					 "untranslated", "strong", "/strong",
					 "br", "footnote" };
static const char *const block_kinds[] = {
	"?", "document", "parties", "party", "field", "glossary", "term",
	"section", "clause", "paragraph", "list", "item", "meta", "cover",
	"preamble", "recital", "annex", "table", "row", "cell", "signatures",
	"signature", "signatory", "footnote"
};

#define NAME(table, k) \
	((size_t)(k) < sizeof(table) / sizeof(table[0]) ? table[k] : "?")

static int put_runs(pactum_sink *sink, const char *label,
		    const pactum_run *r)
{
	int error = PACTUM_OK;
	size_t len;
	const char *text;

	if (r == NULL)
		return PACTUM_OK;
	error |= pactum_sink_puts(sink, "  ");
	error |= pactum_sink_puts(sink, label);
	error |= pactum_sink_puts(sink, ":");
	for (; r; r = pactum_run_next(r)) {
		pactum_run_kind k = pactum_run_kind_of(r);

		text = pactum_run_text(r, &len);
		error |= pactum_sink_puts(sink, " [");
#ifndef DUMP_ABI_1_0
		if (pactum_run_untranslated(r))
			error |= pactum_sink_puts(sink, "untranslated:");
#endif
		error |= pactum_sink_puts(sink, NAME(run_kinds, k));
		if (pactum_run_ref(r)) {
			error |= pactum_sink_puts(sink, "@");
			error |= pactum_sink_puts(sink, pactum_run_ref(r));
		}
		error |= pactum_sink_puts(sink, "]");
		error |= pactum_sink_write(sink, text, len);
	}
	return error | pactum_sink_puts(sink, "\n");
}

static int put_block(pactum_sink *sink, const pactum_doc *doc,
		     const pactum_block *b, int depth)
{
	pactum_block_kind k = pactum_block_kind_of(b);
	const pactum_block *c;
	size_t i;
	int d, error = PACTUM_OK;

#ifdef DUMP_ABI_1_0
	/* what a writer of ABI 1.0 must do with kinds it does not know */
	if (k > PACTUM_BLOCK_ITEM)
		return PACTUM_OK;
#endif
	for (d = 0; d < depth; d++)
		error |= pactum_sink_puts(sink, "  ");
	error |= pactum_sink_puts(sink, NAME(block_kinds, k));
	if (pactum_block_id(b)) {
		error |= pactum_sink_puts(sink, " #");
		error |= pactum_sink_puts(sink, pactum_block_id(b));
	}
	if (pactum_block_number(b)) {
		error |= pactum_sink_puts(sink, " ");
		error |= pactum_sink_puts(sink, pactum_block_number(b));
	}
	if (pactum_block_ordered(b))
		error |= pactum_sink_puts(sink, " ordered");
#ifndef DUMP_ABI_1_0
	if (pactum_block_header(b))
		error |= pactum_sink_puts(sink, " header");
	if (pactum_block_omitted(b))
		error |= pactum_sink_puts(sink, " omitted");
	if (pactum_block_columns(b)) {
		char cols[32];

		snprintf(cols, sizeof(cols), " columns=%zu",
			 pactum_block_columns(b));
		error |= pactum_sink_puts(sink, cols);
	}
	for (i = 0; pactum_block_label(b, 0) && i < pactum_doc_lang_count(doc);
	     i++) {
		error |= pactum_sink_puts(sink, " ");
		error |= pactum_sink_puts(sink, pactum_block_label(b, i));
	}
#endif
	error |= pactum_sink_puts(sink, "\n");
	for (i = 0; i < pactum_doc_lang_count(doc); i++) {
		error |= put_runs(sink, pactum_doc_lang(doc, i),
				  pactum_block_title(b, i));
		error |= put_runs(sink, pactum_doc_lang(doc, i),
				  pactum_block_content(b, i));
	}
	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c))
		error |= put_block(sink, doc, c, depth + 1);
	return error;
}

static int dump_write(pactum_sink *sink, const pactum_doc *doc,
		      const pactum_options *opts, pactum_diag *diag)
{
	char line[64];

	(void)opts;
	(void)diag;
	snprintf(line, sizeof(line), "langs %zu prevailing %zu\n",
		 pactum_doc_lang_count(doc), pactum_doc_prevailing(doc));
	if (pactum_sink_puts(sink, line) != PACTUM_OK ||
	    put_block(sink, doc, pactum_doc_root(doc), 0) != PACTUM_OK)
		return PACTUM_ENOMEM;
	return PACTUM_OK;
}

#ifdef DUMP_ABI_1_0
/* Built as a writer of ABI 1.0 would be: it knows the kinds of 1.0 only. */
#define DUMP_MINOR 0
#define DUMP_NAME "dump10"
#else
#define DUMP_MINOR PACTUM_PLUGIN_ABI_MINOR
#define DUMP_NAME "dump"
#endif

HAND_MADE_DESCRIPTOR = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = DUMP_MINOR,
	.kind = PACTUM_PLUGIN_WRITER,
	.name = DUMP_NAME,
	.version = "1",
	.description = "test writer: the document tree, block by block",
	.write = dump_write,
};
