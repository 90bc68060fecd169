/* A bump allocator: a model or a document is thousands of small strings and
 * nodes that live and die together, so they come from chunks released in
 * one go. */
#include "config.h"

#include <stdalign.h>
#include <string.h>

#include "internal.h"

#define CHUNK_MIN (64u * 1024u)

struct chunk {
	struct chunk *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

struct pactum_arena {
	struct chunk *head;
};

int pactum__arena_new(pactum_arena **out)
{
	pactum_arena *arena;

	*out = NULL;
	arena = pactum_malloc(sizeof(*arena));
	if (arena == NULL)
		return PACTUM_ENOMEM;
	arena->head = NULL;
	*out = arena;
	return PACTUM_OK;
}

void pactum__arena_free(pactum_arena *arena)
{
	struct chunk *c, *next;

	if (arena == NULL)
		return;
	for (c = arena->head; c != NULL; c = next) {
		next = c->next;
		pactum_free(c);
	}
	pactum_free(arena);
}

void *pactum__arena_alloc(pactum_arena *arena, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct chunk *c = arena->head;
	size_t start, chunk_size;

	if (size > SIZE_MAX / 2)
		return NULL;
	if (c != NULL) {
		start = (c->used + align - 1) & ~(align - 1);
		if (start <= c->size && size <= c->size - start) {
			c->used = start + size;
			return c->data + start;
		}
	}
	chunk_size = size > CHUNK_MIN ? size : CHUNK_MIN;
	c = pactum_malloc(sizeof(*c) + chunk_size);
	if (c == NULL)
		return NULL;
	c->size = chunk_size;
	c->used = size;
	c->next = arena->head;
	arena->head = c;
	return c->data;
}

void *pactum__arena_calloc(pactum_arena *arena, size_t size)
{
	void *p = pactum__arena_alloc(arena, size);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

char *pactum__arena_strndup(pactum_arena *arena, const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = pactum__arena_alloc(arena, len + 1);
	if (copy == NULL)
		return NULL;
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *pactum__arena_strdup(pactum_arena *arena, const char *s)
{
	return pactum__arena_strndup(arena, s, strlen(s));
}
