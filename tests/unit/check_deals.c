/* Deal streams through the real xml reader: pactum_data_each() over the
 * files of tests/data/deals and the shipped deals, against read_data,
 * whatever size of pieces the file is read in.  The pairs of a data set
 * are read from core/lib/data.h. */
#include "config.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <pactum/pactum.h>

#include "data.h"

static pactum_registry *reg;
static char dir[] = "/tmp/pactum-deals.XXXXXX";

static const char *source(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("top_srcdir");

	snprintf(buf, size, "%s/%s", top ? top : "..", rel);
	return buf;
}

static void setup(void)
{
	const char *top = getenv("top_builddir");
	char path[4096];

	snprintf(path, sizeof(path), "%s/plugins/xml/.libs", top ? top : ".");
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum_registry_load_path(reg, path), PACTUM_OK);
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
	pactum_registry_free(reg);
	unsetenv("PACTUM_XML_TEST_CHUNK");
}

/* ------------------------------------------------------------ helpers */

static void print_diag(FILE *fp, const pactum_diag *diag)
{
	size_t i;

	for (i = 0; i < pactum_diag_size(diag); i++) {
		pactum_pos pos;
		const char *m = pactum_diag_entry(diag, i, NULL, &pos);

		fprintf(fp, "  ! %u:%u %s\n", (unsigned)pos.line,
			(unsigned)pos.col, m);
	}
}

static void print_data(FILE *fp, const pactum_data *data)
{
	size_t i;

	for (i = 0; i < data->count; i++) {
		const pactum_datum *d = data->items[i];

		fprintf(fp, "  %s=%.*s @%u:%u\n", d->name, (int)d->len, d->value,
			(unsigned)d->pos.line, (unsigned)d->pos.col);
	}
}

struct each {
	FILE *fp;
	size_t deals, bad, stop_at;
	pactum_data *last; /* kept, when asked for */
	int keep;
};

static int on_deal(void *ctx, pactum_data *data, pactum_diag *diag,
		   size_t record, const pactum_pos *pos)
{
	struct each *e = ctx;

	e->deals++;
	if (pactum_diag_count(diag, PACTUM_ERROR) > 0)
		e->bad++;
	fprintf(e->fp, "deal %zu @%u:%u\n", record, (unsigned)pos->line,
		(unsigned)pos->col);
	print_data(e->fp, data);
	print_diag(e->fp, diag);
	pactum_diag_free(diag);
	if (e->keep) {
		pactum_data_free(e->last);
		e->last = data;
	} else {
		pactum_data_free(data);
	}
	return e->stop_at && record == e->stop_at ? PACTUM_EIO : PACTUM_OK;
}

/* Everything pactum_data_each() hands over and reports, as text (owned),
 * read chunk bytes at a time (0: the reader's own size). */
static char *transcript(int *status, const char *path, size_t chunk,
			struct each *e)
{
	struct each own = { 0 };
	pactum_diag *diag;
	char *text = NULL, n[32];
	size_t len = 0;

	if (e == NULL)
		e = &own;
	if (chunk) {
		snprintf(n, sizeof(n), "%zu", chunk);
		setenv("PACTUM_XML_TEST_CHUNK", n, 1);
	} else {
		unsetenv("PACTUM_XML_TEST_CHUNK");
	}
	e->fp = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(e->fp);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	*status = pactum_data_each(reg, path, on_deal, e, diag);
	fprintf(e->fp, "status %d\n", *status);
	print_diag(e->fp, diag);
	pactum_diag_free(diag);
	fclose(e->fp);
	unsetenv("PACTUM_XML_TEST_CHUNK");
	return text;
}

/* What read_data says of the file: its pairs and problems (owned). */
static char *read_whole(int *status, const char *path)
{
	pactum_data *data;
	pactum_diag *diag;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pactum_data_new(&data), PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	*status = pactum_data_load(data, reg, path, diag);
	print_data(fp, data);
	print_diag(fp, diag);
	pactum_data_free(data);
	pactum_diag_free(diag);
	fclose(fp);
	return text;
}

