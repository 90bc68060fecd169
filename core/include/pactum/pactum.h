/*
 * pactum/pactum.h — libpactum for programs.
 *
 * The pipeline, in the order a program calls it:
 *
 *   pactum_registry_new()       find and load the plugins
 *   pactum_model_load()         read (reader plugin) and check a model
 *   pactum_data_new()/_load()   deal data, then --set overrides
 *   pactum_translator_new()     where the compiled catalogs are
 *   pactum_doc_new()            resolve (bind data, conditions, numbers)
 *                               and translate into each language
 *   pactum_sink_new()           an output buffer
 *   pactum_plugin_write()       write (writer plugin) into it
 *   pactum_sink_commit()        to a file, atomically, or to stdout
 *
 * A model is read once and is never changed by rendering, so one model can
 * serve any number of deals.  Every problem goes to a pactum_diag, which
 * collects them all so that one run reports everything that is wrong.
 *
 * Everything in pactum/plugin.h applies here too: status codes,
 * ownership words, the allocation wrapper.
 *
 * The library also exports a few pactum__test_* functions, declared in no
 * installed header: hooks for pactum's own tests (failing allocations,
 * failing writes), which are no part of the API or its stability.
 */
#ifndef PACTUM_PACTUM_H
#define PACTUM_PACTUM_H

#include <stdio.h>

#include <pactum/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A copy of s that is safe to show on a terminal, as diagnostics show
 * untrusted text: malformed UTF-8, control characters, bidirectional
 * controls and noncharacters escaped ("\x1b", "\u202e").  For file names,
 * plugin descriptions and anything else from outside that a program
 * prints itself.  Owned: release with pactum_free(); NULL when out of
 * memory.
 */
char *pactum_text_escape(const char *s);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

/* Owned: release with pactum_diag_free().  The first call binds the
 * library's text domain "pactum" to its installed catalogs, so messages
 * come in the language of the program's locale (setlocale) without the
 * program binding anything. */
int pactum_diag_new(pactum_diag **out);
void pactum_diag_free(pactum_diag *diag);
/* Number of recorded problems of that severity. */
size_t pactum_diag_count(const pactum_diag *diag, pactum_severity severity);
/* Number of recorded problems of any severity. */
size_t pactum_diag_size(const pactum_diag *diag);
/* Entry i (in the order reported): its message, borrowed; severity and
 * position through the optional out parameters. */
const char *pactum_diag_entry(const pactum_diag *diag, size_t i,
			      pactum_severity *severity, pactum_pos *pos);
/*
 * Print every entry as "file:line:col: error: message", GNU style, in the
 * order of the files and positions (then the order reported), and forget
 * them.  Returns PACTUM_OK or PACTUM_EIO.
 */
int pactum_diag_flush(pactum_diag *diag, FILE *fp);

/* ------------------------------------------------------------------ */
/* Plugins                                                             */
/* ------------------------------------------------------------------ */

typedef struct pactum_registry pactum_registry;
typedef struct pactum_plugin pactum_plugin;

/* Owned: release with pactum_registry_free(), which unloads the plugins. */
int pactum_registry_new(pactum_registry **out);
void pactum_registry_free(pactum_registry *reg);
/*
 * Load every "*.so" file in each directory of the colon-separated list, in
 * list order and, within a directory, in name order.  A file that is not a
 * valid plugin is recorded as refused, with the reason; it never stops the
 * others.  A directory that does not exist is skipped; one that cannot be
 * read (permissions, not a directory, a name too long, a symlink loop) is
 * recorded as refused, with the reason.
 *
 * The names of plugins are unique: the first file loaded with a name wins,
 * and every later file of that name is refused.  When the later one has
 * the same kind too, the first shadows it (see pactum_registry_report()).
 * Returns PACTUM_OK or PACTUM_ENOMEM.
 */
