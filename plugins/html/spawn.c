/*
 * The browser the pdf writer prints with: found on request, in the
 * environment or on PATH, and run without a shell, in a process group of
 * its own, with a time limit.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "html.h"
#include "pdf.h"

extern char **environ;

/* The browsers tried, in order, when neither -O chromium= nor
 * PACTUM_CHROMIUM names one. */
static const char *const browsers[] = {
	"chromium", "chromium-browser", "google-chrome", NULL
};

static int executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

/* *out (owned) = the path of name: itself when it holds a '/', else the
 * first executable of that name on PATH.  PACTUM_ENOTFOUND when there is
 * none, PACTUM_ENOMEM. */
static int lookup(char **out, const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	size_t dir, len = strlen(name);
	char *full;

	*out = NULL;
	if (strchr(name, '/')) {
		if (!executable(name))
			return PACTUM_ENOTFOUND;
		*out = pactum_strndup(name, len);
		return *out ? PACTUM_OK : PACTUM_ENOMEM;
	}
	for (p = path ? path : "/usr/bin:/bin";; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		dir = (size_t)(end - p);
		full = pactum_malloc(dir + len + 3);
		if (full == NULL)
			return PACTUM_ENOMEM;
		memcpy(full, dir ? p : ".", dir ? dir : 1);
		dir = dir ? dir : 1;
		full[dir] = '/';
		memcpy(full + dir + 1, name, len + 1);
		if (executable(full)) {
			*out = full;
			return PACTUM_OK;
		}
		pactum_free(full);
		if (*end == '\0')
			break;
	}
	return PACTUM_ENOTFOUND;
}

/*
 * *out (owned) = the browser to print with: -O chromium=PATH, else
 * $PACTUM_CHROMIUM, else the first of chromium, chromium-browser and
 * google-chrome on PATH.  Reports and returns PACTUM_ENOTFOUND, naming
 * what was tried, when there is none.
 */
int pdf_find_browser(char **out, const pactum_options *opts,
		     pactum_diag *diag)
{
	const char *given = pactum_options_get(opts, "chromium");
	const char *env = getenv("PACTUM_CHROMIUM");
	int error = PACTUM_ENOTFOUND;
	size_t i;

	*out = NULL;
	if (given) {
		error = lookup(out, given);
		if (error == PACTUM_ENOTFOUND)
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   /* TRANSLATORS: %s is a file name */
					   _("pdf: no browser at \"%s\" "
					     "(-O chromium=)"), given);
		return error;
	}
	if (env && *env) {
		error = lookup(out, env);
		if (error == PACTUM_ENOTFOUND)
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   /* TRANSLATORS: %s is a file name */
					   _("pdf: no browser at \"%s\" "
					     "(PACTUM_CHROMIUM)"), env);
		return error;
	}
	for (i = 0; browsers[i] && error == PACTUM_ENOTFOUND; i++)
		error = lookup(out, browsers[i]);
	if (error == PACTUM_ENOTFOUND)
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   _("pdf: no Chromium found: tried chromium, "
				     "chromium-browser and google-chrome on "
				     "PATH; install one, or name it with -O "
				     "chromium=PATH or PACTUM_CHROMIUM"));
	return error;
}

/* Nonzero for the variables the child does not inherit: the locale, the
 * time zone and the home, which pdf_run() sets itself. */
static int replaced(const char *var)
{
	return strncmp(var, "LANG=", 5) == 0 ||
	       strncmp(var, "LANGUAGE=", 9) == 0 ||
	       strncmp(var, "LC_", 3) == 0 || strncmp(var, "TZ=", 3) == 0 ||
	       strncmp(var, "HOME=", 5) == 0;
}

/* *out (owned, the strings borrowed but the last, home) = the
 * environment the browser runs in: ours, with a fixed locale and zone so
 * that the PDF does not depend on them, and a home of its own. */
static int child_env(char ***out, const char *home)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	env = pactum_malloc((n + 4) * sizeof(*env));
	if (env == NULL)
		return PACTUM_ENOMEM;
	for (n = 0; environ && environ[n]; n++)
		if (!replaced(environ[n]))
			env[k++] = environ[n];
	env[k++] = (char *)"LANG=C.UTF-8";
	env[k++] = (char *)"TZ=UTC";
	env[k++] = (char *)home;
	env[k] = NULL;
	*out = env;
	return PACTUM_OK;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wait for pid until the deadline; on time, *status is its wait status
 * and 1 is returned, else 0 (still running). */
static int wait_until(pid_t pid, int *status, double deadline)
{
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	pid_t got;

	for (;;) {
		got = waitpid(pid, status, WNOHANG);
		if (got == pid)
			return 1;
		if (got < 0 && errno != EINTR) {
			*status = -1;
			return 1;
		}
		if (now() >= deadline)
			return 0;
		nanosleep(&nap, NULL);
	}
}

/*
 * Run argv[0] with argv, its output and errors into the file log, in a
 * new process group that is killed when it takes longer than timeout
 * seconds and, after it ended, to take its helpers with it.  home:
 * "HOME=...".  *status = the wait status (-1: lost).  Returns PACTUM_OK
 * when it ran (whatever its status), PACTUM_EIO after reporting that it
 * could not be started or was killed, PACTUM_ENOMEM.
 */
int pdf_run(int *status, const char *const argv[], const char *log,
	    const char *home, unsigned timeout, pactum_diag *diag)
{
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attr;
	char **env = NULL;
	sigset_t none;
	pid_t pid = 0;
	int error, rc, finished;

	*status = -1;
	error = child_env(&env, home);
	if (error != PACTUM_OK)
		return error;
	posix_spawn_file_actions_init(&actions);
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 1, log,
					 O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&actions, 1, 2);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
					POSIX_SPAWN_SETSIGMASK);
	rc = posix_spawn(&pid, argv[0], &actions, &attr,
			 (char *const *)argv, env);
	if (rc != 0) {
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   /* TRANSLATORS: %s: a program, then why */
				   _("pdf: cannot run %s: %s"), argv[0],
				   strerror(rc));
		error = PACTUM_EIO;
		goto cleanup;
	}
	finished = wait_until(pid, status, now() + timeout);
	kill(-pid, SIGKILL); /* the group: helpers it left, or all of it */
	if (!finished) {
		waitpid(pid, status, 0);
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   /* TRANSLATORS: %s: a program; %u seconds */
				   _("pdf: %s did not finish within %u "
				     "seconds (-O timeout=)"), argv[0], timeout);
		error = PACTUM_EIO;
	}

cleanup:
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&actions);
	pactum_free(env);
	return error;
}
