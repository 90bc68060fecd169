/* What a plugin file exports besides its descriptor, read from its ELF
 * dynamic symbol table.  The file is one the loader has already trusted
 * and loaded, but its tables are still read as untrusted: every offset and
 * size is checked against the file before it is used. */
#include "config.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* Names the linker defines in every shared object, and AddressSanitizer's
 * one-definition-rule markers beside each global ("__odr_asan.x"). */
static int linker_defined(const char *name)
{
	static const char *const names[] = { "_init", "_fini", "_edata",
					     "_end", "__bss_start" };
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(names); i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return strncmp(name, "__odr_asan", 10) == 0;
}

/* size bytes at offset off of fd, bounded by the file's size; owned. */
static void *read_at(int fd, uint64_t off, uint64_t size, uint64_t file_size)
{
	char *p;

	if (off > file_size || size > file_size - off || size == 0)
		return NULL;
	p = pactum_malloc((size_t)size);
	if (p != NULL && pread(fd, p, (size_t)size, (off_t)off) != (ssize_t)size) {
		pactum_free(p);
		p = NULL;
	}
	return p;
}

int pactum__elf_exports(pactum_buf *out, size_t *count, const char *path,
			const char *keep)
{
	ElfW(Ehdr) eh;
	ElfW(Shdr) *sh = NULL;
	ElfW(Sym) *syms = NULL;
	char *strs = NULL;
	struct stat st;
	size_t i, nsyms, strsize;
	int fd, error = PACTUM_EIO;

	*count = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return PACTUM_EIO;
	if (fstat(fd, &st) != 0 ||
	    pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_shentsize != sizeof(*sh) || eh.e_shnum == 0)
		goto cleanup;
	sh = read_at(fd, eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(*sh),
		     (uint64_t)st.st_size);
	if (sh == NULL)
		goto cleanup;
	for (i = 0; i < eh.e_shnum && sh[i].sh_type != SHT_DYNSYM; i++)
		;
	if (i == eh.e_shnum || sh[i].sh_link >= eh.e_shnum ||
	    sh[i].sh_entsize != sizeof(*syms))
		goto cleanup;
	nsyms = (size_t)(sh[i].sh_size / sizeof(*syms));
	strsize = (size_t)sh[sh[i].sh_link].sh_size;
	syms = read_at(fd, sh[i].sh_offset, (uint64_t)nsyms * sizeof(*syms),
		       (uint64_t)st.st_size);
	strs = read_at(fd, sh[sh[i].sh_link].sh_offset, strsize,
		       (uint64_t)st.st_size);
	if (syms == NULL || strs == NULL || strs[strsize - 1] != '\0')
		goto cleanup;
	for (i = 1; i < nsyms; i++) {
		const ElfW(Sym) *s = &syms[i];
		unsigned bind = ELF64_ST_BIND(s->st_info);
		unsigned type = ELF64_ST_TYPE(s->st_info);
		const char *name;

		if (s->st_shndx == SHN_UNDEF || s->st_name >= strsize ||
		    (bind != STB_GLOBAL && bind != STB_WEAK &&
		     bind != STB_GNU_UNIQUE) ||
		    ELF64_ST_VISIBILITY(s->st_other) == STV_HIDDEN ||
		    ELF64_ST_VISIBILITY(s->st_other) == STV_INTERNAL ||
		    type == STT_SECTION || type == STT_FILE)
			continue;
		name = strs + s->st_name;
		if (name[0] == '\0' || strcmp(name, keep) == 0 ||
		    linker_defined(name))
			continue;
		if (++*count <= 8)
			pactum__buf_printf(out, "%s%s", *count > 1 ? ", " : "",
					   name);
	}
	if (*count > 8)
		pactum__buf_printf(out, _(" and %zu more"), *count - 8);
	error = out->oom ? PACTUM_ENOMEM : PACTUM_OK;
cleanup:
	pactum_free(sh);
	pactum_free(syms);
	pactum_free(strs);
	close(fd);
	return error;
}
