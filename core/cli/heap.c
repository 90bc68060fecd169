/*
 * The pactum process's heap policy: huge pages for a large render.
 *
 * A render of a large model allocates its whole working set once (about
 * eighteen bytes for each byte of model) and touches it once; with 4 KiB
 * pages, the page faults cost more CPU than the check, the translation or
 * the writer (3000 clauses: 6000 faults, a third of the time).  Asking
 * the kernel for transparent huge pages ends most of them.  That is a
 * process's choice, not a library's: libpactum runs inside other
 * people's processes and leaves their memory alone, so the choice is
 * made here.  glibc makes it only from GLIBC_TUNABLES at start-up
 * (glibc.malloc.hugetlb=1), too late to set from main(); instead the heap
 * is grown once, now, by what the render will need, and (up to a cap)
 * that range is advised.  Where anything differs (another allocator, as under ASan or
 * valgrind; no THP; a heap that did not grow) nothing is advised and the
 * render runs as before.
 */
#include "config.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Below this the faults are few, and a huge page would only add to the
 * resident size. */
#define HEAP_MIN_INPUT (256u * 1024u)
/* working set per byte of model, with room (measured: 18 at 3000 and
 * 30000 clauses, bilingual) */
#define HEAP_PER_BYTE 24u
#define HUGE_PAGE (2u * 1024u * 1024u)
/* At most sixteen huge pages are advised, the rest of a larger heap stays
 * on small pages: with all of it advised, a 30000-clause render took 0.26
 * to 0.77 s, most runs stalled in the kernel finding huge pages (0.3 to
 * 0.4 s of system time); with the first 32 MiB advised 0.35 to 0.39 s,
 * against 0.40 to 0.59 s without advice (bench/, 2026-12-03). */
#define HEAP_MAX_ADVISED (16u * HUGE_PAGE)
/* more than the free top of the heap pactum has used so far (some hundred
 * KiB), less than the mmap threshold set below: malloc() grows the heap */
#define GROW_TRIGGER (1u << 20)

void cli_heap_expect(const char *path)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
	struct stat st;
	size_t input_bytes, want;
	char *before, *after, *block, *start;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0)
		return;
	input_bytes = (size_t)st.st_size;
	if (input_bytes < HEAP_MIN_INPUT ||
	    input_bytes > SIZE_MAX / HEAP_PER_BYTE / 2)
		return;
	want = input_bytes * HEAP_PER_BYTE;
	/* the next growth of the heap reserves want; nothing of it is given
	 * back while the render runs; buffers up to glibc's largest mmap
	 * threshold come from it too */
	if (!mallopt(M_TOP_PAD, (int)(want > INT32_MAX ? INT32_MAX : want)) ||
	    !mallopt(M_TRIM_THRESHOLD, INT32_MAX) ||
	    !mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024))
		return;
	before = sbrk(0);
	block = malloc(GROW_TRIGGER);
	after = sbrk(0);
	/* the heap grew: [before, after) is the new part */
	if (block != NULL && before != (char *)-1 && after != (char *)-1 &&
	    after > before) {
		start = (char *)(((uintptr_t)before + HUGE_PAGE - 1) &
				 ~(uintptr_t)(HUGE_PAGE - 1));
		if (start < after)
			(void)madvise(start,
				      (size_t)(after - start) < HEAP_MAX_ADVISED
					      ? (size_t)(after - start)
					      : HEAP_MAX_ADVISED,
				      MADV_HUGEPAGE);
	}
	free(block);
	/* later growth as usual (mallopt(3)'s default) */
	(void)mallopt(M_TOP_PAD, 128 * 1024);
#else
	(void)path;
#endif
}
