/* Reading what a shared object exports from its ELF tables, which are
 * read as untrusted: a file that is no ELF, is cut short, or whose tables
 * point outside it or at the wrong kind of section is refused, never read
 * past.  The ELF is the C library's (any system has one), copied and
 * damaged in one place per case. */
#include "config.h"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "suites.h"

static char dir[] = "/tmp/pactum-exports-XXXXXX";
static char path[256];

static void setup(void)
{
	strcpy(dir, "/tmp/pactum-exports-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/lib.so", dir);
}

static void teardown(void)
{
	unlink(path);
	rmdir(dir);
}

/* The C library's file name. */
static const char *libc_path(void)
{
	Dl_info info;

	ck_assert_int_ne(dladdr((void *)&printf, &info), 0);
	ck_assert_ptr_nonnull(info.dli_fname);
	return info.dli_fname;
}

/* path: a copy of the C library, its first len bytes (0: all of it). */
static void copy_libc(size_t len)
{
	FILE *in = fopen(libc_path(), "rb"), *out = fopen(path, "wb");
	char buf[65536];
	size_t n, total = 0;

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0 &&
	       (len == 0 || total < len)) {
		if (len != 0 && n > len - total)
			n = len - total;
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
		total += n;
	}
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

static void patch(off_t off, const void *bytes, size_t len)
{
	int fd = open(path, O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, bytes, len, off), (ssize_t)len);
	close(fd);
}

static void read_back(off_t off, void *bytes, size_t len)
{
	int fd = open(path, O_RDONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pread(fd, bytes, len, off), (ssize_t)len);
	close(fd);
}

/* The header, and section i's header. */
static ElfW(Ehdr) header(void)
{
	ElfW(Ehdr) eh;

	read_back(0, &eh, sizeof(eh));
	return eh;
}

static off_t section_at(size_t i)
{
	ElfW(Ehdr) eh = header();

	return (off_t)(eh.e_shoff + i * sizeof(ElfW(Shdr)));
}

/* The index of the first section of type type. */
static size_t find_section(uint32_t type)
{
	ElfW(Ehdr) eh = header();
	ElfW(Shdr) sh;
	size_t i;

	for (i = 0; i < eh.e_shnum; i++) {
		read_back(section_at(i), &sh, sizeof(sh));
		if (sh.sh_type == type)
			return i;
	}
	ck_abort_msg("no section of type %u", (unsigned)type);
	return 0;
}

/* Read path's exports: the status; *count and *names what was found. */
static int exports(size_t *count, char **names)
{
	pactum_buf out = PACTUM_BUF_INIT;
	int error = pactum__elf_exports(&out, count, path, "nothing");

	pactum__buf_putc(&out, '\0');
	*names = pactum__buf_detach(&out);
	return error;
}

START_TEST(test_a_library)
{
	size_t count;
	char *names;

	copy_libc(0);
	ck_assert_int_eq(exports(&count, &names), PACTUM_OK);
	/* a thousand and more: eight are named, then how many more */
	ck_assert_uint_gt(count, 100);
	ck_assert_ptr_nonnull(strstr(names, " more"));
	ck_assert_ptr_null(strstr(names, "_init,"));
	pactum_free(names);
}
END_TEST

/* Each damage: the file offset of what to write, and what. */
enum damage {
	NOT_ELF, CUT_SHORT, NO_FILE, SECTIONS_BEYOND, SECTION_SIZE,
	NO_SECTIONS, NO_DYNSYM, LINK_BEYOND, SYMBOL_SIZE, STRINGS_BEYOND,
	STRINGS_UNENDED, DAMAGES
};

START_TEST(test_damaged)
{
	ElfW(Ehdr) eh;
	ElfW(Shdr) sh;
	size_t count, i;
	char *names;

	copy_libc(_i == CUT_SHORT ? 4096 : 0);
	eh = header();
	switch ((enum damage)_i) {
	case NOT_ELF:
		patch(0, "\177ELG", 4);
		break;
	case CUT_SHORT:
		break;
	case NO_FILE:
		unlink(path);
		break;
	case SECTIONS_BEYOND:
		eh.e_shoff = (ElfW(Off))-64;
		patch(0, &eh, sizeof(eh));
		break;
	case SECTION_SIZE:
		eh.e_shentsize = 1;
		patch(0, &eh, sizeof(eh));
		break;
	case NO_SECTIONS:
		eh.e_shnum = 0;
		patch(0, &eh, sizeof(eh));
		break;
	case NO_DYNSYM:
		i = find_section(SHT_DYNSYM);
		read_back(section_at(i), &sh, sizeof(sh));
		sh.sh_type = SHT_PROGBITS;
		patch(section_at(i), &sh, sizeof(sh));
		break;
	case LINK_BEYOND:
	case SYMBOL_SIZE:
		i = find_section(SHT_DYNSYM);
		read_back(section_at(i), &sh, sizeof(sh));
		if (_i == LINK_BEYOND)
			sh.sh_link = eh.e_shnum;
		else
			sh.sh_entsize = 1;
		patch(section_at(i), &sh, sizeof(sh));
		break;
	case STRINGS_BEYOND:
	case STRINGS_UNENDED:
		i = find_section(SHT_DYNSYM);
		read_back(section_at(i), &sh, sizeof(sh));
		i = sh.sh_link;
		read_back(section_at(i), &sh, sizeof(sh));
		if (_i == STRINGS_BEYOND) {
			sh.sh_size = (ElfW(Xword))1 << 40;
			patch(section_at(i), &sh, sizeof(sh));
		} else {
			patch((off_t)(sh.sh_offset + sh.sh_size - 1), "x", 1);
		}
		break;
	case DAMAGES:
		break;
	}
	ck_assert_msg(exports(&count, &names) == PACTUM_EIO,
		      "damage %d read as a library", _i);
	ck_assert_uint_eq(count, 0);
	pactum_free(names);
}
END_TEST

Suite *exports_suite(void)
{
	Suite *s = suite_create("exports");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_a_library);
	tcase_add_loop_test(tc, test_damaged, 0, DAMAGES);
	suite_add_tcase(s, tc);
	return s;
}
