/* fuzz_file.h: what the targets whose module reads a file by its path
 * share. Define FUZZ_NAME ("fuzz_x") before including it: each input is
 * written to one file, path, made under /tmp when the process starts,
 * truncated and rewritten per input (write_input), removed at exit; die()
 * reports a broken property and aborts. */
#ifndef FUZZ_FILE_H
#define FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char path[] = "/tmp/htkp-" FUZZ_NAME "-XXXXXX";
static int fd = -1;

static void remove_file(void)
{
	if (fd >= 0)
		unlink(path);
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, FUZZ_NAME ": %s%s%s\n", what, detail ? ": " : "",
		detail ? detail : "");
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fd = mkstemp(path);
	if (fd < 0)
		die("mkstemp failed", path);
	atexit(remove_file);
	return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
	if (ftruncate(fd, 0) != 0)
		die("ftruncate failed", path);
	size_t done = 0;
	while (done < size) {
		ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);
		if (w <= 0)
			die("pwrite failed", path);
		done += (size_t)w;
	}
}

#endif
