/* The registry's rules for descriptors linked into a program (the fuzz
 * targets' way in, pactum__registry_add()), finding a reader by a file's
 * suffix, and what a callback sees of itself: pactum_plugin_active()
 * names it while it runs, and an error it reports counts even when it
 * returns PACTUM_OK. */
#include "config.h"

#include <string.h>

#include "internal.h"
#include "model.h"
#include "suites.h"

static const char *const mem_suffixes[] = { "mem", "memo", NULL };

/* what read_model saw of itself */
static int seen_active;
static const char *seen_name, *seen_callback, *seen_file;

static int mem_read_model(pactum_model *model, const char *path,
			  const char *bytes, size_t len, pactum_diag *diag)
{
	pactum_pos pos = { path, 1, 1 };

	(void)model;
	seen_active = pactum_plugin_active(&seen_name, &seen_callback,
					   &seen_file);
	/* "error" in the input: reported, and PACTUM_OK returned all the same */
	if (len >= 5 && memcmp(bytes, "error", 5) == 0)
		pactum_diag_report(diag, PACTUM_ERROR, &pos, "bad input");
	return PACTUM_OK;
}

static pactum_plugin_desc reader_desc(void)
{
	pactum_plugin_desc d;

	memset(&d, 0, sizeof(d));
	d.abi_major = PACTUM_PLUGIN_ABI_MAJOR;
	d.abi_minor = PACTUM_PLUGIN_ABI_MINOR;
	d.kind = PACTUM_PLUGIN_READER;
	d.name = "mem";
	d.version = "1";
	d.description = "a reader linked into the test";
	d.suffixes = mem_suffixes;
	d.read_model = mem_read_model;
	return d;
}

START_TEST(test_add_checks_the_descriptor)
{
	static pactum_plugin_desc good, major, minor, unnamed, other;
	pactum_registry *reg;

	good = major = minor = unnamed = other = reader_desc();
	major.abi_major++;
	minor.abi_minor++;
	unnamed.name = "Not A Name";
	other.name = "mem2";
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum__registry_add(reg, &major, "major"),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__registry_add(reg, &minor, "minor"),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__registry_add(reg, &unnamed, "unnamed"),
			 PACTUM_EINVAL);
	ck_assert_uint_eq(pactum_registry_count(reg), 0);
	ck_assert_int_eq(pactum__registry_add(reg, &good, "good"), PACTUM_OK);
	/* a second plugin of that kind and name is refused */
	ck_assert_int_eq(pactum__registry_add(reg, &good, "again"),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__registry_add(reg, &other, "other"),
			 PACTUM_OK);
	ck_assert_uint_eq(pactum_registry_count(reg), 2);
	ck_assert_ptr_eq(pactum__plugin_descriptor(pactum_registry_find(
				 reg, PACTUM_PLUGIN_READER, "mem")),
			 &good);
	pactum_registry_free(reg);
}
END_TEST

START_TEST(test_reader_by_suffix)
{
	static pactum_plugin_desc d;
	pactum_registry *reg;
	const pactum_plugin *mem;

	d = reader_desc();
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum__registry_add(reg, &d, "mem"), PACTUM_OK);
	mem = pactum_registry_find(reg, PACTUM_PLUGIN_READER, "mem");
	ck_assert_ptr_nonnull(mem);
	ck_assert_ptr_eq(pactum_registry_find_reader(reg, "a.mem"), mem);
	ck_assert_ptr_eq(pactum_registry_find_reader(reg, "dir/a.b.memo"), mem);
	ck_assert_ptr_null(pactum_registry_find_reader(reg, "README"));
	/* the dot is the directory's, not the file's */
	ck_assert_ptr_null(pactum_registry_find_reader(reg, "a.mem/README"));
	ck_assert_ptr_null(pactum_registry_find_reader(reg, "a.xml"));
	ck_assert_ptr_null(pactum_registry_find_reader(reg, "a."));
	pactum_registry_free(reg);
}
END_TEST

START_TEST(test_active_callback)
{
	static pactum_plugin_desc d;
	const char *name, *callback, *file;
	pactum_registry *reg;
	pactum_model *model;
	pactum_diag *diag;
	const pactum_plugin *mem;

	d = reader_desc();
	ck_assert_int_eq(pactum_registry_new(&reg), PACTUM_OK);
	ck_assert_int_eq(pactum__registry_add(reg, &d, "(linked in)"),
			 PACTUM_OK);
	mem = pactum_registry_find(reg, PACTUM_PLUGIN_READER, "mem");
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__model_new(&model, "m.mem"), PACTUM_OK);
	ck_assert_int_eq(pactum_plugin_active(&name, &callback, &file), 0);
	seen_active = 0;
	ck_assert_int_eq(pactum__plugin_read_model(mem, model, "m.mem", "ok", 2,
						   diag),
			 PACTUM_OK);
	ck_assert_int_eq(seen_active, 1);
	ck_assert_str_eq(seen_name, "mem");
	ck_assert_str_eq(seen_callback, "read_model");
	ck_assert_str_eq(seen_file, "(linked in)");
	/* and no longer once it has returned */
	ck_assert_int_eq(pactum_plugin_active(&name, &callback, &file), 0);
	/* an error reported is an error, whatever the callback returns */
	ck_assert_int_eq(pactum__plugin_read_model(mem, model, "m.mem",
						   "error", 5, diag),
			 PACTUM_EINPUT);
	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	pactum_model_free(model);
	pactum_diag_free(diag);
	pactum_registry_free(reg);
}
END_TEST

Suite *registry_suite(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_add_checks_the_descriptor);
	tcase_add_test(tc, test_reader_by_suffix);
	tcase_add_test(tc, test_active_callback);
	suite_add_tcase(s, tc);
	return s;
}