static const char *write_file(const char *name, const char *bytes, size_t len)
{
	static char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(bytes, 1, len, fp), len);
	fclose(fp);
	return path;
}

static void assert_has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "no \"%s\" in:\n%s", want,
		      text);
}

/* ------------------------------------------------------------ tests */

START_TEST(test_three)
{
	char path[4096];
	struct each e = { .keep = 1 };
	int status;
	char *t = transcript(&status, source(path, sizeof(path),
					     "tests/data/deals/three.xml"),
			     0, &e);

	ck_assert_int_eq(status, PACTUM_OK);
	ck_assert_uint_eq(e.deals, 3);
	ck_assert_uint_eq(e.bad, 0);
	/* record numbers, each deal's start tag, its values where they are */
	assert_has(t, "deal 1 @5:3\n"
		      "  reseller.name=Nordwind GmbH @6:26\n"
		      "  reseller.country=DE @6:52\n"
		      "  territory=Germany @7:5\n"
		      "  discount=30 @8:5\n"
		      "deal 2 @10:3\n"
		      "  reseller.name=Alpenblick AG @12:7\n"
		      "  reseller.signatory.1.name=Eva Roth @13:18\n"
		      "  reseller.signatory.1.function=CEO @13:39\n"
		      "  territory=Austria @15:5\n"
		      "deal 3 @17:3\n"
		      "  products.1= @18:27\n"
		      "  products.1.name=Lathe @18:35\n"
		      "  products.2= @18:62\n"
		      "status 0\n");
	/* the last deal's data is the program's: it outlives the stream */
	ck_assert_uint_eq(e.last->count, 3);
	pactum_data_free(e.last);
	free(t);
}
END_TEST

START_TEST(test_empty)
{
	char path[4096];
	struct each e = { 0 };
	int status;
	char *t = transcript(&status, source(path, sizeof(path),
					     "tests/data/deals/empty.xml"),
			     0, &e);

	ck_assert_int_eq(status, PACTUM_OK);
	ck_assert_uint_eq(e.deals, 0);
	ck_assert_str_eq(t, "status 0\n");
	free(t);
}
END_TEST

/* Every shipped deal is a stream of one that gives what read_data gives,
 * positions included. */
START_TEST(test_shipped_deals_are_streams_of_one)
{
	char pattern[4096];
	glob_t g;
	size_t i;

	source(pattern, sizeof(pattern), "templates/*/deals/*.xml");
	ck_assert_int_eq(glob(pattern, 0, NULL, &g), 0);
	ck_assert_uint_ge(g.gl_pathc, 14);
	for (i = 0; i < g.gl_pathc; i++) {
		struct each e = { 0 };
		int status, whole_status;
		char *t = transcript(&status, g.gl_pathv[i], 0, &e);
		char *w = read_whole(&whole_status, g.gl_pathv[i]);
		char *body = strchr(t, '\n');

		ck_assert_int_eq(whole_status, PACTUM_OK);
		ck_assert_int_eq(status, PACTUM_OK);
		ck_assert_uint_eq(e.deals, 1);
		ck_assert_uint_eq(e.bad, 0);
		ck_assert_ptr_nonnull(body);
		/* the pairs after "deal 1 @L:C", before "status 0" */
		*strstr(body, "status 0\n") = '\0';
		ck_assert_msg(strcmp(body + 1, w) == 0, "%s: stream\n%s\nwhole\n%s",
			      g.gl_pathv[i], body + 1, w);
		free(t);
		free(w);
	}
	globfree(&g);
}
END_TEST

