/* Open-addressing hash map for ids: models are looked up by id thousands of
 * times per render (every variable, term and cross-reference). */
#include "config.h"

#include <string.h>

#include "internal.h"

/* FNV-1a: short keys, no adversarial flooding concern beyond O(n) probes,
 * and deterministic, which keeps runs reproducible. */
static size_t hash(const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 0x100000001b3ull;
	}
	return (size_t)h;
}

static size_t slot_of(const pactum_map *map, const char *key, size_t len)
{
	size_t mask = map->cap - 1, i = hash(key, len) & mask;

	while (map->keys[i] != NULL &&
	       (strncmp(map->keys[i], key, len) != 0 ||
		map->keys[i][len] != '\0'))
		i = (i + 1) & mask;
	return i;
}

static int grow(pactum_map *map)
{
	pactum_map bigger = PACTUM_MAP_INIT;
	size_t i;

	bigger.cap = map->cap ? map->cap * 2 : 16;
	bigger.keys = pactum_malloc(bigger.cap * sizeof(*bigger.keys));
	bigger.values = pactum_malloc(bigger.cap * sizeof(*bigger.values));
	if (bigger.keys == NULL || bigger.values == NULL) {
		pactum__map_free(&bigger);
		return PACTUM_ENOMEM;
	}
	memset(bigger.keys, 0, bigger.cap * sizeof(*bigger.keys));
	for (i = 0; i < map->cap; i++) {
		if (map->keys[i] != NULL) {
			size_t s = slot_of(&bigger, map->keys[i],
					   strlen(map->keys[i]));

			bigger.keys[s] = map->keys[i];
			bigger.values[s] = map->values[i];
		}
	}
	bigger.count = map->count;
	pactum__map_free(map);
	*map = bigger;
	return PACTUM_OK;
}

int pactum__map_put(pactum_map *map, const char *key, void *value,
		    void **existing)
{
	size_t len = strlen(key), s;

	if (existing)
		*existing = NULL;
	if ((map->count + 1) * 4 > map->cap * 3 && grow(map) != PACTUM_OK)
		return PACTUM_ENOMEM;
	s = slot_of(map, key, len);
	if (map->keys[s] != NULL) {
		if (existing)
			*existing = map->values[s];
		return PACTUM_OK;
	}
	map->keys[s] = key;
	map->values[s] = value;
	map->count++;
	return PACTUM_OK;
}

void *pactum__map_get(const pactum_map *map, const char *key, size_t len)
{
	size_t s;

	if (map->cap == 0)
		return NULL;
	s = slot_of(map, key, len);
	return map->keys[s] ? map->values[s] : NULL;
}

void pactum__map_free(pactum_map *map)
{
	pactum_free(map->keys);
	pactum_free(map->values);
	map->keys = NULL;
	map->values = NULL;
	map->count = map->cap = 0;
}
