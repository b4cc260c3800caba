# htkp: the terminal edition of the Human Trafficking Knowledge Portal.
#   make          build htkp, htkp-import and the sample database
#   make run      start the kiosk on the sample database
#   make check    every test, ending with "N passed, M failed, K skipped";
#                 T=tests/e2e/cli.sh (or a unit binary) runs only that one
#   make mutants  break the code in known ways (tests/mutants.list): every
#                 break must be caught by a test
#   make bench    benchmarks (bytes per screen, query timings)
#   make install  PREFIX, DESTDIR, sysconfdir (dbpath, screenspath) honoured
#   make deb      the Debian package (debian/), checked by lintian
#   make test-deb      install, upgrade and purge it in a bookworm chroot
#   make test-cluster  three front-ends behind HAProxy, a publish midway
# Missing Debian packages are installed (as root) or named (otherwise) by
# scripts/deps.sh before anything is compiled.

PREFIX     ?= /usr/local
bindir     ?= $(PREFIX)/bin
datadir    ?= $(PREFIX)/share
mandir     ?= $(datadir)/man
sysconfdir ?= $(PREFIX)/etc
pkgdatadir  = $(datadir)/htkp
# What the installed htkp.ini names: the database and the screens
# directories (a:b, searched in order; the Debian package puts
# /etc/htkp/screens first).
dbpath      ?= $(pkgdatadir)/htkp.db
screenspath ?= $(pkgdatadir)/screens
localedir   ?= $(datadir)/locale

VERSION = 0.1
CC     ?= cc
CFLAGS ?= -O2 -g
SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Recursive (=) on purpose: these are expanded only in recipes, after
# scripts/deps.sh has made sure pkg-config and the libraries are there.
PC_CFLAGS = $(filter-out -D%,$(shell pkg-config --cflags ncursesw sqlite3 inih libseccomp))
PC_LIBS   = $(shell pkg-config --libs ncursesw sqlite3 inih libseccomp) -lunistring -lm
ALL_CFLAGS = -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
             -DHTKP_VERSION='"$(VERSION)"' -DSYSCONFDIR='"$(sysconfdir)"' \
             -Isrc -Ibuild $(PC_CFLAGS) $(CPPFLAGS) $(CFLAGS)