int pactum_registry_load_path(pactum_registry *reg, const char *dirs);
/*
 * Load one file; PACTUM_OK even when it is refused (see _refused_*).
 * Nothing is opened before the file passes these checks, made on its
 * canonical path (symbolic links resolved), as OpenSSH's StrictModes
 * does: it is a regular file (never a FIFO or a device), owned by root or
 * the effective user and writable by neither group nor others; so is each
 * directory from its own up to "/", except that a sticky directory (/tmp)
 * may be writable by group and others.  These hold for root as well: a
 * plugin runs with all the rights of the process that loads it.
 */
int pactum_registry_load_file(pactum_registry *reg, const char *path);
/*
 * The default search: each directory of $PACTUM_PLUGIN_PATH, left to
 * right, then the installed plugin directory, or in its place the
 * directories of $PACTUM_PLUGIN_SYSTEM_PATH when that is set (empty: none;
 * a build tree's tests and pactum-uninstalled do that, so an installed
 * pactum's plugins stay out of them).  The first plugin of a kind and name
 * in that order wins, so a plugin in $PACTUM_PLUGIN_PATH shadows an
 * installed one of the same name and kind; pactum_registry_report() warns
 * about each.
 */
int pactum_registry_load_default(pactum_registry *reg);
/*
 * Report to diag what a user should know about the plugins loaded, without
 * a position, as warnings naming both files: each plugin that shadows
 * another of the same name and kind ("plugin 'text' from A shadows B"),
 * and each reader that takes a suffix another reader claims too ("reader
 * 'mine' from A reads .xml files in place of reader 'xml' from B").
 * Refusals are not reported here; list them with _refused_*.
 * Returns PACTUM_OK or PACTUM_ENOMEM.
 */
int pactum_registry_report(const pactum_registry *reg, pactum_diag *diag);

size_t pactum_registry_count(const pactum_registry *reg);
const pactum_plugin *pactum_registry_get(const pactum_registry *reg,
					 size_t i);
/* By kind and name; NULL when absent.  Borrowed. */
const pactum_plugin *pactum_registry_find(const pactum_registry *reg,
					  pactum_plugin_kind kind,
					  const char *name);
/* The first reader that claims the suffix of path; NULL when none. */
const pactum_plugin *pactum_registry_find_reader(const pactum_registry *reg,
						 const char *path);
size_t pactum_registry_refused_count(const pactum_registry *reg);
/* File and reason of refusal i; borrowed. */
const char *pactum_registry_refused_file(const pactum_registry *reg,
					 size_t i);
const char *pactum_registry_refused_reason(const pactum_registry *reg,
					   size_t i);
/* Why the plugin of kind and name that a command asks for is not loaded:
 * the reason the loader refused it for (its descriptor has that name, or
 * its file is NAME.so and has no readable descriptor), with its file in
 * *file; NULL when no refused file is that plugin.  Borrowed. */
const char *pactum_registry_refusal(const char **file,
				    const pactum_registry *reg,
				    pactum_plugin_kind kind, const char *name);

/* Borrowed from the descriptor or the registry. */
const char *pactum_plugin_name(const pactum_plugin *plugin);
pactum_plugin_kind pactum_plugin_kind_of(const pactum_plugin *plugin);
const char *pactum_plugin_version(const pactum_plugin *plugin);
const char *pactum_plugin_description(const pactum_plugin *plugin);
const char *pactum_plugin_file(const pactum_plugin *plugin);
/* A writer's declared options, ended by a NULL name, or NULL; borrowed. */
const pactum_option_spec *pactum_plugin_options(const pactum_plugin *plugin);
/* The file suffixes a reader reads, or the one a writer writes (ABI 1.8;
 * NULL when it names none); NULL-terminated, borrowed. */
const char *const *pactum_plugin_suffixes(const pactum_plugin *plugin);
/* The symbols the plugin's file exports besides its descriptor, in *out
 * ("helper, other", the first eight; owned: pactum_free()), and how many
 * in *count.  PACTUM_EIO when the file is no ELF file. */
int pactum_plugin_exports(char **out, size_t *count,
			  const pactum_plugin *plugin);
