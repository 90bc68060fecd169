/* pactum batch: file names from deal values, made safe, and the set of
 * names claimed so far, which finds two deals that would write one file
 * before anything is written. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"

#define MAX_NAME 200 /* bytes, leaving room for a suffix under NAME_MAX */

struct piece {
	char *text;  /* literal text, or the value's name */
	int value;   /* a placeholder */
	int record;  /* {record} */
};

/* One claimed name: its text lives in the arena at off.  Four 32-bit
 * fields: the set costs 16 bytes a slot, at most two slots a deal, and
 * the names themselves. */
struct claim {
	uint32_t off;
	uint32_t record;
	uint32_t line;
	uint32_t hash;
};

struct batch_names {
	struct piece *pieces;
	size_t npieces;
	char *arena;          /* the claimed names, NUL-separated */
	size_t arena_len, arena_cap;
	struct claim *table;  /* open addressing; record 0 is empty */
	size_t table_cap, count;
};

void batch_names_free(batch_names *names)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; i < names->npieces; i++)
		pactum_free(names->pieces[i].text);
	pactum_free(names->pieces);
	pactum_free(names->arena);
	pactum_free(names->table);
	pactum_free(names);
}

static int add_piece(batch_names *n, const char *text, size_t len, int value)
{
	struct piece *p = pactum_realloc(n->pieces,
				  (n->npieces + 1) * sizeof(*n->pieces));

	if (p == NULL)
		return -2;
	n->pieces = p;
	p += n->npieces;
	p->text = pactum_strndup(text, len);
	if (p->text == NULL)
		return -2;
	p->value = value;
	p->record = value && strcmp(p->text, "record") == 0;
	n->npieces++;
	return 0;
}

int batch_names_new(batch_names **out, const char *pattern)
{
	batch_names *n = cli_calloc(1, sizeof(*n));
	const char *p = pattern, *close;
	int bad = 0, error = -1;

	*out = NULL;
	if (n == NULL)
		goto nomem;
	if (*pattern == '\0' || strchr(pattern, '/') != NULL) {
		cli_error(_("--name '%s': give a file name without '/' (the "
			    "files go into --output-dir)"),
			  pattern);
		goto fail;
	}
	while (*p) {
		const char *open = strchr(p, '{');
		size_t len;

		if (open == NULL)
			open = p + strlen(p);
		if (open > p && add_piece(n, p, (size_t)(open - p), 0))
			goto nomem;
		if (*open == '\0')
			break;
		close = strchr(open, '}');
		len = close ? (size_t)(close - open - 1) : 0;
		bad = close == NULL || len == 0 ||
		      strcspn(open + 1, "{ ") < len;
		if (bad) {
			cli_error(_("--name '%s': a '{' without a value name "
				    "and '}' ({record}, {reseller.name})"),
				  pattern);
			goto fail;
		}
		if (add_piece(n, open + 1, len, 1))
			goto nomem;
		p = close + 1;
	}
	*out = n;
	return 0;
nomem:
	error = -2;
fail:
	batch_names_free(n);
	return error;
}

/* Append the bytes of s to out, each character a file name cannot hold,
 * or should not (a control, a bidirectional or invisible formatting
 * character, '/', '\', or what Windows shares refuse), as '_'. */
static void put_safe(char *out, size_t *len, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u && *len < MAX_NAME) {
		unsigned cp = *u;
		size_t n = 1, k;

		if (cp >= 0xc0 && cp < 0xe0)
			n = 2, cp &= 0x1f;
		else if (cp >= 0xe0 && cp < 0xf0)
			n = 3, cp &= 0x0f;
		else if (cp >= 0xf0 && cp < 0xf5)
			n = 4, cp &= 0x07;
		else if (cp >= 0x80)
			n = 0; /* a stray continuation byte */
		for (k = 1; n && k < n; k++) {
			if ((u[k] & 0xc0) != 0x80)
				n = 0;
			else
				cp = (cp << 6) | (u[k] & 0x3f);
		}
		if (n == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp < 0x80 && strchr("/\\:*?\"<>|", (int)cp) != NULL) ||
		    cp == 0xad || (cp >= 0x200b && cp <= 0x200f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff) {
			out[(*len)++] = '_';
			u += n ? n : 1;
			continue;
		}
		if (*len + n > MAX_NAME)
			break; /* never half a character */
		memcpy(out + *len, u, n);
		*len += n;
		u += n;
	}
}

