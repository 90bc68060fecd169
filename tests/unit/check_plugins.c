/* The plugin loader and the whole pipeline, through the public API, with
 * the real xml reader, the dump test writer and purpose-built broken
 * plugins, as a program uses them. */
#include "config.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <check.h>
#include <pactum/pactum.h>

#define PACTUM_ARRAY_SIZE_REFUSALS \
	((int)(sizeof(refusals) / sizeof(refusals[0])))

static char path_buf[8192];

/* $top_builddir/rel, or $top_srcdir/rel. */
static const char *built(const char *rel)
{
	const char *top = getenv("top_builddir");

	snprintf(path_buf, sizeof(path_buf), "%s/%s", top ? top : ".", rel);
	return path_buf;
}

static char src_buf[8192];

static const char *source(const char *rel)
{
	const char *top = getenv("top_srcdir");

	snprintf(src_buf, sizeof(src_buf), "%s/%s", top ? top : "..", rel);
	return src_buf;
}

/* ------------------------------------------------------------ loader */

static const struct {
	const char *file;
	const char *reason;
} refusals[] = {
	{ "broken-abi-major.so", "major versions differ" },
	{ "broken-abi-minor.so", "newer than this pactum" },
	{ "broken-no-symbol.so", "no pactum_plugin_descriptor symbol" },
	{ "broken-unresolved.so", "pactum_test_no_such_function" },
	{ "broken-no-callback.so", "writer \"broken\" has no write callback" },
	{ "broken-name.so", "invalid plugin name \"Bad Name!\"" },
	{ "broken-reserved.so",
	  "plugin \"broken\": reserved[0] of the descriptor is not NULL" },
};

START_TEST(test_refusal)
{
	pactum_registry *reg;
	char file[8400];

	snprintf(file, sizeof(file), "%s/%s",
		 built("tests/plugins/.libs"), refusals[_i].file);
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_file(reg, file), PACTUM_OK);
	ck_assert_uint_eq(pactum_registry_count(reg), 0);
	ck_assert_uint_eq(pactum_registry_refused_count(reg), 1);
	ck_assert_str_eq(pactum_registry_refused_file(reg, 0), file);
	ck_assert_msg(strstr(pactum_registry_refused_reason(reg, 0),
			     refusals[_i].reason) != NULL,
		      "%s: \"%s\" lacks \"%s\"", refusals[_i].file,
		      pactum_registry_refused_reason(reg, 0),
		      refusals[_i].reason);
	pactum_registry_free(reg);
}
END_TEST

START_TEST(test_directory_scan)
{
	pactum_registry *reg;
	const pactum_plugin *dump;
	size_t i, refused;
	int saw_duplicate = 0;

	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	/* missing directories and empty entries are skipped */
	ck_assert_int_eq(pactum_registry_load_path(
				 reg, "/nonexistent::/also/missing"),
			 PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_path(
				 reg, built("plugins/xml/.libs")),
			 PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_path(
				 reg, built("tests/plugins/.libs")),
			 PACTUM_OK);
	/* the same reader again is refused, and is no shadow */
	ck_assert_int_eq(pactum_registry_load_path(
				 reg, built("plugins/xml/.libs")),
			 PACTUM_OK);
	/* the broken ones never stop the good ones; a writer "xml" is no
	 * reader "xml" (broken-duplicate.so) */
	ck_assert_uint_eq(pactum_registry_count(reg), 4);
	ck_assert_ptr_nonnull(
		pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, "xml"));
	/* a writer of ABI 1.0 loads into 1.2 */
	ck_assert_ptr_nonnull(
		pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, "dump10"));
	dump = pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, "dump");
	ck_assert_ptr_nonnull(dump);
	ck_assert_str_eq(pactum_plugin_kind_name(pactum_plugin_kind_of(dump)),
			 "writer");
	ck_assert_ptr_nonnull(strstr(pactum_plugin_file(dump), "/dump.so"));
	ck_assert_ptr_nonnull(
		pactum_registry_find(reg, PACTUM_PLUGIN_READER, "xml"));
	refused = pactum_registry_refused_count(reg);
	ck_assert_uint_eq(refused, PACTUM_ARRAY_SIZE_REFUSALS + 1);
	for (i = 0; i < refused; i++)
		if (strstr(pactum_registry_refused_reason(reg, i),
			   "a reader named \"xml\" is already loaded"))
			saw_duplicate = 1;
	ck_assert(saw_duplicate);
	ck_assert_ptr_null(pactum_registry_find(reg, PACTUM_PLUGIN_READER,
						"dump"));
	pactum_registry_free(reg);
}
END_TEST

/* Every rule of the descriptor check, by tests/plugins/shapes.c: the shape
 * its constructor gives the descriptor, the reason it is refused with, and
 * the kind of plugin named "shapes" a command can then ask why it is
 * missing: the descriptor's own kind when its name is valid (BY_FILE: any,
 * by the file's name shapes.so, when the name is not; NONE: none, when the
 * kind is unknown). */
