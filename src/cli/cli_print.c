/* cli_print.c: the print subcommand (lembar disposisi, kartu kendali, lembar pengantar). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "print.h"

int cli_print_run(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_SHEET, O_OUT };
	struct cli_opt opts[] = {
		{ "sheet", 0, 1, 0, NULL }, { "output", 'o', 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct app a;
	struct case_rec r;
	char **pos, *text, *cause = NULL;
	const char *v, *out;
	size_t npos;
	int sheet = -1; /* -1: every sheet the letter gets */
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0 || (rc = cli_one_ref(c, npos)) != 0)
		goto out_args;
	if ((v = cli_opt_last(&opts[O_SHEET])) != NULL) {
		if (strcmp(v, "disposisi") == 0)
			sheet = SHEET_DISPOSISI;
		else if (strcmp(v, "kartu") == 0)
			sheet = SHEET_KARTU_KENDALI;
		else if (strcmp(v, "pengantar") == 0)
			sheet = SHEET_PENGANTAR;
		else if (strcmp(v, "semua") != 0) {
			rc = cli_usage_error(c, _("--sheet: nilai tidak dikenal '%s' "
						  "(disposisi, kartu, pengantar, semua)"), v);
			goto out_args;
		}
	}
	out = cli_opt_last(&opts[O_OUT]);
	rc = CLI_ERR;
	if (cli_open_case(c, &a, pos[0], NULL, &r, NULL) != 0)
		goto out_args;
	text = sheet < 0 ? print_letter(&a, r.id, &cause)
		: print_sheet(&a, r.id, (enum sheet)sheet, &cause);
	if (text == NULL) {
		cli_error("%s", cause ? cause : _("gagal menyusun lembar"));
		free(cause);
		goto out_case;
	}
	if (out != NULL && strcmp(out, "-") == 0) {
		fputs(text, stdout);
	} else if (print_output(&a, text, out, &cause) != 0) {
		cli_error("%s", cause ? cause : _("gagal mencetak"));
		free(cause);
		free(text);
		goto out_case;
	} else if (out != NULL) {
		printf(_("Disimpan ke %s\n"), out);
	} else {
		printf(_("Dikirim ke pencetak (%s)\n"), a.cfg.print_command ? a.cfg.print_command : "lp");
	}
	free(text);
	rc = CLI_OK;
out_case:
	cli_close_case(&a, &r);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}
