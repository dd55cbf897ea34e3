/* cli_dispose.c: the dispose, read and followup subcommands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "date.h"

/* The acting position: the position of --on-behalf LOGIN (allowed for
 * pencatat/admin) or my own. Fills *behalf_person when on_behalf is given.
 * Returns the position (owned by a or *behalf_person) or NULL after printing
 * the problem. */
static const char *cli_dispose_actor_pos(struct app *a, const char *on_behalf,
					 struct person *behalf_person)
{
	int r;

	memset(behalf_person, 0, sizeof *behalf_person);
	if (on_behalf != NULL) {
		if (!a->me_known || (!person_has_role(&a->me, "pencatat") &&
				     !person_has_role(&a->me, "admin"))) {
			cli_error(_("--on-behalf: hanya untuk pengguna berperan pencatat atau admin "
				    "('%s' tidak)"), app_login());
			return NULL;
		}
		r = store_person_get(a->st, on_behalf, behalf_person);
		if (r != 1) {
			char *s = str_sanitize(on_behalf, 1);
			cli_error(_("--on-behalf: pengguna tidak dikenal: %s"), s);
			free(s);
			memset(behalf_person, 0, sizeof *behalf_person);
			return NULL;
		}
		if (behalf_person->position == NULL || *behalf_person->position == '\0') {
			cli_error(_("--on-behalf: %s tidak memegang jabatan"), on_behalf);
			return NULL;
		}
		return behalf_person->position;
	}
	if (!a->me_known || a->me.position == NULL || *a->me.position == '\0') {
		cli_error(_("pengguna '%s' tidak terdaftar atau tidak memegang jabatan"), app_login());
		return NULL;
	}
	return a->me.position;
}

/* Checks free text given on the command line (no control characters). */
static int cli_dispose_text_ok(const char *opt, const char *s)
{
	if (!str_utf8_valid(s) || str_has_control(s, 1)) {
		cli_error(_("%s: memuat karakter kendali atau UTF-8 tidak sah"), opt);
		return 0;
	}
	return 1;
}

/* Adds the comma-separated codes of one --to value to list (no duplicates). */
static void cli_dispose_split(const char *v, char ***list, size_t *n)
{
	char *copy = xstrdup(v), *save = NULL;

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int dup = 0;

		t = str_trim(t);
		if (*t == '\0')
			continue;
		for (size_t i = 0; i < *n; i++)
			if (strcmp((*list)[i], t) == 0)
				dup = 1;
		if (dup)
			continue;
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[(*n)++] = xstrdup(t);
	}
	free(copy);
}

/* Joins the configured instruction items into "a; b; c"; caller frees. */
static char *cli_dispose_allowed(const struct config *cfg)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < cfg->n_instructions; i++)
		buf_printf(&b, "%s%s", i ? "; " : "", cfg->instructions[i]);
	return buf_steal(&b);
}

/* Validates every --instruction against the config; returns "a; b" in the
 * configured spelling (caller frees), or NULL after printing each problem. */