START_TEST(test_bad_deal_in_the_middle)
{
	char path[4096];
	struct each e = { 0 };
	int status;
	char *t = transcript(&status,
			     source(path, sizeof(path),
				    "tests/data/deals/bad-middle.xml"),
			     0, &e);

	/* the file had problems of its own: stray text, an <offer> */
	ck_assert_int_eq(status, PACTUM_EINPUT);
	ck_assert_uint_eq(e.deals, 3);
	ck_assert_uint_eq(e.bad, 1);
	assert_has(t, "deal 1 @6:3\n  territory=Germany @6:9\n");
	/* the bad deal's problems are its own, at their lines */
	assert_has(t, "deal 2 @7:3\n"
		      "  territory=Austria @8:5\n"
		      "  ! 9:5 unknown element <amount> (deal data holds "
		      "<value>, <party> and <list>)\n"
		      "  ! 10:5 \"territory\" is given twice (first on line 8)\n");
	assert_has(t, "deal 3 @14:3\n  territory=Italy @14:9\nstatus -1\n"
		      "  ! 12:0 text is not allowed in <deals>\n"
		      "  ! 13:3 unknown element <offer> (a <deals> holds "
		      "<deal>s)\n");
	free(t);
}
END_TEST

START_TEST(test_cut_off)
{
	char path[4096];
	struct each e = { 0 };
	int status;
	char *t = transcript(&status, source(path, sizeof(path),
					     "tests/data/deals/cut.xml"),
			     0, &e);

	ck_assert_int_eq(status, PACTUM_EINPUT);
	ck_assert_uint_eq(e.deals, 1);
	assert_has(t, "deal 1 @5:3\n  territory=Germany @5:9\nstatus -1\n"
		      "  ! 7:44 the file ends inside <deal>: cut off?\n");
	free(t);
}
END_TEST

/* The same file read 1, 2, 3 or 7 bytes at a time: the same deals, the
 * same problems at the same places. */
START_TEST(test_chunk_boundaries)
{
	static const char *const files[] = {
		"tests/data/deals/three.xml", "tests/data/deals/bad-middle.xml",
		"tests/data/deals/cut.xml", "tests/data/deals/doctype.xml",
		"tests/data/deals/empty.xml", "tests/data/demo-deal.xml",
	};
	static const size_t chunks[] = { 1, 2, 3, 7 };
	size_t i, j;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[4096];
		int status, s;
		char *whole = transcript(&status, source(path, sizeof(path),
							 files[i]),
					 0, NULL);

		for (j = 0; j < sizeof(chunks) / sizeof(chunks[0]); j++) {
			char *t = transcript(&s, path, chunks[j], NULL);

			ck_assert_int_eq(s, status);
			ck_assert_msg(strcmp(t, whole) == 0,
				      "%s in pieces of %zu:\n%s\nwhole:\n%s",
				      files[i], chunks[j], t, whole);
			free(t);
		}
		free(whole);
	}
}
END_TEST

/* What the scanner refuses in a single deal file is refused in a stream
 * with the same message at the same place, in pieces of any size. */
static void assert_refused_alike(const char *path, const char *message)
{
	int each_status, whole_status, s;
	char *t = transcript(&each_status, path, 0, NULL);
	char *one = transcript(&s, path, 1, NULL);
	char *w = read_whole(&whole_status, path);
	const char *in_each = strstr(t, "  ! ");

	ck_assert_int_eq(whole_status, PACTUM_EINPUT);
	ck_assert_int_eq(each_status, PACTUM_EINPUT);
	ck_assert_int_eq(s, PACTUM_EINPUT);
	assert_has(w, message);
	ck_assert_ptr_nonnull(in_each);
	ck_assert_str_eq(in_each, w);
	ck_assert_str_eq(one, t);
	free(t);
	free(one);
	free(w);
}

