/* The one allocation wrapper: every byte pactum allocates goes through here,
 * so tests can make the n-th allocation fail and count what is still live. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Failure injection and counting, for tests only; the production path is
 * one relaxed load and a branch.  Atomics, because a batch allocates on
 * several threads.
 */
static long fail_countdown = -1; /* < 0: never fail */
static int fail_once;            /* only the one allocation fails */
static int fired;                /* an injected failure happened */
static int tracking;             /* count calls and live blocks */
static long calls, live;

void pactum__alloc_fail_after(long n)
{
	pactum__test_alloc_fail(n, 0);
}

void pactum__test_alloc_fail(long n, int once)
{
	__atomic_store_n(&fail_once, once, __ATOMIC_RELAXED);
	__atomic_store_n(&fired, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&fail_countdown, n, __ATOMIC_SEQ_CST);
}

int pactum__test_alloc_fired(void)
{
	return __atomic_load_n(&fired, __ATOMIC_SEQ_CST);
}

void pactum__test_alloc_track(int on)
{
	__atomic_store_n(&calls, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&tracking, on, __ATOMIC_SEQ_CST);
}

void pactum__test_alloc_counts(long *out_calls, long *out_live)
{
	*out_calls = __atomic_load_n(&calls, __ATOMIC_SEQ_CST);
	*out_live = __atomic_load_n(&live, __ATOMIC_SEQ_CST);
}

static int should_fail(void)
{
	long left;

	if (__atomic_load_n(&tracking, __ATOMIC_RELAXED))
		__atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
	if (__atomic_load_n(&fail_countdown, __ATOMIC_RELAXED) < 0)
		return 0;
	left = __atomic_fetch_sub(&fail_countdown, 1, __ATOMIC_SEQ_CST);
	if (left > 0)
		return 0;
	if (left == 0 || !__atomic_load_n(&fail_once, __ATOMIC_RELAXED)) {
		__atomic_store_n(&fired, 1, __ATOMIC_SEQ_CST);
		/* persistent: stay at zero; once: below it, never again */
		if (!__atomic_load_n(&fail_once, __ATOMIC_RELAXED))
			__atomic_store_n(&fail_countdown, 0, __ATOMIC_SEQ_CST);
		return 1;
	}
	return 0;
}

static void *counted(void *p, int fresh)
{
	if (p != NULL && fresh && __atomic_load_n(&tracking, __ATOMIC_RELAXED))
		__atomic_add_fetch(&live, 1, __ATOMIC_RELAXED);
	return p;
}

void *pactum_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return counted(malloc(size ? size : 1), 1);
}

void *pactum__calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	p = pactum_malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *pactum_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return counted(realloc(ptr, size ? size : 1), ptr == NULL);
}

char *pactum_strndup(const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = pactum_malloc(len + 1);
	if (copy == NULL)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void pactum_free(void *ptr)
{
	if (ptr != NULL && __atomic_load_n(&tracking, __ATOMIC_RELAXED))
		__atomic_sub_fetch(&live, 1, __ATOMIC_RELAXED);
	free(ptr);
}