static char *cli_dispose_instructions(const struct app *a, const struct cli_opt *o)
{
	struct buf b;
	const char **seen = xcalloc((size_t)o->n + 1, sizeof *seen);
	size_t nseen = 0;
	int bad = 0;

	buf_init(&b);
	for (int i = 0; i < o->n; i++) {
		int dup = 0;

		const char *found = NULL;
		char *want = xstrdup(o->vals[i]);

		str_trim(want);
		for (size_t j = 0; j < a->cfg.n_instructions; j++)
			if (strcasecmp(a->cfg.instructions[j], want) == 0)
				found = a->cfg.instructions[j];
		if (found == NULL) {
			char *s = str_sanitize(want, 1), *allowed = cli_dispose_allowed(&a->cfg);
			cli_error(_("--instruction: instruksi tidak dikenal '%s' (pilihan: %s)"), s, allowed);
			free(s);
			free(allowed);
			bad = 1;
		} else {
			for (size_t j = 0; j < nseen; j++)
				if (seen[j] == found)
					dup = 1;
			if (!dup) {
				seen[nseen++] = found;
				buf_printf(&b, "%s%s", b.len ? "; " : "", found);
			}
		}
		free(want);
	}
	free(seen);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

int cli_dispose_run(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_TO, O_FROM, O_BEHALF, O_INSTR, O_NOTE, O_DEADLINE };
	struct cli_opt opts[] = {
		{ "to", 0, 1, 0, NULL }, { "from", 0, 1, 0, NULL },
		{ "on-behalf", 0, 1, 0, NULL }, { "instruction", 0, 1, 0, NULL },
		{ "note", 0, 1, 0, NULL }, { "deadline", 0, 1, 0, NULL },
		{ NULL, 0, 0, 0, NULL }
	};
	struct app a;
	struct case_rec r;
	struct person behalf;
	struct dispo *open = NULL;
	size_t nopen = 0, npos, nto = 0;
	char **pos, **to = NULL, *instr = NULL, *cause = NULL, deadline[11];
	const char *from, *note, *v;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos), bad = 0;

	if (rc != 0 || (rc = cli_one_ref(c, npos)) != 0)
		goto out_args;
	for (int i = 0; i < opts[O_TO].n; i++)
		cli_dispose_split(opts[O_TO].vals[i], &to, &nto);
	if (nto == 0) {
		rc = cli_usage_error(c, _("--to belum diberikan"));
		goto out_args;
	}
	rc = CLI_ERR;
	note = cli_opt_last(&opts[O_NOTE]);
	if (note != NULL && !cli_dispose_text_ok("--note", note))
		goto out_args;
	if ((v = cli_opt_last(&opts[O_DEADLINE])) != NULL && cli_date_arg("--deadline", v, deadline) != 0)
		goto out_args;
	if (cli_open_case(c, &a, pos[0], NULL, &r, NULL) != 0)
		goto out_args;
	memset(&behalf, 0, sizeof behalf);
	if (strcmp(r.status ? r.status : "", "selesai") == 0) {
		cli_error(_("berkas %s sudah selesai"), r.number_text ? r.number_text : r.id);
		goto out_case;
	}
	from = cli_dispose_actor_pos(&a, cli_opt_last(&opts[O_BEHALF]), &behalf);
	if (from == NULL)
		goto out_case;
	if ((v = cli_opt_last(&opts[O_FROM])) != NULL) {
		if (!cli_position_exists(&a, v)) {
			char *s = str_sanitize(v, 1);
			cli_error(_("--from: jabatan tidak dikenal: %s"), s);
			free(s);
			goto out_case;
		}
		if (strcmp(v, from) != 0) {
			if (cli_opt_last(&opts[O_BEHALF]) != NULL)
				cli_error(_("--from: %s bukan jabatan %s (%s)"), v,
					  cli_opt_last(&opts[O_BEHALF]), from);
			else
				cli_error(_("--from: %s bukan jabatan Anda (%s); untuk mencatat atas "
					    "nama pejabat pakai --on-behalf"), v, from);
			goto out_case;
		}
		from = v;
	}
	for (size_t i = 0; i < nto; i++) {
		char *s = str_sanitize(to[i], 1);

		if (!cli_position_exists(&a, to[i])) {
			cli_error(_("--to: jabatan tidak dikenal: %s"), s);
			bad = 1;
		} else if (!store_position_is_below(a.st, to[i], from)) {
			cli_error(_("--to: %s tidak berada di bawah %s"), s, from);
			bad = 1;
		}
		free(s);
	}
	instr = cli_dispose_instructions(&a, &opts[O_INSTR]);
	if (instr == NULL || bad)
		goto out_case;
	if (cli_opt_last(&opts[O_DEADLINE]) == NULL)
		app_default_deadline(&a, r.urgency ? r.urgency : "Biasa", deadline);
	if (store_dispos_for(a.st, r.id, from, &open, &nopen) != 0) {
		open = NULL;
		nopen = 0;
	}
	if (store_dispose(a.st, r.id, nopen ? open[0].id : NULL, from, (const char *const *)to, nto,
			  instr[0] ? instr : NULL, note && *note ? note : NULL, deadline, app_login(), cli_opt_last(&opts[O_BEHALF]),
			  &cause) != 0) {
		cli_error("%s", cause ? cause : _("gagal menyimpan disposisi"));
		free(cause);
		goto out_case;
	}
	if (nopen)
		printf(_("Disposisi diteruskan ke %zu jabatan\n"), nto);
	else
		printf(_("Disposisi dikirim ke %zu jabatan\n"), nto);
	rc = CLI_OK;