START_TEST(test_refused_as_a_single_file)
{
	char doc[4096], path[4096];
	char *bomb = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&bomb, &len);

	/* 33 attributes: libxml2 2.9.14 checks them in quadratic time */
	fputs("<deal xmlns=\"urn:pactum:deal:1\">\n  <value", fp);
	for (i = 0; i < 40; i++)
		fprintf(fp, " a%zu=\">\"", i);
	fputs(" name=\"x\">1</value>\n</deal>\n", fp);
	fclose(fp);
	assert_refused_alike(write_file("attrs.xml", bomb, len),
			     "  ! 2:3 an element with more than 16 attributes\n");
	free(bomb);
	assert_refused_alike(source(doc, sizeof(doc),
				    "tests/data/deals/doctype.xml"),
			     "  ! 2:1 a DOCTYPE is not allowed (it could "
			     "define entities)\n");
	/* UTF-16 with its byte-order mark */
	{
		static const char text[] = "<deal xmlns=\"urn:pactum:deal:1\"/>";
		char u16[2 + 2 * sizeof(text)];

		u16[0] = (char)0xff;
		u16[1] = (char)0xfe;
		for (i = 0; i + 1 < sizeof(text); i++) {
			u16[2 + 2 * i] = text[i];
			u16[3 + 2 * i] = 0;
		}
		assert_refused_alike(write_file("utf16.xml", u16,
						2 + 2 * (sizeof(text) - 1)),
				     "  ! 1:1 the file is UTF-16; pactum reads "
				     "UTF-8 only");
	}
	assert_refused_alike(
		write_file("latin1.xml",
			   "<deal xmlns=\"urn:pactum:deal:1\">\n"
			   "<value name=\"a\">Gr\xfc\xdf" "e</value></deal>\n",
			   strlen("<deal xmlns=\"urn:pactum:deal:1\">\n"
				  "<value name=\"a\">Gr\xfc\xdf" "e</value></deal>\n")),
		"  ! 2:19 byte 0xFC is not UTF-8");
	(void)path;
}
END_TEST

/* In a collection, a refused deal ends the stream there: the deals before
 * it were handed over. */
START_TEST(test_refused_deal_ends_the_stream)
{
	static const char head[] = "<deals xmlns=\"urn:pactum:deal:1\">\n"
				   "  <deal><value name=\"a\">1</value></deal>\n"
				   "  <deal><value name=\"b\"";
	char bytes[sizeof(head) + 64 * 8 + 64], *t;
	size_t len = 0, i;
	struct each e = { 0 };
	int status;

	memcpy(bytes, head, sizeof(head) - 1);
	len = sizeof(head) - 1;
	for (i = 0; i < 40; i++)
		len += (size_t)sprintf(bytes + len, " a%zu=\"\"", i);
	len += (size_t)sprintf(bytes + len, ">2</value></deal>\n</deals>\n");
	t = transcript(&status, write_file("attrs.xml", bytes, len), 0, &e);
	ck_assert_int_eq(status, PACTUM_EINPUT);
	ck_assert_uint_eq(e.deals, 1);
	assert_has(t, "deal 1 @2:3\n  a=1 @2:9\nstatus -1\n"
		      "  ! 3:9 an element with more than 16 attributes\n");
	free(t);
}
END_TEST

START_TEST(test_stop)
{
	char path[4096];
	struct each e = { .stop_at = 2 };
	int status;
	char *t = transcript(&status, source(path, sizeof(path),
					     "tests/data/deals/three.xml"),
			     0, &e);

	/* the program's status comes back, and nothing more is read */
	ck_assert_int_eq(status, PACTUM_EIO);
	ck_assert_uint_eq(e.deals, 2);
	ck_assert_ptr_null(strstr(t, "deal 3"));
	ck_assert_ptr_null(strstr(t, "  ! "));
	free(t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("deals");
	TCase *tc = tcase_create("stream");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_three);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_shipped_deals_are_streams_of_one);
	tcase_add_test(tc, test_bad_deal_in_the_middle);
	tcase_add_test(tc, test_cut_off);
	tcase_add_test(tc, test_chunk_boundaries);
	tcase_add_test(tc, test_refused_as_a_single_file);
	tcase_add_test(tc, test_refused_deal_ends_the_stream);
	tcase_add_test(tc, test_stop);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