#define BY_FILE 0
#define NONE (-1)
static const struct {
	const char *shape;
	const char *reason;
	int kind;
} shapes[] = {
	{ "no-name",
	  "the descriptor has no name",
	  BY_FILE },
	{ "empty-name",
	  "invalid plugin name \"\" (want 1 to 32 of a-z, 0-9, -)",
	  BY_FILE },
	{ "long-name",
	  "invalid plugin name \"abcdefghijklmnopqrstuvwxyz0123456\"",
	  BY_FILE },
	{ "no-version",
	  "plugin \"shapes\" has no version",
	  PACTUM_PLUGIN_WRITER },
	{ "no-description",
	  "plugin \"shapes\" has no description",
	  PACTUM_PLUGIN_WRITER },
	{ "kind-0",
	  "plugin \"shapes\" has unknown kind 0 (want 1 reader, 2 writer or 3 "
	  "transform)",
	  NONE },
	{ "kind-4",
	  "plugin \"shapes\" has unknown kind 4",
	  NONE },
	{ "reader-no-read-model",
	  "reader \"shapes\" has no read_model callback",
	  PACTUM_PLUGIN_READER },
	{ "transform-no-callback",
	  "transform \"shapes\" has no transform callback",
	  PACTUM_PLUGIN_TRANSFORM },
	{ "reader-no-suffixes",
	  "reader \"shapes\" names no file suffixes",
	  PACTUM_PLUGIN_READER },
	{ "reader-empty-suffixes",
	  "reader \"shapes\" names no file suffixes",
	  PACTUM_PLUGIN_READER },
	{ "transform-suffixes",
	  "transform \"shapes\" names file suffixes",
	  PACTUM_PLUGIN_TRANSFORM },
	{ "suffix-too-long",
	  "writer \"shapes\": invalid suffix \"abcdefghijklmnopq\" (want 1 to 16 "
	  "of a-z, 0-9)",
	  PACTUM_PLUGIN_WRITER },
	{ "suffix-upper",
	  "writer \"shapes\": invalid suffix \"TXT\"",
	  PACTUM_PLUGIN_WRITER },
	{ "suffix-empty",
	  "writer \"shapes\": invalid suffix \"\"",
	  PACTUM_PLUGIN_WRITER },
	{ "options-abi-1-0",
	  "plugin \"shapes\" of ABI 1.0 sets options, a reserved slot then",
	  PACTUM_PLUGIN_WRITER },
	{ "read-deals-abi-1-7",
	  "plugin \"shapes\" of ABI 1.7 sets read_deals, a reserved slot "
	  "then",
	  PACTUM_PLUGIN_READER },
	{ "writer-read-deals",
	  "writer \"shapes\" has a read_deals callback; only readers read "
	  "deals",
	  PACTUM_PLUGIN_WRITER },
	{ "reader-options",
	  "reader \"shapes\" declares options; only writers take options",
	  PACTUM_PLUGIN_READER },
	{ "option-name",
	  "writer \"shapes\": invalid option name \"Mode\" (want 1 to 32 of "
	  "a-z, 0-9, -)",
	  PACTUM_PLUGIN_WRITER },
	{ "option-help",
	  "writer \"shapes\": option \"mode\" has no help",
	  PACTUM_PLUGIN_WRITER },
	{ "option-type",
	  "writer \"shapes\": option \"mode\" has unknown type 9",
	  PACTUM_PLUGIN_WRITER },
	{ "option-range",
	  "writer \"shapes\": option \"mode\" has min 10 above max 9",
	  PACTUM_PLUGIN_WRITER },
	{ "option-choices-null",
	  "writer \"shapes\": option \"mode\" has no choices",
	  PACTUM_PLUGIN_WRITER },
	{ "option-choices-empty",
	  "writer \"shapes\": option \"mode\" has no choices",
	  PACTUM_PLUGIN_WRITER },
	{ "option-second",
	  "writer \"shapes\": option \"level\" has no help",
	  PACTUM_PLUGIN_WRITER },
};

/* A fresh copy of shapes.so, as DIR/shapes.so (a new file, so dlopen()
 * loads it anew and its constructor runs); DIR is made here. */