/*
 * The plugin callback running on the calling thread, if any: its plugin's
 * name, the callback ("write", "read_model") and the plugin's file, all
 * borrowed, and 1; 0 when no plugin code runs.  Async-signal-safe, for a
 * program's crash handler: the pactum command names the plugin in one line
 * before it dies of SIGSEGV and the like.
 */
int pactum_plugin_active(const char **name, const char **callback,
			 const char **file);
/* "reader", "writer", "transform"; borrowed, static. */
const char *pactum_plugin_kind_name(pactum_plugin_kind kind);

/* ------------------------------------------------------------------ */
/* Models and deal data                                                */
/* ------------------------------------------------------------------ */

/* The most a model, deal-data or catalog file may weigh, in bytes. */
#define PACTUM_MAX_INPUT (64u * 1024u * 1024u)

/*
 * Read the model at path with the reader that claims its suffix, then
 * check it: structure, ids, references, types, conditions.  Every problem
 * goes to diag.  Owned: release with pactum_model_free().  On failure
 * *out is NULL and the return is PACTUM_EINPUT, PACTUM_ENOTFOUND (no
 * reader), PACTUM_EIO or PACTUM_ENOMEM.
 */
int pactum_model_load(pactum_model **out, const pactum_registry *reg,
		      const char *path, pactum_diag *diag);
void pactum_model_free(pactum_model *model);
/* The model's id and text domain; borrowed. */
const char *pactum_model_id(const pactum_model *model);
const char *pactum_model_domain(const pactum_model *model);
/* The language that prevails in bilingual output ("de"); borrowed. */
const char *pactum_model_prevailing(const pactum_model *model);

/*
 * The model's translation units, in document order, for extraction: each
 * title, paragraph, item, role, choice label, term and definition.  ctx is
 * the unit's stable msgctxt, msgid its English text with placeholders.  A
 * unit that shows an integer or a duration is a plural entry: msgid is its
 * text for a count of one (the model's <one>, else the same text) and
 * msgid_plural its general text; the first such value picks the form.
 * msgid_plural is NULL for other units.  role says what the unit is
 * (English, for translators), note is the model's note to translators or
 * NULL.  All borrowed from the model; any out parameter may be NULL.
 * Returns PACTUM_EINVAL when i is out of range, PACTUM_ENOMEM when the
 * role, described on first use, cannot be (it is then the short one).
 */
size_t pactum_model_unit_count(const pactum_model *model);
int pactum_model_unit(const pactum_model *model, size_t i, const char **ctx,
		      const char **msgid, const char **msgid_plural,
		      const char **role, const char **note, pactum_pos *pos);
/*
 * The contract words of text domain "pactum-words" (headings, labels,
 * reference words, unit names: everything a contract shows that is not
 * the model's), for extraction: entry i < pactum_words_count() with its
 * msgctxt, English msgid, msgid_plural (NULL unless a count picks its
 * form) and what translators are told.  An entry with a NULL msgid stands
 * for one entry per language, whose msgid is the language's English name
 * (pactum_language_name()).  Borrowed, static.  PACTUM_EINVAL when i is
 * out of range.
 */
size_t pactum_words_count(void);
int pactum_words_entry(size_t i, const char **ctx, const char **msgid,
		       const char **msgid_plural, const char **note);
/* The English name of language tag lang ("German" for "de-AT"), from ICU.
 * Owned: release with pactum_free().  NULL when out of memory or ICU does
 * not know it. */
char *pactum_language_name(const char *lang);

/*
 * The id that keeps unit i's msgctxt when paragraphs are inserted, deleted
 * or moved: for a <p>, <item> or <recital> without an id, named by its
 * place ("grant.p2"), in the model's own file and not in a <repeat>, the
 * id that names it alike ("grant-p2"; a suffix where that is taken), in
 * *id (owned: pactum_free()), and its element's position in *pos.
 * PACTUM_ENOTFOUND when the unit needs none, PACTUM_EINVAL when i is out
 * of range, PACTUM_ENOMEM.  'pactum ids' writes them into a model.
 */
