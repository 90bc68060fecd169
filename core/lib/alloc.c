/* The one allocation wrapper: every byte pactum allocates goes through here,
 * so tests can make the n-th allocation fail and count what is still live. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static long fail_countdown = -1; /* < 0: never fail */

void pactum__alloc_fail_after(long n)
{
	fail_countdown = n;
}

static int should_fail(void)
{
	if (fail_countdown < 0)
		return 0;
	if (fail_countdown == 0)
		return 1;
	fail_countdown--;
	return 0;
}

void *pactum_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
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
	return realloc(ptr, size ? size : 1);
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
	free(ptr);
}
