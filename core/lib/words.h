/* The words the core and the writers put into a contract around the
 * model's own text: labels, headings, reference words, unit names.  Their
 * English is the table in words.c; every other language takes them from
 * the catalog of text domain "pactum-words" (locales/pactum-words/), so a
 * language or a regional variant is a .po file, never C. */
#ifndef PACTUM_WORDS_H
#define PACTUM_WORDS_H

#include "internal.h"

#define PACTUM_WORDS_DOMAIN "pactum-words"

typedef enum pactum_word {
	PACTUM_WORD_LOCALE = 0,  /* the CLDR locale of the language: "de_DE" */
	PACTUM_WORD_LANGUAGE,    /* the language's own name: "Deutsch" */
	PACTUM_WORD_PARTIES,     /* headings the writers print */
	PACTUM_WORD_DEFINITIONS,
	PACTUM_WORD_SIGNATURES,
	PACTUM_WORD_FOOTNOTES,   /* writers' words (pactum_doc_label) */
	PACTUM_WORD_PREVAILING,
	PACTUM_WORD_PAGE,
	PACTUM_WORD_OMITTED,     /* a left-out part: "[intentionally omitted]" */
	PACTUM_WORD_ANNEX,       /* the annex series, "Annex" / "Anlage" */
	PACTUM_WORD_SCHEDULE,
	PACTUM_WORD_EXHIBIT,
	PACTUM_WORD_APPENDIX,
	PACTUM_WORD_RECITAL,     /* a reference to a recital: {number} */
	PACTUM_WORD_XREF,        /* a reference to a section: {number} */
	PACTUM_WORD_XREF_ITEM,   /* {clause} and its {items}: "3.3(c)" */
	PACTUM_WORD_VERSION_DATE, /* {version} and {date} of the agreement */
	PACTUM_WORD_VERSION,
	PACTUM_WORD_DATE,
	PACTUM_WORD_PLACE_DATE,  /* signature block labels */
	PACTUM_WORD_SIGNATURE,
	PACTUM_WORD_SIGNATORY_NAME,
	PACTUM_WORD_FUNCTION,
	PACTUM_WORD_FIELD_NAME,  /* labels of the built-in party fields */
	PACTUM_WORD_FIELD_ADDRESS,
	PACTUM_WORD_FIELD_REGISTER,
	PACTUM_WORD_FIELD_VAT_ID,
	PACTUM_WORD_FIELD_REPRESENTATIVE,
	PACTUM_WORD_FIELD_COUNTRY,
	PACTUM_WORD_ADDRESS_COUNTRY, /* "{address}, {country}" */
	PACTUM_WORD_AND,         /* between euros and cents in words */
	PACTUM_WORD_QUOTE,       /* a term where it is defined: "“{term}”" */
	PACTUM_WORD_YES,
	PACTUM_WORD_NO,
	PACTUM_WORD_PREVAILS,    /* the language clause: see translate.c */
	PACTUM_WORD_TRANSLATION_OF,
	PACTUM_WORD_LANGUAGE_IN, /* "German" as in "made in German and ..." */
	PACTUM_WORD_LANGUAGE_OF, /* "German" as in "the German version" */
	PACTUM_WORD_LIST_AND,    /* "{first} and {last}" */
	/* plural words: a count picks the form */
	PACTUM_WORD_DURATION_,   /* [unit * 4 + case], "{count} days" */
	PACTUM_WORD_SUBUNIT_ = PACTUM_WORD_DURATION_ + 16, /* cents, pence */
	PACTUM_WORD_COUNT_ = PACTUM_WORD_SUBUNIT_ + 4
} pactum_word;

/* A word's English, its msgctxt and its plural (the catalog's keys), and
 * what translators are told about it. */
typedef struct pactum_word_def {
	const char *ctx;
	const char *msgid;
	const char *plural; /* NULL: not a plural word */
	const char *note;
} pactum_word_def;

/* Word w's row; w < PACTUM_WORD_COUNT_. */
const pactum_word_def *pactum__word_def(pactum_word w);

/* The word for the subunit of currency code ("EUR"), or -1. */
int pactum__word_subunit(const char *code);

/*
 * Append pattern to out with each "{name}" of names[] replaced by the
 * value at the same index; other text, other braces included, as it is.
 */
void pactum__word_expand(pactum_buf *out, const char *pattern,
			 const char *const *names, const char *const *values,
			 size_t n);

/* Whether pattern and its translation hold the same {name} fields, each
 * once; in *name the first that differs (borrowed from whichever holds
 * it) and its length. */
int pactum__word_fields_match(const char *msgid, const char *msgstr,
			      const char **name, size_t *len);
/* The same for the form of a plural word for count n; a form for one may
 * leave out the count. */
int pactum__word_form_fits(const pactum_word_def *d, const char *form,
			   unsigned long n, const char **name, size_t *len);

#endif /* PACTUM_WORDS_H */