int pactum_model_unit_suggest_id(const pactum_model *model, size_t i,
				 char **id, pactum_pos *pos);

/* The text domain of unit i: the model's (pactum_model_domain()), or that
 * of the clause library it was included from, whose own catalog
 * translates it.  Borrowed; NULL when i is out of range. */
const char *pactum_model_unit_domain(const pactum_model *model, size_t i);

/* Owned: release with pactum_data_free(). */
int pactum_data_new(pactum_data **out);
void pactum_data_free(pactum_data *data);
/* Read a deal-data file with the reader that claims its suffix. */
int pactum_data_load(pactum_data *data, const pactum_registry *reg,
		     const char *path, pactum_diag *diag);
/* One "NAME=VALUE" from the command line; reported as coming from
 * "--set".  Returns PACTUM_EINPUT when there is no '='. */
int pactum_data_set_arg(pactum_data *data, const char *assignment,
			pactum_diag *diag);

/* The values data holds, in the order first set: entry i's name and
 * value (borrowed; any out parameter may be NULL), PACTUM_EINVAL when i
 * is out of range.  pactum_data_get(): the value of name, NULL when
 * data does not give it. */
size_t pactum_data_count(const pactum_data *data);
int pactum_data_entry(const pactum_data *data, size_t i, const char **name,
		      const char **value);
const char *pactum_data_get(const pactum_data *data, const char *name);

/*
 * The deals of a deal-data file, one at a time, as it is read: a file of
 * many (in pactum's XML a <deals> holding <deal>s) is never in memory
 * whole, so a batch of 100,000 deals runs in the memory of one.  For each
 * deal, in file order, fn(ctx, data, deal_diag, record, pos) is called on
 * the calling thread: record counts from 1, pos is where the deal starts
 * (borrowed for the call), data holds its values and deal_diag the
 * problems found in it.  A deal with errors in deal_diag is bad and the
 * others are not affected: report it, skip it, read on.  data and
 * deal_diag are fn's, to release with pactum_data_free() and
 * pactum_diag_free() when it likes, on any thread.  fn returns PACTUM_OK
 * to read on; any other status stops the reading and is returned.
 *
 * A file of one deal is a file of many with one; so is a file whose
 * reader cannot stream (no read_deals), read whole within
 * PACTUM_MAX_INPUT.  A collection has no size cap; each deal in it has
 * the caps of a file.  Problems of the file itself go to diag: then the
 * return is PACTUM_EINPUT (a file that breaks off ends the stream there,
 * after the deals before it were handed over), PACTUM_ENOTFOUND (no
 * reader for it), PACTUM_EIO or PACTUM_ENOMEM.
 */
typedef int (*pactum_deal_fn)(void *ctx, pactum_data *data,
			      pactum_diag *deal_diag, size_t record,
			      const pactum_pos *pos);
int pactum_data_each(const pactum_registry *reg, const char *path,
		     pactum_deal_fn fn, void *ctx, pactum_diag *diag);

/* ------------------------------------------------------------------ */
/* Translation                                                         */
/* ------------------------------------------------------------------ */

typedef struct pactum_translator pactum_translator;

/*
 * Where compiled catalogs are looked up: each directory of the
 * colon-separated list (NULL: $PACTUM_CATALOG_PATH, then the installed
 * locale directory) is searched for LANG/LC_MESSAGES/DOMAIN.mo.
 * Owned: release with pactum_translator_free().  Catalogs are loaded on
 * first use and kept, so one translator serves any number of documents;
 * documents borrow catalog text, so free them before the translator.  One
 * translator may serve threads building documents at the same time (each
 * with its own diag); models and data are only read while documents are
 * built, so they may be shared too.
 */