# One folder per layer (README: "The code"). The kiosk is every layer but
# the importer; the importer is its own folder plus what both share.
KIOSK_DIRS  = common query store ui line cli
IMPORT_DIRS = common import
KIOSK_SRC  = $(foreach d,$(KIOSK_DIRS),$(wildcard src/$(d)/*.c))
IMPORT_SRC = $(foreach d,$(IMPORT_DIRS),$(wildcard src/$(d)/*.c))
LIB_SRC    = $(filter-out src/cli/main.c,$(KIOSK_SRC))
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=build/%) $(UNIT_SRC:tests/unit/%.c=build/asan/%)

SAMPLE_DB  = db/htkp.db
# The shipped sample, in htkp/2 (its htkp/1 original is a test file:
# tests/data/sample-v1.json).
SEED       = db/seed/sample.json

# The interface's translations (README: "Translating htkp"): one po/LANG.po
# per language, compiled to build/locale/LANG/LC_MESSAGES/htkp.mo, where
# the shipped htkp.ini's [display] translations points.
LINGUAS = ar es fr ru zh
MO      = $(LINGUAS:%=build/locale/%/LC_MESSAGES/htkp.mo)
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --sort-by-file --add-location=file \
	--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
	--keyword=ngettext:1,2 --add-comments=TRANSLATORS: \
	--package-name=htkp --package-version=$(VERSION)

.PHONY: pot update-po all run check mutants bench fuzz install uninstall clean deps-build deps-test lint FORCE \
	deb test-deb test-cluster deps-deb deps-bench
.DELETE_ON_ERROR:

all: htkp htkp-import $(SAMPLE_DB) $(MO)

build/locale/%/LC_MESSAGES/htkp.mo: po/%.po | deps-build
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
# What translators work from: every marked string of the kiosk.
pot: | deps-build
	xgettext $(XGETTEXT_FLAGS) -o po/htkp.pot $(sort $(KIOSK_SRC))
# Brings each po/LANG.po up to po/htkp.pot (new strings untranslated,
# changed ones fuzzy), for its translator.
update-po: pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none po/$$l.po po/htkp.pot || exit 1; done

# Before compiling anything, check everything the goals will need, so that
# one apt-get line covers it all.
DEPS_SET = $(if $(filter fuzz,$(MAKECMDGOALS)),fuzz,$(if $(filter bench,$(MAKECMDGOALS)),bench,$(if $(filter check lint,$(MAKECMDGOALS)),test,build)))
deps-build:
	@scripts/deps.sh $(DEPS_SET)
deps-test:
	@scripts/deps.sh test
deps-bench:
	@scripts/deps.sh bench

build/%.o: src/%.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@
build/asan/%.o: src/%.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -MMD -MP -c $< -o $@

# main.c has sysconfdir built in: rebuild it when PREFIX or sysconfdir change.
build/sysconfdir: FORCE
	@mkdir -p $(@D)
	@echo '$(sysconfdir)' | cmp -s - $@ || echo '$(sysconfdir)' > $@
build/cli/main.o build/asan/cli/main.o: build/sysconfdir
FORCE:

# The loader carries the schema inside it; the kiosk compares a file's
# schema with it.
LOADER_SRC = $(wildcard src/import/*.c) src/store/store.c
$(LOADER_SRC:src/%.c=build/%.o) $(LOADER_SRC:src/%.c=build/asan/%.o) build/debug/store/store.o: build/schema_sql.h
build/schema_sql.h: db/schema.sql scripts/embed-sql.sh
	@mkdir -p $(@D)
	scripts/embed-sql.sh $< > $@

htkp: $(KIOSK_SRC:src/%.c=build/%.o)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PC_LIBS) -o $@
htkp-import: $(IMPORT_SRC:src/%.c=build/%.o)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PC_LIBS) -pthread -o $@
build/asan/htkp: $(KIOSK_SRC:src/%.c=build/asan/%.o)
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) $^ $(PC_LIBS) -o $@
build/asan/htkp-import: $(IMPORT_SRC:src/%.c=build/asan/%.o)
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) $^ $(PC_LIBS) -pthread -o $@

# For tests/e2e/hardening.sh only: hooks that act as an exploited kiosk
# would (HTKP_DEBUG_HOOKS). Release builds never contain them.
DEBUG_SRC = src/cli/sandbox.c src/store/store.c
build/debug/%.o: src/%.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DHTKP_DEBUG_HOOKS -MMD -MP -c $< -o $@
build/debug/htkp: $(filter-out $(DEBUG_SRC:src/%.c=build/%.o),$(KIOSK_SRC:src/%.c=build/%.o)) \
		  $(DEBUG_SRC:src/%.c=build/debug/%.o)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PC_LIBS) -o $@

# The sample database, rebuilt whenever the seed or the loader changes.
$(SAMPLE_DB): htkp-import $(SEED)
	./htkp-import -o $@ $(SEED)

build/test_%: tests/unit/test_%.c $(LIB_SRC:src/%.c=build/%.o) | deps-test
	$(CC) $(ALL_CFLAGS) $^ $(PC_LIBS) $(shell pkg-config --cflags --libs cmocka) -o $@
build/asan/test_%: tests/unit/test_%.c $(LIB_SRC:src/%.c=build/asan/%.o) | deps-test
	$(CC) $(ALL_CFLAGS) $(SAN) $^ $(PC_LIBS) $(shell pkg-config --cflags --libs cmocka) -o $@

run: all
	./htkp -c config/htkp.ini

# Independent test programs run side by side, TEST_JOBS (3) at a time.
check: all build/asan/htkp build/asan/htkp-import build/debug/htkp $(UNIT_BIN) | deps-test
	@tests/run.sh $(T)

# Each mutant is built and tested in a scratch copy of the tree;
# M=PATTERN runs only the mutants whose description matches.
mutants: | deps-test
	@tests/mutants.sh $(if $(M),-m '$(M)')

bench: all | deps-bench
	@bench/run.sh

lint: | deps-test
	mandoc -T lint -W warning man/*

# Coverage-guided fuzzing of query.c, text.c, config.c and the importer's
# checks (clang, libFuzzer; tests/fuzz/README.md):
# make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60
fuzz: | deps-build
	tests/fuzz/run.sh $(FUZZ_SECONDS)

install: all
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(pkgdatadir)/screens \
	  $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5 $(DESTDIR)$(sysconfdir)
	install -m 755 htkp htkp-import $(DESTDIR)$(bindir)
	install -m 644 screens/*.txt $(DESTDIR)$(pkgdatadir)/screens
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(localedir)/$$l/LC_MESSAGES $(DESTDIR)$(pkgdatadir)/screens/$$l && \
	  install -m 644 build/locale/$$l/LC_MESSAGES/htkp.mo $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/ && \
	  install -m 644 screens/$$l/*.txt $(DESTDIR)$(pkgdatadir)/screens/$$l || exit 1; \
	done
	install -m 644 $(SAMPLE_DB) $(DESTDIR)$(pkgdatadir)/htkp.db
	install -m 644 man/*.1 $(DESTDIR)$(mandir)/man1
	install -m 644 man/*.5 $(DESTDIR)$(mandir)/man5
	sed -e 's|^path = db/htkp.db|path = $(dbpath)|' \
	    -e 's|^screens = screens|screens = $(screenspath)|' \
	    -e 's|^translations = build/locale|translations = $(localedir)|' \
	    config/htkp.ini > $(DESTDIR)$(sysconfdir)/htkp.ini

uninstall:
	rm -f $(DESTDIR)$(bindir)/htkp $(DESTDIR)$(bindir)/htkp-import \
	  $(DESTDIR)$(mandir)/man1/htkp.1 $(DESTDIR)$(mandir)/man1/htkp-import.1 \
	  $(DESTDIR)$(mandir)/man5/htkp.ini.5 $(DESTDIR)$(sysconfdir)/htkp.ini
	rm -rf $(DESTDIR)$(pkgdatadir)
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/htkp.mo; done

# The Debian package (debian/), built by dpkg-buildpackage in a copy of
# the tree under build/deb/ (its clean step would empty build/ here),
# then checked by lintian --pedantic: build/deb/htkp_VERSION_ARCH.deb.
deb: | deps-deb
	@scripts/build-deb.sh build/deb
# Install, upgrade with a session open, purge: in a debootstrapped
# bookworm under build/deb-test/ (tests/deb/install_upgrade_purge.sh).
test-deb: deb
	@TEST_TIMEOUT=900 tests/run.sh tests/deb/install_upgrade_purge.sh
# Three front-ends in network namespaces behind HAProxy, a publish in
# the middle of 30 sessions (tests/cluster/frontends.sh).
test-cluster: all | deps-deb
	@TEST_TIMEOUT=600 tests/run.sh tests/cluster/frontends.sh
deps-deb:
	@scripts/deps.sh deb

clean:
	rm -rf build htkp htkp-import $(SAMPLE_DB) db/htkp.db.tmp-*

-include $(wildcard build/*/*.d build/asan/*/*.d build/debug/*/*.d)
