/* Open-addressing hash map for ids: models are looked up by id thousands of
 * times per render (every variable, term and cross-reference). */
#include "config.h"

#include <pthread.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "internal.h"

/*
 * Keys are ids from models and deal data, so from other people: with a
 * fixed hash anyone can make thousands of ids that land in one run of
 * slots (32,768 of them took 12 s with FNV-1a).  SipHash-1-3 with a key
 * drawn once per process makes that guesswork.  Nothing iterates a map in
 * slot order, so output stays the same from run to run.
 */
static uint64_t sip_key[2];
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void draw_key(void)
{
	if (getrandom(sip_key, sizeof(sip_key), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(sip_key)) {
		/* no entropy yet (early boot): the clock and ASLR still beat a
		 * constant */
		sip_key[0] = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)&sip_key;
		sip_key[1] = (uint64_t)clock() ^ (uint64_t)(uintptr_t)draw_key;
	}
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                              \
	do {                                                                  \
		v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);     \
		v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                        \
		v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                        \
		v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);     \
	} while (0)

static size_t hash(const char *key, size_t len)
{
	const unsigned char *p = (const unsigned char *)key;
	uint64_t v0, v1, v2, v3, m, b = (uint64_t)len << 56;
	size_t i, n = len & ~(size_t)7;

	pthread_once(&key_once, draw_key);
	v0 = sip_key[0] ^ 0x736f6d6570736575ull;
	v1 = sip_key[1] ^ 0x646f72616e646f6dull;
	v2 = sip_key[0] ^ 0x6c7967656e657261ull;
	v3 = sip_key[1] ^ 0x7465646279746573ull;
	for (i = 0; i < n; i += 8) {
		memcpy(&m, p + i, 8);
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	for (; i < len; i++)
		b |= (uint64_t)p[i] << (8 * (i - n));
	v3 ^= b;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return (size_t)(v0 ^ v1 ^ v2 ^ v3);
}

/* The slot of key (hash h), or the empty one where it would go.  The
 * stored hashes spare a string comparison at most slots passed. */
static size_t slot_of(const pactum_map *map, const char *key, size_t len,
		      size_t h)
{
	size_t mask = map->cap - 1, i = h & mask;

	while (map->keys[i] != NULL &&
	       (map->hashes[i] != h || strncmp(map->keys[i], key, len) != 0 ||
		map->keys[i][len] != '\0'))
		i = (i + 1) & mask;
	return i;
}

/* Twice the slots; every key moves by its stored hash, not hashed again. */
static int grow(pactum_map *map)
{
	pactum_map bigger = PACTUM_MAP_INIT;
	size_t i, s, mask;

	bigger.cap = map->cap ? map->cap * 2 : 16;
	bigger.keys = pactum_malloc(bigger.cap * sizeof(*bigger.keys));
	bigger.values = pactum_malloc(bigger.cap * sizeof(*bigger.values));
	bigger.hashes = pactum_malloc(bigger.cap * sizeof(*bigger.hashes));
	if (bigger.keys == NULL || bigger.values == NULL ||
	    bigger.hashes == NULL) {
		pactum__map_free(&bigger);
		return PACTUM_ENOMEM;
	}
	memset(bigger.keys, 0, bigger.cap * sizeof(*bigger.keys));
	mask = bigger.cap - 1;
	for (i = 0; i < map->cap; i++) {
		if (map->keys[i] == NULL)
			continue;
		/* the keys are distinct: the first empty slot is its own */
		for (s = map->hashes[i] & mask; bigger.keys[s] != NULL;
		     s = (s + 1) & mask)
			;
		bigger.keys[s] = map->keys[i];
		bigger.values[s] = map->values[i];
		bigger.hashes[s] = map->hashes[i];
	}
	bigger.count = map->count;
	pactum__map_free(map);
	*map = bigger;
	return PACTUM_OK;
}

int pactum__map_put(pactum_map *map, const char *key, void *value,
		    void **existing)
{
	size_t len = strlen(key), h = hash(key, len), s;

	if (existing)
		*existing = NULL;
	if ((map->count + 1) * 4 > map->cap * 3 && grow(map) != PACTUM_OK)
		return PACTUM_ENOMEM;
	s = slot_of(map, key, len, h);
	if (map->keys[s] != NULL) {
		if (existing)
			*existing = map->values[s];
		return PACTUM_OK;
	}
	map->keys[s] = key;
	map->values[s] = value;
	map->hashes[s] = h;
	map->count++;
	return PACTUM_OK;
}

void *pactum__map_get(const pactum_map *map, const char *key, size_t len)
{
	size_t s;

	if (map->cap == 0)
		return NULL;
	s = slot_of(map, key, len, hash(key, len));
	return map->keys[s] ? map->values[s] : NULL;
}

void pactum__map_free(pactum_map *map)
{
	pactum_free(map->keys);
	pactum_free(map->values);
	pactum_free(map->hashes);
	map->keys = NULL;
	map->values = NULL;
	map->hashes = NULL;
	map->count = map->cap = 0;
}
