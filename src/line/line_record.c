/* Line mode's record: the portal's fields in order through record_walk
 * (store/recordfmt.c, as the kiosk's record view and `htkp show`), each
 * section under its heading, its links as numbered lines to follow. */
#include "line/line_screen.h"
#include "common/audit.h"
#include "common/i18n.h"
#include "store/recordfmt.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record_screen {
	struct lscreen sc;
	struct record rec;
	struct lout *o;         /* while walking */
	size_t *link_of;        /* link number k + 1 opens rec.links[link_of[k]] */
	size_t shown;           /* links numbered so far */
	int land;               /* the provision to start reading at, -1: the top */
	bool skipping;          /* before it, while walking */
};

/* Links are numbered in the order they are read out (a charge's statute
 * comes before the list of laws), so the numbers go up down the record. */
static long number_link(struct record_screen *r, int link)
{
	if (!r->link_of || r->shown >= r->rec.n_links)
		return link + 1;   /* no map: the record's own order */
	r->link_of[r->shown] = (size_t)link;
	return (long)++r->shown;
}

static int print_piece(void *ctx, enum rf_kind kind, const char *label,
		       const char *value, int link)
{
	struct record_screen *r = ctx;
	struct lout *o = r->o;
	char lead[400];
	if (r->skipping && kind == RF_PART && link == r->land)
		r->skipping = false;
	if (r->skipping)
		return 0;
	/* The walk gives labels and values of ours in the reader's language
	 * (recordfmt.c), as the kiosk shows them. */
	switch (kind) {
	case RF_TITLE:
		lout_line(o, value);
		break;
	case RF_ID:
		lout_printf(o, "%s.", value);
		break;
	case RF_HEADING:
		lout_blank(o);
		/* TRANSLATORS: a heading or a label before what it heads:
		   "Fact Summary:". */
		lout_printf(o, _("%s:"), label);
		break;
	case RF_FIELD:
	case RF_SUBFIELD:
		snprintf(lead, sizeof lead, "%s", kind == RF_SUBFIELD ? "  " : "");
		snprintf(lead + strlen(lead), sizeof lead - strlen(lead), _("%s:"), label);
		strncat(lead, " ", sizeof lead - strlen(lead) - 1);
		/* The label, translated maybe, is measured by lout_text. */
		lout_text(o, lead, value, kind == RF_SUBFIELD ? 4 : 2);
		break;
	case RF_TEXT:
		lout_line(o, value);
		break;
	case RF_LINK:
		if (label) {
			snprintf(lead, sizeof lead, _("%s:"), label);
			strncat(lead, " ", sizeof lead - strlen(lead) - 1);
			lout_item_labelled(o, number_link(r, link), lead, value);
		} else {
			lout_item(o, number_link(r, link), value);
		}
		break;
	case RF_PART:
		lout_blank(o);
		if (*value) {
			snprintf(lead, sizeof lead, _("%s:"), label);
			strncat(lead, " ", sizeof lead - strlen(lead) - 1);
			lout_text(o, lead, value, 2);
		} else {
			lout_printf(o, _("%s."), label);
		}
		break;
	case RF_NOTE:
		lout_printf(o, "%s.", value);
		break;
	}
	return o->stopped;   /* a pause answered with a command: stop walking */
}

static void record_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct record_screen *r = (struct record_screen *)sc;
	if (again) {
		/* TRANSLATORS: a record's id and its title. */
		static const char *const back_at[DB_COUNT] = {
			[DB_CASES] = N_("Back at case %s: %s."),
			[DB_LEGISLATION] = N_("Back at law %s: %s."),
			[DB_BIBLIOGRAPHY] = N_("Back at publication %s: %s."),
		};
		const char *title = record_value(&r->rec, "title"), *id = record_value(&r->rec, "id");
		lout_printf(&s->out, _(back_at[r->rec.db]), id ? id : "", title ? title : "");
		return;
	}
	r->o = &s->out;
	r->shown = 0;
	/* Opened from a charge's statute: read from that provision, as the
	 * kiosk opens there; r reads the whole record from its top. */
	r->skipping = r->land >= 0;
	if (r->skipping) {
		const char *title = record_value(&r->rec, "title");
		/* TRANSLATORS: a law's title and the article read first; r is
		   the key. */
		lout_printf(&s->out, _("%s, from article %s. Type r to read it from the top."),
			    title ? title : "", r->rec.prov[r->land].article);
	}
	int rc = record_walk(&r->rec, print_piece, r);
	r->land = -1;
	if (rc == 0)
		lout_line(&s->out, _("End of the record."));
}

static void record_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct record_screen *r = (struct record_screen *)sc;
	(void)s;
	snprintf(buf, len, "%s", r->rec.n_links
		 ? _("Type a link's number to open it, r to read it again, b to go back, h for home")
		 : _("r to read it again, b to go back, h for home"));
}

static struct lact record_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	struct record_screen *r = (struct record_screen *)sc;
	long n = line_number(line, (long)r->rec.n_links);
	if (n) {
		size_t k = r->link_of && (size_t)n <= r->shown ? r->link_of[n - 1] : (size_t)n - 1;
		const struct record_link *l = &r->rec.links[k];
		return (struct lact){LACT_PUSH, line_record_at(s, l->db, l->rowid, l->article)};
	}
	if (line_number(line, 999999999)) {
		if (r->rec.n_links)
			/* TRANSLATORS: %s is the number typed, %zu how many links
			   the record has. */
			lout_printf(&s->out, _("There is no link %s: the links are 1 to %zu."),
				    line, r->rec.n_links);
		else
			lout_line(&s->out, _("This record has no links to follow."));
		return LACT(LACT_NONE);
	}
	return LACT(LACT_UNHANDLED);
}

static void record_destroy(struct lscreen *sc)
{
	struct record_screen *r = (struct record_screen *)sc;
	record_free(&r->rec);
	free(r->link_of);
	free(r);
}

static const struct lscreen_ops record_ops = {record_show, record_prompt, record_input,
					      record_destroy, NULL};

struct lscreen *line_record_new(struct lsession *s, int db, long rowid)
{
	return line_record_at(s, db, rowid, NULL);
}

struct lscreen *line_record_at(struct lsession *s, int db, long rowid, const char *article)
{
	struct record_screen *r = calloc(1, sizeof *r);
	if (!r) {
		lout_line(&s->out, _("Out of memory."));
		return NULL;
	}
	r->sc.ops = &record_ops;
	int rc = store_record(s->store, db, rowid, &r->rec);
	if (rc != 0) {
		lout_line(&s->out, rc > 0 ? _("That record is no longer in the database.")
					  : store_error(s->store));
		free(r);
		return NULL;
	}
	r->land = record_provision(&r->rec, article);
	/* Without the map (out of memory) links keep the record's order. */
	r->link_of = r->rec.n_links ? calloc(r->rec.n_links, sizeof *r->link_of) : NULL;
	audit_record_opened(db, record_value(&r->rec, "id"));
	return &r->sc;
}
