/*
 * bench/spawn: run one command, print its wall time and peak memory; the
 * measuring half of bench/run.py.
 *
 *   spawn STDOUT-FILE STDERR-FILE PROGRAM [ARG]...
 *
 * runs PROGRAM (looked up in PATH) with standard input from /dev/null and
 * its output in the two files, and prints one line:
 *
 *   WALL_NS MAXRSS_KIB USER_US SYS_US STATUS
 *
 * STATUS is PROGRAM's exit status, or 128 + the signal that ended it.
 * spawn itself exits 0 when it could run PROGRAM, else 1 with a message.
 *
 * Why not Python's os.wait4: Linux carries a process's high-water mark of
 * resident memory across exec into ru_maxrss, so a child of Python (fork,
 * vfork and posix_spawn alike) starts at Python's ~10 MiB and every tool
 * would seem to need at least that.  This program is small, so the floor
 * is its own ~1 MiB, as with GNU time (bench/run.py prints it, measured on
 * /bin/true).  The clock runs from just before posix_spawn to just after
 * waitpid, without Python's cost of starting a process.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long usec(const struct timeval *tv)
{
	return (long long)tv->tv_sec * 1000000 + tv->tv_usec;
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t actions;
	int have_actions = 0;
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status, err, rc = 1;

	if (argc < 4) {
		fprintf(stderr, "usage: spawn STDOUT-FILE STDERR-FILE PROGRAM [ARG]...\n");
		return 1;
	}

	if ((err = posix_spawn_file_actions_init(&actions)) != 0)
		goto fail;
	have_actions = 1;
	if ((err = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null",
			O_RDONLY, 0)) != 0 ||
	    (err = posix_spawn_file_actions_addopen(&actions, 1, argv[1],
			O_WRONLY | O_CREAT | O_TRUNC, 0666)) != 0 ||
	    (err = posix_spawn_file_actions_addopen(&actions, 2, argv[2],
			O_WRONLY | O_CREAT | O_TRUNC, 0666)) != 0)
		goto fail;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((err = posix_spawnp(&pid, argv[3], &actions, NULL, argv + 3,
			environ)) != 0)
		goto fail;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			err = errno;
			goto fail;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);

	/* the only child, so the children's figures are its own */
	if (getrusage(RUSAGE_CHILDREN, &ru) < 0) {
		err = errno;
		goto fail;
	}
	printf("%lld %ld %lld %lld %d\n",
		(long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL +
			(t1.tv_nsec - t0.tv_nsec),
		ru.ru_maxrss, usec(&ru.ru_utime), usec(&ru.ru_stime),
		WIFEXITED(status) ? WEXITSTATUS(status) :
		WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255);
	rc = fflush(stdout) == 0 ? 0 : 1;
	goto cleanup;

fail:
	fprintf(stderr, "spawn: %s: %s\n", argv[3], strerror(err));
cleanup:
	if (have_actions)
		posix_spawn_file_actions_destroy(&actions);
	return rc;
}
