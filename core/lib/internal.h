/* Internal to libpactum: shared by the core's modules and its unit tests,
 * never installed.  Functions named pactum__* are not exported from the
 * shared library. */
#ifndef PACTUM_INTERNAL_H
#define PACTUM_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <string.h>

#include <pactum/pactum.h>

#ifndef _
#include <libintl.h>
#define _(s) dgettext(PACKAGE, s)
#endif
#ifndef N_
#define N_(s) (s)
#endif

#define PACTUM_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Tests: make the allocation after the next n succeed... fail (n = 0: the
 * very next one); n < 0 switches failure injection off. */
void pactum__alloc_fail_after(long n);

/*
 * Tests of the shared library and its plugins (tests/unit/faults.c).
 * Exported, as the only pactum__ symbols, so that a test program and the
 * plugins it loads share one allocator; no stability is promised.
 */
/* Fail the allocation after the next n (n < 0: none); once: only that
 * one, every later one succeeds; else every one from it on. */
void pactum__test_alloc_fail(long n, int once);
/* Has an injected failure happened since the last pactum__test_alloc_fail()? */
int pactum__test_alloc_fired(void);
/* Count allocations from now (on), or stop counting (0).  Blocks
 * allocated while not counting and freed while counting make live go
 * below zero: count from before anything is allocated. */
void pactum__test_alloc_track(int on);
/* Allocations since pactum__test_alloc_track(1), and blocks live. */
void pactum__test_alloc_counts(long *calls, long *live);
/* Commits write through fn in place of write(2) (NULL: write(2) again). */
void pactum__test_write_hook(ssize_t (*fn)(int fd, const void *p, size_t len));

/* ------------------------------------------------------------------ */
/* A growable byte buffer, always NUL-terminated (when ptr != NULL).   */
/* ------------------------------------------------------------------ */

typedef struct pactum_buf {
	char *ptr;
	size_t len;
	size_t cap;
	int oom; /* an append failed; later appends do nothing */
} pactum_buf;

#define PACTUM_BUF_INIT { NULL, 0, 0, 0 }

int pactum__buf_grow(pactum_buf *buf, size_t extra);
int pactum__buf_put_slow(pactum_buf *buf, const char *bytes, size_t len);
int pactum__buf_puts(pactum_buf *buf, const char *s);

/* Appends are the inner loop of building units and writing outputs, most
 * of them a few bytes into a buffer with room: that case is inline. */
static inline int pactum__buf_put(pactum_buf *buf, const char *bytes,
				  size_t len)
{
	if (!buf->oom && len < buf->cap - buf->len) {
		if (len)
			memcpy(buf->ptr + buf->len, bytes, len);
		buf->len += len;
		buf->ptr[buf->len] = '\0';
		return PACTUM_OK;
	}
	return pactum__buf_put_slow(buf, bytes, len);
}

static inline int pactum__buf_putc(pactum_buf *buf, char c)
{
	if (!buf->oom && buf->cap - buf->len > 1) {
		buf->ptr[buf->len++] = c;
		buf->ptr[buf->len] = '\0';
		return PACTUM_OK;
	}
	return pactum__buf_put_slow(buf, &c, 1);
}
int pactum__buf_printf(pactum_buf *buf, const char *fmt, ...)
	PACTUM_PRINTF(2, 3);
int pactum__buf_vprintf(pactum_buf *buf, const char *fmt, va_list ap)
	PACTUM_PRINTF(2, 0);
/* Owned: the buffer's bytes, NUL-terminated; the buffer is reset.  NULL if
 * an earlier append failed. */
/* The next line of the text at *cursor (lines end at '\n'): its start in
 * *line and its length in *len, for "%.*s"; 0 when there is none.  Start
 * with *cursor at the text; a NULL text has no lines. */
int pactum__line_next(const char **cursor, const char **line, int *len);
char *pactum__buf_detach(pactum_buf *buf);
void pactum__buf_clear(pactum_buf *buf);
void pactum__buf_free(pactum_buf *buf);

/* ------------------------------------------------------------------ */
/* An arena: many small allocations released together.                  */
/* ------------------------------------------------------------------ */

typedef struct pactum_arena pactum_arena;

int pactum__arena_new(pactum_arena **out);
void pactum__arena_free(pactum_arena *arena);
/* Borrowed from the arena, aligned for any type; NULL when out of memory. */
void *pactum__arena_alloc(pactum_arena *arena, size_t size);
void *pactum__arena_calloc(pactum_arena *arena, size_t size);
/* n zeroed items of size bytes, through pactum_malloc(); NULL when out of
 * memory or when n * size overflows.  Release with pactum_free(). */
void *pactum__calloc(size_t n, size_t size);
/* A NUL-terminated copy of len bytes of s in the arena. */
char *pactum__arena_strndup(pactum_arena *arena, const char *s, size_t len);
char *pactum__arena_strdup(pactum_arena *arena, const char *s);

/* ------------------------------------------------------------------ */
/* Files                                                                */
/* ------------------------------------------------------------------ */

/*
 * Read a whole regular file of at most max bytes.  Owned: *out (NUL-
 * terminated, *len bytes before the NUL), release with pactum_free().
 * Reports to diag (may be NULL) and returns PACTUM_ENOTFOUND, PACTUM_EIO,
 * PACTUM_EINPUT (too large, not a regular file) or PACTUM_ENOMEM.
 */
int pactum__file_read(char **out, size_t *len, const char *path, size_t max,
		      pactum_diag *diag);
