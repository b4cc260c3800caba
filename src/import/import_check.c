/* htkp-import's checks in the order they must run: each file read, its
 * text and sizes checked, its records staged; then every record, then the
 * links between records. Shared by the program and its fuzz target, which
 * runs exactly this over an in-memory database. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "import/import.h"

/* Reads, checks and stages every file of imp, then checks every record;
 * imp->db must be open (imp_open). Each file is unmapped once done. */
enum imp_status imp_check_files(struct imp *imp)
{
	int all_staged = 1;
	for (int i = 0; i < imp->nfiles; i++) {
		struct imp_file *f = &imp->files[i];
		enum imp_status st = imp_read_file(imp, f);
		if (st == IMP_OK)
			st = imp_check_text(imp, f);
		imp_phase("checking the text");
		if (st == IMP_OK)
			st = imp_stage_file(imp, i);
		imp_unmap_file(f);
		imp_phase("staging");
		if (st == IMP_EFATAL)
			return st;
		all_staged &= st == IMP_OK;
	}
	enum imp_status st = imp_validate_records(imp);
	imp_phase("checking records");
	if (st == IMP_OK)
		st = imp_check_links(imp, all_staged);
	imp_phase("checking links");
	return st;
}
