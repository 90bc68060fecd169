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
 * or table renders as nothing: DocBook lists need an item, tables a row. */
int db_is_body_block(const pactum_block *b)
{
	switch (db_kind_of(b)) {
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_PARAGRAPH:
	case PACTUM_BLOCK_RECITAL:
		return 1;
	case PACTUM_BLOCK_LIST:
		return db_child_of_kind(b, PACTUM_BLOCK_ITEM) != NULL;
	case PACTUM_BLOCK_TABLE:
		return pactum_block_columns(b) > 0 &&
		       db_child_of_kind(b, PACTUM_BLOCK_ROW) != NULL;
	case PACTUM_BLOCK_SIGNATURES:
		return db_child_of_kind(b, PACTUM_BLOCK_SIGNATURE) != NULL;
	default:
		return 0;
	}
}

/* A block that becomes a DocBook section or appendix (or, flat, a
 * bridgehead): an untitled preamble is only blocks. */
int db_is_part(const pactum_block *b, size_t lang)
{
	switch (db_kind_of(b)) {
	case PACTUM_BLOCK_SECTION:
	case PACTUM_BLOCK_ANNEX:
		return 1;
	case PACTUM_BLOCK_PREAMBLE:
		return pactum_block_title(b, lang == ALL_LANGS ? 0 : lang) !=
		       NULL;
	default:
		return 0;
	}
}

int db_has_content(const pactum_block *b)
{
	const pactum_block *c;

	for (c = db_first_child(b); c; c = db_next_block(c))
		if (db_kind_of(c) == PACTUM_BLOCK_SECTION ||
		    db_kind_of(c) == PACTUM_BLOCK_ANNEX ||
		    db_is_body_block(c) ||
		    (db_kind_of(c) == PACTUM_BLOCK_PREAMBLE &&
		     (db_has_content(c) || db_is_part(c, 0))))
			return 1;
	return 0;
}

/* Whether a block follows a subsection of b, which DocBook forbids.
 * Signatures after a section become a section of their own (docbook.c),
 * so they force nothing. */
int db_needs_flat(const pactum_block *b)
{
	const pactum_block *c;
	int seen_section = 0;

	for (c = db_first_child(b); c; c = db_next_block(c)) {
		if (db_is_part(c, 0))
			seen_section = 1;
		else if (seen_section && db_is_body_block(c) &&
			 db_kind_of(c) != PACTUM_BLOCK_SIGNATURES)
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

/* The party of the document with this id, or NULL. */
const pactum_block *db_party_of(const pactum_block *root, const char *id)
{
	const pactum_block *parties =
		db_child_of_kind(root, PACTUM_BLOCK_PARTIES);
	const pactum_block *p;
	const char *pid;

	if (parties == NULL || id == NULL)
		return NULL;
	for (p = db_first_child(parties); p; p = db_next_block(p)) {
		pid = pactum_block_id(p);
		if (db_kind_of(p) == PACTUM_BLOCK_PARTY && pid &&
		    strcmp(pid, id) == 0)
			return p;
	}
	return NULL;
}

/* Nonzero when runs hold a line break. */
int db_has_break(const pactum_run *r)
{
	for (; r; r = pactum_run_next(r))
		if (pactum_run_kind_of(r) == PACTUM_RUN_BREAK)
			return 1;
	return 0;
}