static void copy_shapes(char *dir, size_t dirsize, char *file, size_t size)
{
	char from[8400], buf[65536];
	FILE *in, *out;
	size_t n;

	snprintf(dir, dirsize, "%s/pactum-shapes-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(from, sizeof(from), "%s/shapes.so",
		 built("tests/plugins/shapes/.libs"));
	snprintf(file, size, "%s/shapes.so", dir);
	in = fopen(from, "rb");
	ck_assert_msg(in != NULL, "%s", from);
	out = fopen(file, "wb");
	ck_assert_ptr_nonnull(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

static void remove_shapes(const char *dir, const char *file)
{
	unlink(file);
	rmdir(dir);
}

START_TEST(test_descriptor_rule)
{
	pactum_registry *reg;
	char dir[4200], file[4300];
	const char *why, *where;
	int kind;

	copy_shapes(dir, sizeof(dir), file, sizeof(file));
	setenv("PACTUM_TEST_SHAPE", shapes[_i].shape, 1);
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_file(reg, file), PACTUM_OK);
	unsetenv("PACTUM_TEST_SHAPE");
	ck_assert_uint_eq(pactum_registry_count(reg), 0);
	ck_assert_uint_eq(pactum_registry_refused_count(reg), 1);
	ck_assert_str_eq(pactum_registry_refused_file(reg, 0), file);
	ck_assert_msg(strstr(pactum_registry_refused_reason(reg, 0),
			     shapes[_i].reason) != NULL,
		      "%s: \"%s\" lacks \"%s\"", shapes[_i].shape,
		      pactum_registry_refused_reason(reg, 0), shapes[_i].reason);
	/* a command asking for a plugin "shapes" can say why it is missing,
	 * if the descriptor says what it is */
	for (kind = PACTUM_PLUGIN_READER; kind <= PACTUM_PLUGIN_TRANSFORM;
	     kind++) {
		why = pactum_registry_refusal(&where, reg,
					      (pactum_plugin_kind)kind,
					      "shapes");
		if (shapes[_i].kind == BY_FILE || shapes[_i].kind == kind) {
			ck_assert_ptr_nonnull(why);
			ck_assert_str_eq(where, file);
			ck_assert_ptr_nonnull(strstr(why, shapes[_i].reason));
		} else {
			ck_assert_ptr_null(why);
			ck_assert_ptr_null(where);
		}
	}
	pactum_registry_free(reg);
	remove_shapes(dir, file);
}
END_TEST

/* The plugin unchanged loads; so does a writer of ABI 1.7 with suffixes
 * no 1.8 writer may have, since before 1.8 they are not read at all. */
START_TEST(test_descriptor_valid)
{
	static const char *const valid[] = { "none", "suffix-old-abi" };
	pactum_registry *reg;
	const pactum_plugin *p;
	char dir[4200], file[4300];

	copy_shapes(dir, sizeof(dir), file, sizeof(file));
	setenv("PACTUM_TEST_SHAPE", valid[_i], 1);
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_file(reg, file), PACTUM_OK);
	unsetenv("PACTUM_TEST_SHAPE");
	ck_assert_uint_eq(pactum_registry_refused_count(reg), 0);
	p = pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, "shapes");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(pactum_plugin_suffixes(p));
	pactum_registry_free(reg);
	remove_shapes(dir, file);
}
END_TEST

/* A plugin path that names a file, or a directory one cannot list: the
 * plugins it would hide are missed, so it is shown as refused. */
START_TEST(test_path_not_a_directory)
{
	pactum_registry *reg;
	char path[8400];

	snprintf(path, sizeof(path), "%s/dump.so", built("tests/plugins/.libs"));
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_path(reg, path), PACTUM_OK);
	ck_assert_uint_eq(pactum_registry_count(reg), 0);
	ck_assert_uint_eq(pactum_registry_refused_count(reg), 1);
	ck_assert_str_eq(pactum_registry_refused_file(reg, 0), path);
	ck_assert_str_eq(pactum_registry_refused_reason(reg, 0),
			 "cannot read the plugin directory: Not a directory");
	pactum_registry_free(reg);
}
END_TEST

/* ------------------------------------------------------------ pipeline */

struct run {
	int status;
	char *out;          /* the dump writer's output, or NULL */
	pactum_diag *diag;  /* what was reported */
};

static void run_free(struct run *r)
{
	free(r->out);
	pactum_diag_free(r->diag);
}

/* The writer render() uses, and what it calls with the document. */
static const char *render_writer = "dump";
static void (*inspect_doc)(const pactum_doc *doc, const pactum_options *opts);

/* Render tests/data/demo.xml with its deal and the given --set values. */
static struct run render(const char *langs_csv, const char *catalogs,
			 int draft, const char *const *sets)
{
	static const char *const none[] = { NULL };
	pactum_registry *reg = NULL;
	pactum_model *model = NULL;
	pactum_data *data = NULL;
	pactum_translator *tr = NULL;
	pactum_doc *doc = NULL;
	pactum_options *opts = NULL;
	pactum_sink *sink = NULL;
	const pactum_plugin *dump;
	const char *langs[4];
	char list[32], *save = NULL, *tok;
	char path[17000];
	struct run r = { PACTUM_OK, NULL, NULL };
	size_t n = 0, len;
	const char *bytes;

	ck_assert_int_eq(pactum_diag_new(&r.diag), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	snprintf(path, sizeof(path), "%s:", built("plugins/xml/.libs"));
	strncat(path, built("tests/plugins/.libs"),
		sizeof(path) - strlen(path) - 1);
	ck_assert_int_eq(pactum_registry_load_path(reg, path), PACTUM_OK);
	dump = pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, render_writer);
	ck_assert_ptr_nonnull(dump);
	snprintf(list, sizeof(list), "%s", langs_csv);
	for (tok = strtok_r(list, ",", &save); tok && n < 4;
	     tok = strtok_r(NULL, ",", &save))
		langs[n++] = tok;
	if (sets == NULL)
		sets = none;

	r.status = pactum_model_load(&model, reg,
				     source("tests/data/demo.xml"), r.diag);
	if (r.status == PACTUM_OK)
		r.status = pactum_data_new(&data);
	if (r.status == PACTUM_OK)
		r.status = pactum_data_load(data, reg,
					    source("tests/data/demo-deal.xml"),
					    r.diag);
	for (; r.status == PACTUM_OK && *sets; sets++)
		r.status = pactum_data_set_arg(data, *sets, r.diag);
	if (r.status == PACTUM_OK)
		r.status = pactum_translator_new(&tr, built(catalogs));
	if (r.status == PACTUM_OK) {
		pactum_translator_set_draft(tr, draft);
		r.status = pactum_doc_new(&doc, model, data, tr, langs, n,
					  r.diag);
	}
	if (r.status == PACTUM_OK)
		r.status = pactum_options_new(&opts);
	if (r.status == PACTUM_OK)
		r.status = pactum_sink_new(&sink);
	if (r.status == PACTUM_OK && inspect_doc != NULL)
		inspect_doc(doc, opts);
	if (r.status == PACTUM_OK)
		r.status = pactum_plugin_write(dump, sink, doc, opts, r.diag);
	if (r.status == PACTUM_OK) {
		bytes = pactum_sink_data(sink, &len);
		r.out = strndup(bytes, len);
	}
	pactum_sink_free(sink);
	pactum_options_free(opts);
	pactum_doc_free(doc);
	pactum_translator_free(tr);
	pactum_data_free(data);
	pactum_model_free(model);
	pactum_registry_free(reg);
	return r;
}