out_case:
	dispos_free(open, nopen);
	person_clear(&behalf);
	cli_close_case(&a, &r);
out_args:
	free(instr);
	for (size_t i = 0; i < nto; i++)
		free(to[i]);
	free(to);
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* Loads my open dispositions on the case; prints and returns -1 when none. */
static int cli_dispose_mine(struct app *a, const struct case_rec *r, const char *position,
			    struct dispo **d, size_t *n)
{
	if (store_dispos_for(a->st, r->id, position, d, n) != 0) {
		cli_error(_("gagal membaca disposisi"));
		return -1;
	}
	if (*n == 0) {
		cli_error(_("tidak ada disposisi terbuka untuk %s pada berkas %s"),
			  app_position_name(a, position), r->number_text ? r->number_text : r->id);
		dispos_free(*d, *n);
		*d = NULL;
		return -1;
	}
	return 0;
}

int cli_dispose_read(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct app a;
	struct case_rec r;
	struct person none;
	struct dispo *d = NULL;
	size_t n = 0, npos, marked = 0;
	char **pos, *cause = NULL;
	const char *position;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0 || (rc = cli_one_ref(c, npos)) != 0)
		goto out_args;
	rc = CLI_ERR;
	if (cli_open_case(c, &a, pos[0], NULL, &r, NULL) != 0)
		goto out_args;
	position = cli_dispose_actor_pos(&a, NULL, &none);
	if (position == NULL || cli_dispose_mine(&a, &r, position, &d, &n) != 0)
		goto out_case;
	for (size_t i = 0; i < n; i++) {
		if (d[i].state != DS_NEW)
			continue;
		if (store_dispo_read(a.st, d[i].id, app_login(), &cause) != 0) {
			cli_error("%s", cause ? cause : _("gagal menyimpan"));
			free(cause);
			goto out_case;
		}
		marked++;
	}
	if (marked)
		printf(_("Disposisi ditandai dibaca\n"));
	else
		printf(_("Disposisi sudah dibaca sebelumnya\n"));
	rc = CLI_OK;
out_case:
	dispos_free(d, n);
	cli_close_case(&a, &r);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