int batch_names_expand(char **out, const batch_names *names,
		       const pactum_data *data, size_t record,
		       pactum_diag *diag, const pactum_pos *pos)
{
	char buf[MAX_NAME + 1], num[24];
	size_t i, len = 0, lead;

	*out = NULL;
	for (i = 0; i < names->npieces; i++) {
		const struct piece *p = &names->pieces[i];
		const char *v = p->text;

		if (p->record) {
			snprintf(num, sizeof(num), "%06zu", record);
			v = num;
		} else if (p->value) {
			v = pactum_data_get(data, p->text);
			if (v == NULL) {
				pactum_diag_report(diag, PACTUM_ERROR, pos,
						   _("the deal gives no \"%s\", "
						     "which --name needs"),
						   p->text);
				return 1;
			}
		}
		put_safe(buf, &len, v);
	}
	buf[len] = '\0';
	/* a hidden file, "." or "..": never; trailing space or dot: Windows
	 * drops them */
	for (lead = 0; buf[lead] == '.'; lead++)
		buf[lead] = '_';
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '.'))
		buf[--len] = '\0';
	for (lead = 0; buf[lead] == ' '; lead++)
		;
	if (buf[lead] == '\0') {
		pactum_diag_report(diag, PACTUM_ERROR, pos, "%s",
				   _("--name gives this deal an empty file name"));
		return 1;
	}
	*out = cli_strdup(buf + lead);
	return *out ? 0 : -2;
}

/* FNV-1a over the name with ASCII case folded: names that collide on a
 * case-insensitive share hash alike. */
uint64_t batch_name_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) *
		    1099511628211ull;
	}
	return h ? h : 1; /* 0 marks an empty slot of a hash set */
}

static int fold_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if ((x >= 'A' && x <= 'Z' ? x + 32 : x) !=
		    (y >= 'A' && y <= 'Z' ? y + 32 : y))
			return 0;
	}
	return *a == *b;
}

static int grow(batch_names *n)
{
	size_t cap = n->table_cap ? n->table_cap * 2 : 1024, i;
	struct claim *t = cli_calloc(cap, sizeof(*t));

	if (t == NULL)
		return -1;
	for (i = 0; i < n->table_cap; i++) {
		size_t j = n->table[i].hash & (cap - 1);

		if (n->table[i].record == 0)
			continue;
		while (t[j].record != 0)
			j = (j + 1) & (cap - 1);
		t[j] = n->table[i];
	}
	pactum_free(n->table);
	n->table = t;
	n->table_cap = cap;
	return 0;
}

size_t batch_names_claim(batch_names *n, const char *name, size_t record,
			 uint32_t *line)
{
	uint32_t h = (uint32_t)batch_name_hash(name);
	size_t j, len = strlen(name) + 1;

	if (record > UINT32_MAX || n->arena_len + len > UINT32_MAX ||
	    ((n->count + 1) * 2 > n->table_cap && grow(n) != 0))
		return (size_t)-1;
	for (j = h & (n->table_cap - 1); n->table[j].record != 0;
	     j = (j + 1) & (n->table_cap - 1)) {
		if (n->table[j].hash == h &&
		    fold_equal(n->arena + n->table[j].off, name)) {
			*line = n->table[j].line;
			return n->table[j].record;
		}
	}
	if (n->arena_len + len > n->arena_cap) {
		size_t cap = n->arena_cap ? n->arena_cap * 2 : 16384;
		char *a;

		while (cap < n->arena_len + len)
			cap *= 2;
		a = pactum_realloc(n->arena, cap);
		if (a == NULL)
			return (size_t)-1;
		n->arena = a;
		n->arena_cap = cap;
	}
	memcpy(n->arena + n->arena_len, name, len);
	n->table[j].off = (uint32_t)n->arena_len;
	n->table[j].record = (uint32_t)record;
	n->table[j].line = *line;
	n->table[j].hash = h;
	n->arena_len += len;
	n->count++;
	return 0;
}

/* ------------------------------------------------------ hash sets ---- */

struct batch_hashset {
	uint64_t *slots; /* open addressing, 0 empty */
	size_t cap, count;
};

void batch_hashset_free(batch_hashset *set)
{
	if (set) {
		pactum_free(set->slots);
		pactum_free(set);
	}
}

int batch_hashset_has(const batch_hashset *set, uint64_t h)
{
	size_t j;

	if (set == NULL || set->cap == 0)
		return 0;
	for (j = h & (set->cap - 1); set->slots[j]; j = (j + 1) & (set->cap - 1))
		if (set->slots[j] == h)
			return 1;
	return 0;
}

int batch_hashset_add(batch_hashset **setp, uint64_t h)
{
	batch_hashset *set = *setp;
	size_t j;

	if (set == NULL && (set = *setp = cli_calloc(1, sizeof(*set))) == NULL)
		return -1;
	if (batch_hashset_has(set, h))
		return 1;
	/* three quarters full at most: 8 to 16 bytes a name */
	if ((set->count + 1) * 4 > set->cap * 3) {
		size_t cap = set->cap ? set->cap * 2 : 1024, i;
		uint64_t *slots = cli_calloc(cap, sizeof(*slots));

		if (slots == NULL)
			return -1;
		for (i = 0; i < set->cap; i++) {
			if (set->slots[i] == 0)
				continue;
			for (j = set->slots[i] & (cap - 1); slots[j];
			     j = (j + 1) & (cap - 1))
				;
			slots[j] = set->slots[i];
		}
		pactum_free(set->slots);
		set->slots = slots;
		set->cap = cap;
	}
	for (j = h & (set->cap - 1); set->slots[j]; j = (j + 1) & (set->cap - 1))
		;
	set->slots[j] = h;
	set->count++;
	return 0;
}