static int reported(const struct run *r, pactum_severity sev,
		    const char *needle)
{
	pactum_severity s;
	size_t i;

	for (i = 0; i < pactum_diag_size(r->diag); i++)
		if (strstr(pactum_diag_entry(r->diag, i, &s, NULL), needle) &&
		    s == sev)
			return 1;
	return 0;
}

#define COMPLETE "tests/catalogs/complete"
#define INCOMPLETE "tests/catalogs/incomplete"

#define ck_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "missing: %s\n%s", \
		      (needle), (hay))
#define ck_lacks(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) == NULL, "unexpected: %s\n%s", \
		      (needle), (hay))

START_TEST(test_bilingual)
{
	struct run r = render("de,en", COMPLETE, 0, NULL);

	ck_assert_int_eq(r.status, PACTUM_OK);
	ck_assert_uint_eq(pactum_diag_size(r.diag), 0);
	ck_has(r.out, "langs 2 prevailing 0\n");
	ck_has(r.out, "  de: [text]Demo-Vertrag\n  en: [text]Demo Agreement\n");
	ck_has(r.out, "[value@start]1.\xc2\xa0" "März\xc2\xa0" "2027");
	ck_has(r.out, "[value@start]1\xc2\xa0" "March\xc2\xa0" "2027");
	ck_has(r.out, "[value@fee]1.234,50\xc2\xa0" "EUR");
	ck_has(r.out, "[value@fee]EUR\xc2\xa0" "1,234.50");
	ck_has(r.out, "[value@discount]20\xc2\xa0%");
	ck_has(r.out, "[xref@grant]Ziffer\xc2\xa0" "1.1");
	ck_has(r.out, "[xref@grant]Section\xc2\xa0" "1.1");
	ck_has(r.out, "[term@products]Vertragsprodukte");
	ck_has(r.out, "[value@notice]drei Monate");
	ck_has(r.out, "[value@law]deutsches Recht");
	/* conditions off: no exclusivity clause, pricing is 1.2 */
	ck_lacks(r.out, "exclusivity");
	ck_has(r.out, "clause #pricing 1.2\n");
	ck_has(r.out, "item (b)\n  de: [text]letzter Punkt");
	ck_has(r.out, "[value@address]Hafenstraße 1, 20457 Hamburg");
	run_free(&r);
}
END_TEST

START_TEST(test_conditions_renumber)
{
	static const char *const sets[] = { "exclusive=yes", "discount=30",
					    "law=english", NULL };
	struct run r = render("en", COMPLETE, 0, sets);

	ck_assert_int_eq(r.status, PACTUM_OK);
	ck_has(r.out, "clause #exclusivity 1.2\n");
	ck_has(r.out, "clause #pricing 1.3\n");
	ck_has(r.out, "[xref@grant]Section\xc2\xa0" "1.1");
	ck_has(r.out, "item (b)\n  en: [text]only for large discounts\n");
	ck_has(r.out, "item (c)\n  en: [text]last item\n");
	ck_has(r.out, "[text]Either party may end");
	ck_has(r.out, "[value@law]English law");
	ck_lacks(r.out, "Notice period");
	run_free(&r);
}
END_TEST

START_TEST(test_strict_missing_translation)
{
	struct run r = render("de,en", INCOMPLETE, 0, NULL);
	pactum_pos pos;
	size_t i;

	ck_assert_int_eq(r.status, PACTUM_EUNTRANSLATED);
	ck_assert_ptr_null(r.out);
	/* the fuzzy item and the dropped placeholder, each with its line */
	ck_assert(reported(&r, PACTUM_ERROR,
			   "no de translation of \"pricing.i1\""));
	ck_assert(reported(&r, PACTUM_ERROR,
			   "translation of \"pricing.p1\" does not fit its "
			   "source text: placeholder {fee}"));
	for (i = 0; i < pactum_diag_size(r.diag); i++) {
		pactum_diag_entry(r.diag, i, NULL, &pos);
		ck_assert_uint_gt(pos.line, 0);
	}
	run_free(&r);
}
END_TEST

