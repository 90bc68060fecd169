/* Whether a plugin file may be loaded: the checks OpenSSH's StrictModes
 * makes of a key file, applied to code that will run in our process. */
#ifndef PACTUM_TRUST_H
#define PACTUM_TRUST_H

#include <sys/types.h>
#include <sys/stat.h>

#include "internal.h"

/* One path the decision looks at, with what stat() said of it. */
typedef struct pactum__trust_item {
	const char *path;
	struct stat st;
} pactum__trust_item;

/*
 * Decide whether a process of effective uid euid may load the plugin file
 * items[0], held by the directories items[1..n), from its own up to "/".
 * The file must be a regular file, owned by root or euid, writable by
 * neither group nor others; each directory must be owned by root or euid
 * and writable by neither group nor others unless it is sticky (/tmp).
 * Pure: it looks only at the stat data, so tests can fabricate it.
 * *out is NULL when the file may be loaded, else the reason, naming the
 * offending path (owned, release with pactum_free()).  Returns PACTUM_OK or
 * PACTUM_ENOMEM.
 */
int pactum__trust_decide(char **out, const pactum__trust_item *items,
			 size_t n, uid_t euid);

/*
 * Resolve path (symbolic links, "..") and stat the file and every directory
 * above it, then decide as above.  Nothing is opened, so a FIFO cannot
 * block.  *reason as for pactum__trust_decide() (also when path cannot be
 * resolved or inspected); *resolved is the canonical path to open, owned,
 * or NULL when refused.  Returns PACTUM_OK or PACTUM_ENOMEM.
 */
int pactum__trust_file(char **reason, char **resolved, const char *path,
		       uid_t euid);

#endif /* PACTUM_TRUST_H */
