// outline.cc: an example pactum writer in C++11, built outside pactum's
// tree against the installed SDK (pkg-config pactum).  It prints the
// numbered outline of every rendering: sections, clauses and annexes,
// one a line, indented by depth.
//
//   pactum render MODEL.xml --data DEAL.xml --lang de,en -f outline
//
// What it shows: <pactum/plugin.h> is C and C++ alike, and
// PACTUM_WRITER_DEFINE() gives the descriptor C linkage.  The one rule
// C++ adds: no exception may cross into the core, which is C.  So the
// callback catches everything, reports what it can, and returns a status.
#include <exception>
#include <new>
#include <string>

#include <pactum/plugin.h>

namespace {

// The text of a title or content, with the marks' empty text and a
// line break's space: plain, as an outline wants it.
std::string text_of(const pactum_run *r)
{
	std::string s;

	for (; r != nullptr; r = pactum_run_next(r)) {
		size_t len;
		const char *text = pactum_run_text(r, &len);

		s.append(text, len);
	}
	return s;
}

bool numbered_part(const pactum_block *b)
{
	switch (pactum_block_kind_of(b)) {
	case PACTUM_BLOCK_SECTION:
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_ANNEX:
		return true;
	default: // kinds newer than this writer are skipped (plugin.h)
		return false;
	}
}

// "1.2 Heading", or "Annex 1 Products": an annex by its label.
void outline(std::string &out, const pactum_block *parent, size_t lang,
	     unsigned depth)
{
	for (const pactum_block *b = pactum_block_first_child(parent);
	     b != nullptr; b = pactum_block_next(b)) {
		if (!numbered_part(b))
			continue;
		const char *label = pactum_block_label(b, lang);
		const char *number = label ? label : pactum_block_number(b);
		std::string title = text_of(pactum_block_title(b, lang));

		out.append(2 * depth, ' ');
		if (number != nullptr)
			out += number;
		if (number != nullptr && !title.empty())
			out += ' ';
		out += title;
		out += '\n';
		outline(out, b, lang, depth + 1);
	}
}

void report(pactum_diag *diag, const char *what)
{
	pactum_diag_report(diag, PACTUM_ERROR, nullptr, "outline writer: %s",
			   what);
}

} // namespace

// The callback has C language linkage, as the core calls it through a
// C function pointer; static keeps it out of the exported symbols.
extern "C" {
static int outline_write(pactum_sink *sink, const pactum_doc *doc,
			 const pactum_options *opts, pactum_diag *diag)
{
	(void)opts;
	try {
		const pactum_block *root = pactum_doc_root(doc);
		std::string out; // the whole outline: the core buffers anyway

		for (size_t i = 0; root && i < pactum_doc_lang_count(doc); i++) {
			out += std::string("[") + pactum_doc_lang(doc, i) + "] " +
			       text_of(pactum_block_title(root, i)) + '\n';
			outline(out, root, i, 1);
		}
		if (pactum_sink_write(sink, out.data(), out.size()) != PACTUM_OK)
			return PACTUM_ENOMEM;
		return PACTUM_OK;
	} catch (const std::bad_alloc &) {
		return PACTUM_ENOMEM; // reporting would allocate too
	} catch (const std::exception &e) {
		report(diag, e.what());
	} catch (...) {
		report(diag, "unknown exception");
	}
	return PACTUM_ENOMEM;
}
}

PACTUM_WRITER_DEFINE("outline", "1.0",
		     "the numbered outline of every rendering (C++ example)",
		     outline_write, nullptr);