START_TEST(test_strict_untranslated_conditional_unit)
{
	static const char *const sets[] = { "exclusive=yes", NULL };
	struct run r = render("de", INCOMPLETE, 0, sets);

	ck_assert_int_eq(r.status, PACTUM_EUNTRANSLATED);
	ck_assert(reported(&r, PACTUM_ERROR,
			   "no de translation of \"exclusivity.p1\""));
	run_free(&r);
}
END_TEST

START_TEST(test_draft_marks_english)
{
	struct run r = render("de", INCOMPLETE, 1, NULL);

	ck_assert_int_eq(r.status, PACTUM_OK);
	/* since ABI 1.5 draft text keeps its kinds, marked */
	ck_has(r.out, "[untranslated:text]first item");
	ck_has(r.out, "[untranslated:text]The discount is ");
	ck_has(r.out, "[untranslated:value@discount]20");
	ck_assert(reported(&r, PACTUM_WARNING, "draft: 2 units"));
	ck_assert_uint_eq(pactum_diag_count(r.diag, PACTUM_ERROR), 0);
	run_free(&r);
}
END_TEST

/* A writer built for ABI 1.0 sees draft text as 1.4 showed it. */
START_TEST(test_draft_old_abi)
{
	struct run r;

	render_writer = "dump10";
	r = render("de", INCOMPLETE, 1, NULL);
	render_writer = "dump";
	ck_assert_int_eq(r.status, PACTUM_OK);
	ck_has(r.out, "[untranslated]first item");
	ck_has(r.out, "[untranslated]The discount is ");
	ck_has(r.out, " [value@discount]20");
	run_free(&r);
}
END_TEST

/* What plugin.h gives a writer besides the runs (ABI 1.5 and 1.6). */
static void check_sdk(const pactum_doc *doc, const pactum_options *opts)
{
	const pactum_block *b = pactum_doc_find(doc, "pricing"), *c;
	const pactum_run *run;
	pactum_value_type type;
	const char *canonical;
	pactum_pos pos;
	size_t lang, seen = 0;

	ck_assert_str_eq(pactum_doc_id(doc), "demo");
	/* ABI 1.6: a glossary entry by its term's id; runs compared */
	c = pactum_doc_term(doc, "products");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(pactum_block_kind_of(c), PACTUM_BLOCK_TERM);
	ck_assert_str_eq(pactum_block_id(c), "products");
	ck_assert_ptr_null(pactum_doc_term(doc, "pricing"));
	ck_assert_ptr_null(pactum_doc_term(doc, NULL));
	ck_assert_int_eq(pactum_runs_equal(NULL, NULL), 1);
	c = pactum_doc_find(doc, "appointment");
	ck_assert_ptr_nonnull(pactum_block_title(c, 0));
	ck_assert_int_eq(pactum_runs_equal(pactum_block_title(c, 0),
					   pactum_block_title(c, 0)), 1);
	ck_assert_int_eq(pactum_runs_equal(pactum_block_title(c, 0), NULL), 0);
	if (pactum_doc_lang_count(doc) == 2) /* "Ernennung", "Appointment" */
		ck_assert_int_eq(pactum_runs_equal(pactum_block_title(c, 0),
						   pactum_block_title(c, 1)), 0);
	ck_assert_ptr_nonnull(b);
	ck_assert_str_eq(pactum_block_number(b), "1.2");
	ck_assert_ptr_null(pactum_doc_find(doc, "no-such-id"));
	pos = pactum_block_pos(doc, b);
	ck_assert_ptr_nonnull(strstr(pos.file, "demo.xml"));
	ck_assert_uint_gt(pos.line, 1);
	ck_assert_int_eq(pactum_options_layout_given(opts), 0);
	/* German prevails: rendering 0 of de,en; not rendered in en */
	if (pactum_doc_lang_count(doc) == 2) {
		ck_assert_int_eq(pactum_doc_prevails(&lang, doc), PACTUM_OK);
		ck_assert_uint_eq(lang, 0);
		/* ABI 1.6: the CLDR locales of the catalogs, as BCP 47 */
		ck_assert_str_eq(pactum_doc_locale(doc, 0), "de-DE");
		ck_assert_str_eq(pactum_doc_locale(doc, 1), "en-GB");
		ck_assert_str_eq(pactum_doc_label(doc, 0, PACTUM_LABEL_PAGE),
				 "Seite {page} von {pages}");
		ck_assert_ptr_null(pactum_doc_locale(doc, 2));
	} else {
		ck_assert_int_eq(pactum_doc_prevails(&lang, doc),
				 PACTUM_ENOTFOUND);
		ck_assert_uint_eq(pactum_doc_prevailing(doc), 0);
	}
	c = pactum_block_first_child(b);
	for (run = pactum_block_content(c, 0); run; run = pactum_run_next(run)) {
		const char *ref = pactum_run_ref(run);

		if (pactum_run_kind_of(run) != PACTUM_RUN_VALUE) {
			ck_assert_int_eq(pactum_run_value(&type, &canonical, run),
					 PACTUM_ENOTFOUND);
			continue;
		}
		ck_assert_int_eq(pactum_run_value(&type, &canonical, run),
				 PACTUM_OK);
		if (strcmp(ref, "discount") == 0) {
			ck_assert_int_eq(type, PACTUM_VALUE_PERCENT);
			ck_assert_str_eq(canonical, "20");
			seen++;
		} else if (strcmp(ref, "fee") == 0) {
			ck_assert_int_eq(type, PACTUM_VALUE_MONEY);
			ck_assert_str_eq(canonical, "1234.50 EUR");
			seen++;
		}
	}
	ck_assert_uint_eq(seen, 2);
}