int pactum_translator_new(pactum_translator **out, const char *dirs);
void pactum_translator_free(pactum_translator *tr);
/* Unit i's role as pactum_model_unit() gives it, with every sample
 * value also shown in each of the nlangs (at most 8) languages, by their
 * CLDR conventions and contract words from tr: "a money, e.g. EUR
 * 10,000.01 (de: 10.000,01 EUR)"; the samples are data's values where it
 * gives them (data may be NULL), else the model's defaults.  Owned:
 * pactum_free().  PACTUM_EINVAL for i out of range or a malformed tag;
 * the errors of loading a language's words (reported to diag). */
int pactum_model_unit_role_in(char **out, const pactum_model *model,
			      size_t i, pactum_translator *tr,
			      const char *const *langs, size_t nlangs,
			      const pactum_data *data, pactum_diag *diag);

/* The translation of msgid in context ctx (NULL: none) in text domain
 * domain for language tag lang, from the translator's catalogs (a
 * region's with its language's behind it); NULL when there is none.  A
 * refused catalog is reported to diag.  Borrowed from the translator. */
const char *pactum_translator_lookup(pactum_translator *tr, const char *domain,
				     const char *lang, const char *ctx,
				     const char *msgid, pactum_diag *diag);

/* Check pactum's own contract words (text domain "pactum-words") for
 * language tag lang as a render would load them: every word translated,
 * with the {fields} of its English, and CLDR data for the language.
 * Problems are reported to diag.  PACTUM_OK, PACTUM_EINPUT,
 * PACTUM_EUNTRANSLATED (no catalog) or PACTUM_ENOMEM. */
int pactum_translator_check_words(pactum_translator *tr, const char *lang,
				  pactum_diag *diag);

/* Draft mode: render units that have no translation in the source
 * language, marked as PACTUM_RUN_UNTRANSLATED, and only warn. */
void pactum_translator_set_draft(pactum_translator *tr, int draft);

/* Nonzero when lang is a well-formed language tag: a language of two or
 * three lowercase letters and an optional region of two capitals ("de",
 * "fr", "de-AT").  Whether it renders is the catalogs' and ICU's: a
 * document reports a language without them. */
int pactum_lang_supported(const char *lang);

/* How complete the translation of a model into one language is. */
typedef struct pactum_translation_status {
	size_t units;        /* translation units of the model */
	size_t translated;   /* usable as they are */
	size_t fuzzy;        /* marked fuzzy (only a .po file tells) */
	size_t untranslated; /* missing, empty, or not in the catalog */
	size_t mismatched;   /* placeholders differ from the source text */
} pactum_translation_status;

/*
 * Check every unit of model against its translation into lang: from the
 * PO file po_path when given (which tells fuzzy entries apart), else from
 * the compiled catalog the translator finds.  Every incomplete unit is
 * reported to diag as an error at its position, naming its msgctxt.
 * Returns PACTUM_OK (even when incomplete: see *out), PACTUM_EINPUT for an
 * unreadable or malformed catalog, PACTUM_EINVAL for an unsupported or the
 * source language, or PACTUM_ENOMEM.
 */
int pactum_translation_check(pactum_translation_status *out,
			     const pactum_model *model, pactum_translator *tr,
			     const char *po_path, const char *lang,
			     pactum_diag *diag);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

/*
 * Resolve the model against the data (every missing, unknown or malformed
 * value is reported) and translate it into each of the nlangs languages.
 * Owned: release with pactum_doc_free().  Returns PACTUM_OK,
 * PACTUM_EINPUT (data or catalog problems, all reported),
 * PACTUM_EUNTRANSLATED (strict mode found units without a usable
 * translation, all reported) or PACTUM_ENOMEM.
 */
int pactum_doc_new(pactum_doc **out, const pactum_model *model,
		   const pactum_data *data, pactum_translator *tr,
		   const char *const *langs, size_t nlangs,
		   pactum_diag *diag);
void pactum_doc_free(pactum_doc *doc);

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/* Owned: release with pactum_options_free(). */
int pactum_options_new(pactum_options **out);
void pactum_options_free(pactum_options *opts);
void pactum_options_set_layout(pactum_options *opts, pactum_layout layout);
/* Copies both strings; a later value for a key replaces the earlier. */
int pactum_options_set(pactum_options *opts, const char *key,
		       const char *value);