/* Open a regular file for reading, never waiting on a FIFO: *out is the
 * descriptor (close it).  Reports to diag (may be NULL) and returns
 * PACTUM_ENOTFOUND, PACTUM_EIO or PACTUM_EINPUT (not a regular file). */
int pactum__file_open(int *out, const char *path, pactum_diag *diag);

/* ------------------------------------------------------------------ */
/* UTF-8                                                                */
/* ------------------------------------------------------------------ */

/* Nonzero when s[0..len) is well-formed UTF-8 (no overlongs, surrogates
 * or code points above U+10FFFF). */
int pactum__utf8_valid(const char *s, size_t len);
/* Decode one code point at s (len bytes left); returns its length in bytes,
 * or 0 when malformed.  *cp receives the code point. */
size_t pactum__utf8_decode(uint32_t *cp, const char *s, size_t len);
/*
 * Text from other people must not smuggle controls into a terminal or an
 * output.  The one test: nonzero when s[0..len) holds invalid UTF-8
 * (*cp = PACTUM_NOT_UTF8) or a code point that is never shown as it is —
 * C0 and C1 controls, DEL, bidirectional controls, U+2028/U+2029,
 * noncharacters — except the C0 controls c with bit (1 << c) set in allow
 * (PACTUM_ALLOW_SPACE: tab, newline, carriage return, where text is folded
 * as XML white space).  *cp and *offset (both may be NULL) receive the
 * first such code point and its byte offset.
 */
#define PACTUM_NOT_UTF8 0xffffffffu
#define PACTUM_ALLOW_SPACE ((1u << '\t') | (1u << '\n') | (1u << '\r'))
int pactum__text_unsafe(uint32_t *cp, size_t *offset, const char *s,
			size_t len, uint32_t allow);
/* Append s[0..len) with every byte of invalid UTF-8 as "\xff" and every
 * code point pactum__text_unsafe() refuses as "\x1b" or "\u202e": what a
 * diagnostic may show of untrusted text. */
int pactum__buf_put_safe(pactum_buf *buf, const char *s, size_t len);


/* ------------------------------------------------------------------ */
/* A string-keyed hash map of borrowed keys and values.                 */
/* ------------------------------------------------------------------ */

typedef struct pactum_map {
	const char **keys;
	void **values;
	size_t *hashes; /* of each key: growing and probing need no rehash */
	size_t count;
	size_t cap; /* a power of two, or 0 */
} pactum_map;

#define PACTUM_MAP_INIT { NULL, NULL, NULL, 0, 0 }

/* Insert key → value; keys are borrowed and must outlive the map.
 * *existing (may be NULL) receives the value already stored under key, in
 * which case nothing changes.  Returns PACTUM_OK or PACTUM_ENOMEM. */
int pactum__map_put(pactum_map *map, const char *key, void *value,
		    void **existing);
/* The value stored under key (len bytes), or NULL. */
void *pactum__map_get(const pactum_map *map, const char *key, size_t len);
void pactum__map_free(pactum_map *map);


/* Nonzero when a write to the sink failed for want of memory. */
int pactum__sink_oom(const pactum_sink *sink);

/* A reader's callbacks, called as pactum_plugin_write() calls a writer's:
 * the plugin recorded as running (for a crash report, and for what
 * pactum_run_kind_of() shows it), a status that is none or a failure
 * without a reason reported naming the plugin. */
int pactum__plugin_read_model(const pactum_plugin *plugin, pactum_model *model,
			      const char *path, const char *bytes, size_t len,
			      pactum_diag *diag);
int pactum__plugin_read_data(const pactum_plugin *plugin, pactum_data *data,
			     const char *path, const char *bytes, size_t len,
			     pactum_diag *diag);
struct pactum_deals;
int pactum__plugin_read_deals(const pactum_plugin *plugin,
			      struct pactum_deals *deals, const char *path,
			      pactum_diag *diag);
/* Out of the plugin callback running on this thread, while it calls back
 * into the program (a deal handed over), and back into it: a crash in
 * the program's code must not be blamed on the plugin. */
typedef struct pactum_callout {
	const void *plugin;
	const char *callback;
} pactum_callout;
void pactum__plugin_out(pactum_callout *saved);
void pactum__plugin_back(const pactum_callout *saved);
/* The status the program stopped a deal stream with; PACTUM_OK while it
 * reads on. */
int pactum__deals_stopped(const struct pactum_deals *deals);
/* Report the names one source set twice; PACTUM_EINPUT if any. */
int pactum__data_report_repeated(pactum_data *data, pactum_diag *diag);
/* The ABI minor of the plugin whose callback runs on this thread; the
 * core's own when none does. */
int pactum__plugin_active_minor(void);
/* Append the names of the defined, visible dynamic symbols of the ELF file
 * at path other than keep and the linker's own, ", "-separated (the first
 * eight), and count them.  PACTUM_EIO when it is no ELF file. */
int pactum__elf_exports(pactum_buf *out, size_t *count, const char *path,
			const char *keep);

/* Add a plugin linked into the program, not loaded from a file (the fuzz
 * targets link the plugins' code), under name for pactum_plugin_file():
 * its descriptor is checked as a file's is.  PACTUM_EINVAL when it is
 * refused or a plugin of its kind and name is loaded, PACTUM_ENOMEM. */
int pactum__registry_add(pactum_registry *reg, const pactum_plugin_desc *d,
			 const char *name);

/* The descriptor of a loaded plugin; borrowed. */
const pactum_plugin_desc *
pactum__plugin_descriptor(const pactum_plugin *plugin);

#endif /* PACTUM_INTERNAL_H */