START_TEST(test_sdk_accessors)
{
	struct run r;

	inspect_doc = check_sdk;
	r = render("de,en", COMPLETE, 0, NULL);
	ck_assert_int_eq(r.status, PACTUM_OK);
	run_free(&r);
	r = render("en", COMPLETE, 0, NULL);
	inspect_doc = NULL;
	ck_assert_int_eq(r.status, PACTUM_OK);
	run_free(&r);
}
END_TEST

START_TEST(test_missing_catalog)
{
	struct run r = render("de", "tests/catalogs/none", 0, NULL);

	ck_assert_int_eq(r.status, PACTUM_EUNTRANSLATED);
	ck_assert(reported(&r, PACTUM_ERROR,
			   "no catalog for text domain \"pactum-demo\""));
	run_free(&r);
}
END_TEST

START_TEST(test_data_errors_all_reported)
{
	static const char *const sets[] = { "discount=80", "start=2027-02-30",
					    "exclusive=maybe", "typo=1",
					    "reseller.phone=1", NULL };
	struct run r = render("en", COMPLETE, 0, sets);

	ck_assert_int_eq(r.status, PACTUM_EINPUT);
	ck_assert_ptr_null(r.out);
	ck_assert(reported(&r, PACTUM_ERROR, "above the maximum 60"));
	ck_assert(reported(&r, PACTUM_ERROR, "a date as YYYY-MM-DD"));
	ck_assert(reported(&r, PACTUM_ERROR, "\"maybe\" is not a valid"));
	ck_assert(reported(&r, PACTUM_ERROR, "\"typo\" is neither"));
	ck_assert(reported(&r, PACTUM_ERROR, "\"reseller.phone\" is neither"));
	ck_assert_uint_eq(pactum_diag_count(r.diag, PACTUM_ERROR), 5);
	run_free(&r);
}
END_TEST

START_TEST(test_environment_does_not_matter)
{
	struct run a = render("de,en", COMPLETE, 0, NULL), b;

	setenv("LANG", "de_DE.UTF-8", 1);
	setenv("LANGUAGE", "fr", 1);
	setenv("LC_ALL", "C", 1);
	setenv("TZ", "Pacific/Kiritimati", 1);
	b = render("de,en", COMPLETE, 0, NULL);
	ck_assert_int_eq(b.status, PACTUM_OK);
	ck_assert_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);
}
END_TEST

/* ------------------------------------------------------------ threads */

/* What the threads share: one model, one deal, one translator. */
struct shared {
	const pactum_model *model;
	const pactum_data *data;
	pactum_translator *tr;
	const pactum_plugin *dump;
	char *out; /* this thread's render */
	int status;
};

static void *render_thread(void *arg)
{
	static const char *const langs[] = { "de", "en" };
	struct shared *sh = arg;
	pactum_diag *diag = NULL;
	pactum_doc *doc = NULL;
	pactum_options *opts = NULL;
	pactum_sink *sink = NULL;
	const char *bytes;
	size_t len;
	int i;

	/* several documents each, to overlap with the other threads */
	for (i = 0; i < 20 && sh->status == PACTUM_OK; i++) {
		pactum_doc_free(doc);
		pactum_sink_free(sink);
		pactum_diag_free(diag);
		doc = NULL;
		sink = NULL;
		sh->status = pactum_diag_new(&diag);
		if (sh->status == PACTUM_OK)
			sh->status = pactum_doc_new(&doc, sh->model, sh->data,
						    sh->tr, langs, 2, diag);
		if (sh->status == PACTUM_OK && opts == NULL)
			sh->status = pactum_options_new(&opts);
		if (sh->status == PACTUM_OK)
			sh->status = pactum_sink_new(&sink);
		if (sh->status == PACTUM_OK)
			sh->status = pactum_plugin_write(sh->dump, sink, doc,
							 opts, diag);
	}
	if (sh->status == PACTUM_OK) {
		bytes = pactum_sink_data(sink, &len);
		sh->out = strndup(bytes, len);
	}
	pactum_sink_free(sink);
	pactum_options_free(opts);
	pactum_doc_free(doc);
	pactum_diag_free(diag);
	return NULL;
}