int cli_dispose_followup(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_NOTE, O_BEHALF };
	struct cli_opt opts[] = {
		{ "note", 0, 1, 0, NULL }, { "on-behalf", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct app a;
	struct case_rec r, after;
	struct person behalf;
	struct dispo *d = NULL;
	size_t n = 0, npos;
	char **pos, *cause = NULL, *note = NULL;
	const char *position, *behalf_login;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0 || (rc = cli_one_ref(c, npos)) != 0)
		goto out_args;
	if (cli_opt_last(&opts[O_NOTE]) == NULL) {
		rc = cli_usage_error(c, _("--note belum diberikan"));
		goto out_args;
	}
	rc = CLI_ERR;
	note = xstrdup(cli_opt_last(&opts[O_NOTE]));
	str_trim(note);
	if (*note == '\0') {
		cli_error(_("--note: wajib diisi"));
		goto out_args;
	}
	if (!cli_dispose_text_ok("--note", note))
		goto out_args;
	if (cli_open_case(c, &a, pos[0], NULL, &r, NULL) != 0)
		goto out_args;
	memset(&behalf, 0, sizeof behalf);
	behalf_login = cli_opt_last(&opts[O_BEHALF]);
	position = cli_dispose_actor_pos(&a, behalf_login, &behalf);
	if (position == NULL || cli_dispose_mine(&a, &r, position, &d, &n) != 0)
		goto out_case;
	for (size_t i = 0; i < n; i++) {
		if (store_dispo_followup(a.st, d[i].id, note, app_login(), behalf_login, &cause) != 0) {
			cli_error("%s", cause ? cause : _("gagal menyimpan"));
			free(cause);
			goto out_case;
		}
	}
	printf(_("Tindak lanjut dicatat\n"));
	memset(&after, 0, sizeof after);
	if (store_case_get(a.st, r.id, &after) == 1 && after.status &&
	    strcmp(after.status, "selesai") == 0)
		printf(_("Berkas %s selesai\n"), after.number_text ? after.number_text : after.id);
	case_clear(&after);
	rc = CLI_OK;
out_case:
	dispos_free(d, n);
	person_clear(&behalf);
	cli_close_case(&a, &r);
out_args:
	free(note);
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- step and req (issue 3: the case workflow) --------------------------- */

/* The state of a case after a workflow action: current step and its actor,
 * the service clock, or that it is done. */
static void cli_flow_state(struct app *a, const struct kind *k, const char *id)
{
	struct case_rec r;
	char dmy[11];
	day_t d;

	memset(&r, 0, sizeof r);
	if (store_case_get(a->st, id, &r) != 1) {
		case_clear(&r);
		return;
	}
	if (r.status != NULL && strcmp(r.status, "selesai") == 0) {
		printf(_("Berkas %s selesai\n"), r.number_text ? r.number_text : r.id);
	} else if (r.step > 0) {
		const struct kstep *ks = k ? kind_step(k, r.step) : NULL;
		printf(_("Tahap sekarang: %d (%s)\n"), r.step,
		       ks ? app_position_name(a, ks->actor) : "-");
	}
	if (r.paused_since != NULL && date_parse_iso(r.paused_since, &d) == 0) {
		date_fmt_dmy(d, dmy);
		printf(_("Jam layanan berhenti sejak %s (menunggu pemohon)\n"), dmy);
	}
	case_clear(&r);
}

int cli_flow_step(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_KIND, O_REASON };
	struct cli_opt opts[] = {
		{ "kind", 0, 1, 0, NULL }, { "reason", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct app a;
	struct case_rec r;
	const struct kind *k;
	char **pos, *cause = NULL;
	const char *reason;
	size_t npos;
	int ret, back, no, rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 2) {
		rc = cli_usage_error(c, npos > 2 ? _("terlalu banyak argumen")
					 : npos ? _("TINDAKAN belum diberikan (done atau return)")
						: _("NOMOR atau ID belum diberikan"));
		goto out_args;
	}
	if (strcmp(pos[1], "done") != 0 && strcmp(pos[1], "return") != 0) {
		char *s = str_sanitize(pos[1], 1);
		rc = cli_usage_error(c, _("tindakan tidak dikenal '%s' (done, return)"), s);
		free(s);
		goto out_args;
	}
	back = strcmp(pos[1], "return") == 0;
	reason = cli_opt_last(&opts[O_REASON]);
	if (back && reason == NULL) {
		rc = cli_usage_error(c, _("--reason belum diberikan (alasan tidak disetujui)"));
		goto out_args;
	}
	if (!back && reason != NULL) {
		rc = cli_usage_error(c, _("--reason hanya untuk 'return'"));
		goto out_args;
	}
	rc = CLI_ERR;
	if (reason != NULL && !cli_dispose_text_ok("--reason", reason))
		goto out_args;
	if (cli_open_case(c, &a, pos[0], cli_opt_last(&opts[O_KIND]), &r, &k) != 0)
		goto out_args;
	no = r.step;
	if (back)
		ret = store_step_return(a.st, k, r.id, reason, app_login(), &cause);
	else
		ret = store_step_done(a.st, k, r.id, app_login(), &cause);
	if (ret != 0) {
		cli_cause(cause, _("gagal menyimpan"));
		goto out_case;
	}
	if (back) {
		const struct kstep *ks = kind_step(k, no);
		printf(_("Tahap %d tidak disetujui; dikembalikan ke tahap %d\n"), no,
		       ks ? ks->return_to : 0);
	} else {
		printf(_("Tahap %d selesai\n"), no);
	}
	cli_flow_state(&a, k, r.id);
	rc = CLI_OK;
out_case:
	cli_close_case(&a, &r);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* Prints the checklist: one line per requirement, ✓ ticked / ✗ missing, with
 * its note, who ticked it and when. */
static void cli_flow_reqs(struct app *a, const struct kind *k, const struct case_rec *r)
{
	struct req_rec *rq;
	size_t n;
	char *cause = NULL, *labels = NULL;
	int w = 0, missing;

	if (store_case_reqs(a->st, k, r->id, &rq, &n, &cause) != 0) {
		cli_error("%s", cause ? cause : _("gagal membaca basis data"));
		free(cause);
		return;
	}
	if (n == 0) {
		printf(_("Jenis %s tidak punya persyaratan\n"), k->key);
		reqs_free(rq, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (str_width(rq[i].req->key) > w)
			w = str_width(rq[i].req->key);
	for (size_t i = 0; i < n; i++) {
		char *label = str_sanitize(rq[i].req->label ? rq[i].req->label : "", 1);

		printf("  %s %-*s  %s%s\n", rq[i].done ? "✓" : "✗", w, rq[i].req->key,
		       label, rq[i].req->required ? "" : _(" (tidak wajib)"));
		free(label);
		if (rq[i].note != NULL || rq[i].by != NULL) {
			char ts[17] = "-", *note = str_sanitize(rq[i].note ? rq[i].note : "", 1);
			time_t t;
			struct person p;
			char *who = NULL;

			if (rq[i].at != NULL && ts_parse_utc(rq[i].at, &t) == 0)
				ts_fmt_local(t, ts);
			if (rq[i].by != NULL && store_person_get(a->st, rq[i].by, &p) == 1) {
				who = xasprintf("%s (%s)", p.name, p.login);
				person_clear(&p);
			} else {
				who = xstrdup(rq[i].by ? rq[i].by : "-");
			}
			printf("    %*s%s%s%s, %s\n", w, "", *note ? note : "", *note ? "; " : "",
			       who, ts);
			free(who);
			free(note);
		}
	}
	missing = store_reqs_missing(a->st, k, r->id, &labels);
	if (missing > 0)
		printf(_("Belum lengkap: %d persyaratan wajib\n"), missing);
	else if (missing == 0)
		printf(_("Persyaratan wajib lengkap\n"));
	free(labels);
	reqs_free(rq, n);
}

int cli_flow_req(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_KIND, O_NOTE, O_OFF };
	struct cli_opt opts[] = {
		{ "kind", 0, 1, 0, NULL }, { "note", 0, 1, 0, NULL }, { "off", 0, 0, 0, NULL },
		{ NULL, 0, 0, 0, NULL }
	};
	struct app a;
	struct case_rec r;
	const struct kind *k;
	char **pos, *cause = NULL;
	const char *note;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos < 1 || npos > 2) {
		rc = cli_usage_error(c, npos ? _("terlalu banyak argumen")
					     : _("NOMOR atau ID belum diberikan"));
		goto out_args;
	}
	note = cli_opt_last(&opts[O_NOTE]);
	if (npos == 1 && (note != NULL || opts[O_OFF].n > 0)) {
		rc = cli_usage_error(c, _("--note dan --off memerlukan KUNCI persyaratan"));
		goto out_args;
	}
	rc = CLI_ERR;
	if (note != NULL && !cli_dispose_text_ok("--note", note))
		goto out_args;
	if (cli_open_case(c, &a, pos[0], cli_opt_last(&opts[O_KIND]), &r, &k) != 0)
		goto out_args;
	if (npos == 2) {
		int on = opts[O_OFF].n == 0;

		if (store_req_set(a.st, k, r.id, pos[1], on, note, app_login(), &cause) != 0) {
			cli_cause(cause, _("gagal menyimpan"));
			goto out_case;
		}
		printf(on ? _("Persyaratan %s: ada\n") : _("Persyaratan %s: belum\n"), pos[1]);
	} else {
		printf(_("Persyaratan %s %s\n"), k->title, r.number_text ? r.number_text : r.id);
	}
	cli_flow_reqs(&a, k, &r);
	if (npos == 2)
		cli_flow_state(&a, k, r.id);
	rc = CLI_OK;
out_case:
	cli_close_case(&a, &r);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}