/* The options set, in the order first set: key i, borrowed; NULL when i
 * is out of range (pactum_options_get() gives its value). */
size_t pactum_options_count(const pactum_options *opts);
const char *pactum_options_key(const pactum_options *opts, size_t i);
/* "parallel", "interleaved", "sequential" → layout; PACTUM_EINVAL else. */
int pactum_layout_parse(pactum_layout *out, const char *name);

/* pactum_sink_new(), _data() and _free(): see plugin.h. */
/*
 * Write everything to path, or to stdout when path is NULL or "-",
 * checking every write.  What path names decides how, and its last
 * component is never followed:
 *  - a regular file, or none: replaced atomically.  A temporary file in
 *    the same directory, without a name while it is written (O_TMPFILE;
 *    a short ".pactum-XXXXXX" name where that is not supported), fsync,
 *    then named: directly as path when there was none, else as
 *    ".pactum-XXXXXX" renamed over path; fsync of the directory.  On
 *    failure the previous file is untouched and no temporary file
 *    remains.  A replaced file keeps its permission bits less setuid,
 *    setgid and sticky; a new one gets 0666 less the umask.
 *  - a character device or a FIFO: written into, never replaced.  A FIFO
 *    without a reader is an error at once, not a wait.
 *  - a symbolic link, a directory, a block device, a socket: refused,
 *    nothing changed.
 * While a temporary file has a name, the calling thread blocks the
 * catchable signals that terminate (SIGHUP, SIGINT, SIGTERM, SIGPIPE,
 * SIGXFSZ, SIGALRM, SIGUSR1, ... and the real-time signals); they are
 * delivered when the caller's mask is restored, after the output is
 * complete or untouched and the temporary gone.  Only SIGKILL, which
 * cannot be blocked, can leave a temporary behind: a complete one, if it
 * comes between naming it and the rename over an existing file, or, with
 * the named fallback, at any time.
 * In a program with several threads, the others must block these
 * signals for the guarantee to hold.  A write beyond RLIMIT_FSIZE, to a
 * file or stdout, is reported as an error ("File too large") and its
 * SIGXFSZ discarded, not left to kill the process.  No signal handler is
 * installed.  Returns PACTUM_OK, PACTUM_ENOMEM, or PACTUM_EIO after
 * reporting to diag with the file's name and the reason.
 */
int pactum_sink_commit(const pactum_sink *sink, const char *path,
		       pactum_diag *diag);
/* pactum_sink_commit() with flags.  PACTUM_COMMIT_NOSYNC: no fsync of
 * the file and its directory, for a program that writes many files and
 * syncs them once (syncfs(), as 'pactum batch' does): the output is still
 * complete or absent whatever kills the process; only a power cut before
 * that sync may lose it. */
#define PACTUM_COMMIT_NOSYNC 1u
int pactum_sink_commit_flags(const pactum_sink *sink, const char *path,
			     unsigned flags, pactum_diag *diag);

/*
 * Check opts against the options writer declares (see pactum_option_spec):
 * every unknown key and every value that does not fit is reported.
 * Returns PACTUM_OK, PACTUM_EINVAL (a command-line error) or
 * PACTUM_ENOMEM.  pactum_plugin_write() checks too; call this first to
 * refuse a bad command line before any input is read.
 */
int pactum_options_check(const pactum_options *opts,
			 const pactum_plugin *writer, pactum_diag *diag);

/* Run a writer plugin, after pactum_options_check().  PACTUM_EINVAL when
 * plugin is not a writer or an option does not fit. */
int pactum_plugin_write(const pactum_plugin *plugin, pactum_sink *sink,
			const pactum_doc *doc, const pactum_options *opts,
			pactum_diag *diag);

#ifdef __cplusplus
}
#endif

#endif /* PACTUM_PACTUM_H */