START_TEST(test_threads_share_model_and_translator)
{
	struct run single = render("de,en", COMPLETE, 0, NULL);
	pactum_registry *reg;
	pactum_model *model;
	pactum_data *data;
	pactum_translator *tr;
	pactum_diag *diag;
	struct shared sh[4];
	pthread_t threads[4];
	char path[17000];
	int i;

	ck_assert_int_eq(single.status, PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	snprintf(path, sizeof(path), "%s:", built("plugins/xml/.libs"));
	strncat(path, built("tests/plugins/.libs"),
		sizeof(path) - strlen(path) - 1);
	ck_assert_int_eq(pactum_registry_load_path(reg, path), PACTUM_OK);
	ck_assert_int_eq(pactum_model_load(&model, reg,
					   source("tests/data/demo.xml"), diag),
			 PACTUM_OK);
	ck_assert_int_eq(pactum_data_new(&data), PACTUM_OK);
	ck_assert_int_eq(pactum_data_load(data, reg,
					  source("tests/data/demo-deal.xml"),
					  diag),
			 PACTUM_OK);
	/* the catalog is loaded by whichever thread comes first */
	ck_assert_int_eq(pactum_translator_new(&tr, built(COMPLETE)),
			 PACTUM_OK);
	for (i = 0; i < 4; i++) {
		sh[i].model = model;
		sh[i].data = data;
		sh[i].tr = tr;
		sh[i].dump = pactum_registry_find(reg, PACTUM_PLUGIN_WRITER,
						  "dump");
		sh[i].out = NULL;
		sh[i].status = PACTUM_OK;
		ck_assert_int_eq(pthread_create(&threads[i], NULL,
						render_thread, &sh[i]),
				 0);
	}
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
		ck_assert_int_eq(sh[i].status, PACTUM_OK);
		ck_assert_str_eq(sh[i].out, single.out);
		free(sh[i].out);
	}
	pactum_translator_free(tr);
	pactum_data_free(data);
	pactum_model_free(model);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	run_free(&single);
}
END_TEST

/* ------------------------------------------------------------ output */

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

START_TEST(test_commit_atomic)
{
	char dir[] = "/tmp/pactum-sink-XXXXXX", file[256], bad[256];
	pactum_diag *diag;
	pactum_sink *sink;
	char buf[64] = { 0 };
	FILE *fp;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/out.txt", dir);
	snprintf(bad, sizeof(bad), "%s/missing/out.txt", dir);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_puts(sink, "first"), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_commit(sink, file, diag), PACTUM_OK);
	pactum_sink_free(sink);

	/* a failing commit leaves no temporary file behind */
	ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_puts(sink, "second"), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_commit(sink, bad, diag), PACTUM_EIO);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 1);
	ck_assert_int_eq(count_entries(dir), 1);
	fp = fopen(file, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), fp));
	fclose(fp);
	ck_assert_str_eq(buf, "first");
	pactum_sink_free(sink);
	pactum_diag_free(diag);
	unlink(file);
	rmdir(dir);
}
END_TEST

/* Commit "x" to path; the status, and the one message in *msg. */
static int commit_to(const char *path, char *msg, size_t size)
{
	pactum_diag *diag;
	pactum_sink *sink;
	pactum_pos pos;
	int error;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_puts(sink, "x"), PACTUM_OK);
	error = pactum_sink_commit(sink, path, diag);
	msg[0] = '\0';
	if (pactum_diag_size(diag) > 0) {
		const char *m = pactum_diag_entry(diag, 0, NULL, &pos);

		ck_assert_uint_eq(pactum_diag_size(diag), 1);
		ck_assert_str_eq(pos.file, path); /* the message names it */
		snprintf(msg, size, "%s", m);
	}
	pactum_sink_free(sink);
	pactum_diag_free(diag);
	return error;
}

/* What --output refuses or cannot write, each with its reason. */
START_TEST(test_commit_refusals)
{
	char dir[] = "/tmp/pactum-commit-XXXXXX", path[600], msg[300];
	char cwd[4096];
	struct stat st;
	int n;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* a directory, named as one or directly below the root */
	snprintf(path, sizeof(path), "%s/", dir);
	ck_assert_int_eq(commit_to(path, msg, sizeof(msg)), PACTUM_EIO);
	ck_assert_str_eq(msg, "is a directory; give a file name");
	ck_assert_int_eq(commit_to("/proc", msg, sizeof(msg)), PACTUM_EIO);
	ck_assert_str_eq(msg, "is a directory; give a file name");
	/* a name the system cannot look at */
	n = snprintf(path, sizeof(path), "%s/", dir);
	memset(path + n, 'a', 300);
	path[n + 300] = '\0';
	ck_assert_int_eq(commit_to(path, msg, sizeof(msg)), PACTUM_EIO);
	ck_assert_str_eq(msg, "cannot write: File name too long");
	/* a character device that cannot take it */
	ck_assert_int_eq(commit_to("/dev/full", msg, sizeof(msg)), PACTUM_EIO);
	ck_assert_str_eq(msg, "cannot write: No space left on device");
	/* a directory where no file can be made (procfs) */
	ck_assert_int_eq(commit_to("/proc/pactum-test.txt", msg, sizeof(msg)),
			 PACTUM_EIO);
	ck_assert_msg(strncmp(msg, "cannot write: ", 14) == 0, "%s", msg);
	ck_assert_int_ne(lstat("/proc/pactum-test.txt", &st), 0);
	/* devices only root can make: a block device, and a character
	 * device without a driver (major 240 is for local, experimental use) */
	snprintf(path, sizeof(path), "%s/blk", dir);
	if (mknod(path, S_IFBLK | 0600, makedev(7, 200)) == 0) {
		ck_assert_int_eq(commit_to(path, msg, sizeof(msg)), PACTUM_EIO);
		ck_assert_str_eq(msg, "is a block device; pactum does not write "
				      "to block devices");
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/chr", dir);
	if (mknod(path, S_IFCHR | 0600, makedev(240, 0)) == 0) {
		ck_assert_int_eq(commit_to(path, msg, sizeof(msg)), PACTUM_EIO);
		ck_assert_str_eq(msg, "cannot write: No such device or address");
		ck_assert_int_eq(lstat(path, &st), 0);
		ck_assert(S_ISCHR(st.st_mode)); /* not replaced by a file */
		unlink(path);
	}
	/* a bare file name is in the current directory */
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(dir), 0);
	ck_assert_int_eq(commit_to("out.txt", msg, sizeof(msg)), PACTUM_OK);
	ck_assert_str_eq(msg, "");
	ck_assert_int_eq(chdir(cwd), 0);
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 1);
	unlink(path);
	ck_assert_int_eq(count_entries(dir), 0);
	rmdir(dir);
}
END_TEST

