/*
 * The docbook writer's questions about the document tree: which blocks
 * render, and where DocBook's order forces subsections flat.
 */
#include "config.h"

#include <string.h>

#include "docbook.h"

pactum_block_kind db_kind_of(const pactum_block *b)
{
	return pactum_block_kind_of(b);
}

const pactum_block *db_first_child(const pactum_block *b)
{
	return pactum_block_first_child(b);
}

const pactum_block *db_next_block(const pactum_block *b)
{
	return pactum_block_next(b);
}

const pactum_block *db_child_of_kind(const pactum_block *b,
				     pactum_block_kind kind)
{
	const pactum_block *c;

	for (c = db_first_child(b); c; c = db_next_block(c))
		if (db_kind_of(c) == kind)
			return c;
	return NULL;
}

/* A block that renders as DocBook blocks (not a section).  An empty list
 * renders as nothing: DocBook lists need an item. */
int db_is_body_block(const pactum_block *b)
{
	switch (db_kind_of(b)) {
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_PARAGRAPH:
		return 1;
	case PACTUM_BLOCK_LIST:
		return db_child_of_kind(b, PACTUM_BLOCK_ITEM) != NULL;
	default:
		return 0;
	}
}

int db_has_content(const pactum_block *b)
{
	const pactum_block *c;

	for (c = db_first_child(b); c; c = db_next_block(c))
		if (db_kind_of(c) == PACTUM_BLOCK_SECTION ||
		    db_is_body_block(c))
			return 1;
	return 0;
}

/* Whether a block follows a subsection of b, which DocBook forbids. */
int db_needs_flat(const pactum_block *b)
{
	const pactum_block *c;
	int seen_section = 0;

	for (c = db_first_child(b); c; c = db_next_block(c)) {
		if (db_kind_of(c) == PACTUM_BLOCK_SECTION)
			seen_section = 1;
		else if (seen_section && db_is_body_block(c))
			return 1;
	}
	return 0;
}

int db_is_section_id(const pactum_block *b, const char *id)
{
	const pactum_block *c;
	const char *cid;

	for (c = db_first_child(b); c; c = db_next_block(c)) {
		if (db_kind_of(c) != PACTUM_BLOCK_SECTION)
			continue;
		cid = pactum_block_id(c);
		if ((cid && strcmp(cid, id) == 0) || db_is_section_id(c, id))
			return 1;
	}
	return 0;
}

/* A party's field ("name", "address" ...), or NULL. */
const pactum_block *db_field_of(const pactum_block *party,
				const char *name)
{
	const pactum_block *c;
	const char *id;

	for (c = db_first_child(party); c; c = db_next_block(c)) {
		id = pactum_block_id(c);
		if (db_kind_of(c) == PACTUM_BLOCK_FIELD && id &&
		    strcmp(id, name) == 0)
			return c;
	}
	return NULL;
}
