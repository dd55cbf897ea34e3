/* cli_export.c: the export subcommand (CSV of one kind, e.g. Buku Agenda Surat Masuk). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"

int cli_export_run(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { CLI_EXPORT_OPTS };
	struct csv_opts co = { ',', 0, 0 };
	struct app a;
	char **pos, from[11], to[11], *cause = NULL;
	const char *v, *out;
	size_t npos;
	long rows = 0;
	FILE *fp;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos), bad = 0;

	if (rc != 0)
		goto out_args;
	if (npos != 1) {
		rc = cli_usage_error(c, npos ? _("terlalu banyak argumen") : _("JENIS belum diberikan"));
		goto out_args;
	}
	if (cli_delim_arg(cli_opt_last(&opts[CLI_EXP_DELIM]), &co.delim) != 0) {
		rc = cli_usage_error(c, _("--delimiter: harus ',' atau ';'"));
		goto out_args;
	}
	co.bom = opts[CLI_EXP_BOM].n > 0;
	co.raw = opts[CLI_EXP_RAW].n > 0;
	from[0] = to[0] = '\0';
	if ((v = cli_opt_last(&opts[CLI_EXP_FROM])) != NULL && cli_date_arg("--from", v, from) != 0)
		bad = 1;
	if ((v = cli_opt_last(&opts[CLI_EXP_TO])) != NULL && cli_date_arg("--to", v, to) != 0)
		bad = 1;
	if (!bad && from[0] && to[0] && strcmp(from, to) > 0) {
		cli_error(_("--from: tanggal %s sesudah --to %s"), cli_opt_last(&opts[CLI_EXP_FROM]),
			  cli_opt_last(&opts[CLI_EXP_TO]));
		bad = 1;
	}
	rc = CLI_ERR;
	if (bad || cli_open(c, &a, 0) != 0)
		goto out_args;
	if (kindset_find(&a.kinds, pos[0]) == NULL) {
		char *s = str_sanitize(pos[0], 1);
		cli_error(_("jenis tidak dikenal: %s"), s);
		free(s);
		goto out_app;
	}
	out = cli_opt_last(&opts[CLI_EXP_OUT]);
	if ((fp = cli_out_open(&out)) == NULL)
		goto out_app;
	if (csv_export_kind(&a, pos[0], from[0] ? from : NULL, to[0] ? to : NULL, fp, &co,
			    &rows, &cause) != 0) {
		cli_error("%s", cause ? cause : _("ekspor gagal"));
		free(cause);
		cli_out_close(fp, out, 0);
		goto out_app;
	}
	if (cli_out_close(fp, out, 1) != 0)
		goto out_app;
	if (out)
		printf(_("%ld baris diekspor ke %s\n"), rows, out);
	rc = CLI_OK;
out_app:
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}