/* ABI 1.6: markup-safe text, as every XML and HTML writer needs it. */
START_TEST(test_sink_escaped)
{
	static const char in[] = "a<b>&\"c\" \x01\x7f\t\n\xc3\xa4";
	pactum_sink *sink;
	const char *bytes;
	size_t len;

	ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_put_escaped(sink, in, sizeof(in) - 1),
			 PACTUM_OK);
	/* the length bounds it: the NUL and what follows are not read */
	ck_assert_int_eq(pactum_sink_put_escaped(sink, "x\0<", 1), PACTUM_OK);
	bytes = pactum_sink_data(sink, &len);
	ck_assert_str_eq(bytes, "a&lt;b&gt;&amp;&quot;c&quot; \t\n\xc3\xa4x");
	ck_assert_uint_eq(len, strlen(bytes));
	pactum_sink_free(sink);
}
END_TEST

/* Every byte value at every offset of a text longer than two words, against
 * a reference that escapes one byte at a time. */
START_TEST(test_sink_escaped_every_byte)
{
	char in[24], want[24 * 6 + 1];
	const char *bytes;
	pactum_sink *sink;
	size_t len, at, n, w;
	unsigned c;

	for (c = 0; c < 256; c++) {
		for (at = 0; at < sizeof(in); at++) {
			memset(in, 'a', sizeof(in));
			in[at] = (char)c;
			for (n = 0, w = 0; n < sizeof(in); n++) {
				unsigned char b = (unsigned char)in[n];
				const char *e = NULL;

				if (b == '&')
					e = "&amp;";
				else if (b == '<')
					e = "&lt;";
				else if (b == '>')
					e = "&gt;";
				else if (b == '"')
					e = "&quot;";
				if (e) {
					memcpy(&want[w], e, strlen(e));
					w += strlen(e);
				} else if ((b >= 0x20 && b != 0x7f) || b == '\t' ||
					   b == '\n') {
					want[w++] = (char)b;
				}
			}
			want[w] = '\0';
			ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
			ck_assert_int_eq(pactum_sink_put_escaped(sink, in,
								 sizeof(in)),
					 PACTUM_OK);
			bytes = pactum_sink_data(sink, &len);
			ck_assert_uint_eq(len, strlen(want));
			ck_assert_msg(memcmp(bytes, want, len) == 0,
				      "byte 0x%02x at %zu", c, at);
			pactum_sink_free(sink);
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plugins");
	TCase *loader = tcase_create("loader");
	TCase *pipeline = tcase_create("pipeline");
	TCase *output = tcase_create("output");
	SRunner *sr;
	int failed;

	/* pactum's own contract words, where an installed pactum has them */
	setenv("PACTUM_CATALOG_PATH", built("catalogs"), 1);
	tcase_add_loop_test(loader, test_refusal, 0,
			    PACTUM_ARRAY_SIZE_REFUSALS);
	tcase_add_test(loader, test_directory_scan);
	tcase_add_loop_test(loader, test_descriptor_rule, 0,
			    (int)(sizeof(shapes) / sizeof(shapes[0])));
	tcase_add_loop_test(loader, test_descriptor_valid, 0, 2);
	tcase_add_test(loader, test_path_not_a_directory);
	tcase_add_test(pipeline, test_bilingual);
	tcase_add_test(pipeline, test_conditions_renumber);
	tcase_add_test(pipeline, test_strict_missing_translation);
	tcase_add_test(pipeline, test_strict_untranslated_conditional_unit);
	tcase_add_test(pipeline, test_draft_marks_english);
	tcase_add_test(pipeline, test_draft_old_abi);
	tcase_add_test(pipeline, test_sdk_accessors);
	tcase_add_test(pipeline, test_missing_catalog);
	tcase_add_test(pipeline, test_data_errors_all_reported);
	tcase_add_test(pipeline, test_environment_does_not_matter);
	tcase_add_test(pipeline, test_threads_share_model_and_translator);
	tcase_add_test(output, test_commit_atomic);
	tcase_add_test(output, test_commit_refusals);
	tcase_add_test(output, test_sink_escaped);
	tcase_add_test(output, test_sink_escaped_every_byte);
	suite_add_tcase(s, loader);
	suite_add_tcase(s, pipeline);
	suite_add_tcase(s, output);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
