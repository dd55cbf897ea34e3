# berkas: build, run, test, install. See README.md.
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share/berkas
MANDIR   ?= $(PREFIX)/share/man

CC       ?= cc
SAN      ?= 0
VALGRIND ?= 0
BUILD    ?= build$(if $(filter 1,$(SAN)),-san,)

PKGS     := ncursesw formw menuw panelw sqlite3
DEBPKGS  := build-essential pkg-config libncurses-dev libsqlite3-dev sqlite3 libcsv-dev \
            libiniparser-dev libcmocka-dev tmux gettext valgrind

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS   ?= -O2 -g
CFLAGS   += -pthread -std=c11 -Wall -Wextra -Wshadow -Wno-unused-parameter -D_GNU_SOURCE \
            -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
            -DBERKAS_SHAREDIR='"$(SHAREDIR)"' -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS   += $(PKG_LIBS) -lcsv -liniparser -pthread
ifeq ($(SAN),1)
CFLAGS   += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif

CORE_SRC := $(sort $(wildcard src/core/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UI_SRC   := $(sort $(wildcard src/ui/*.c))
CORE_OBJ := $(CORE_SRC:src/%.c=$(BUILD)/%.o)
APP_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/%.o) $(UI_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/main.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN      := $(BUILD)/berkas
LIB      := $(BUILD)/libberkas.a

.PHONY: all deps run check check-unit check-cli check-tui bench install uninstall clean

all: deps $(BIN)

# Installs the Debian packages berkas needs when they are missing (as root), or
# prints the exact command to run.
deps:
	@sh tests/deps.sh $(DEBPKGS)

$(BUILD)/%.o: src/%.c $(wildcard include/*.h) $(wildcard src/ui/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(LDLIBS)
	@ln -sf $(notdir $(BUILD))/berkas berkas 2>/dev/null || true

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(LIB) $(LDLIBS) -lcmocka

# Opens the TUI on a demo database in ./demo (made on first run): letters,
# cooperatives and service cases in every state (delete demo/ to make it anew).
run: all
	@mkdir -p demo
	@if [ ! -f demo/berkas.db ]; then \
	  BERKAS_DB=demo/berkas.db ./$(BIN) init >/dev/null && \
	  BERKAS_DB=demo/berkas.db ./$(BIN) demo --letters 300 --koperasi 200 --layanan 120; fi
	BERKAS_DB=demo/berkas.db ./$(BIN)

check: all $(UNIT_BIN)
	@BUILD=$(BUILD) VALGRIND=$(VALGRIND) SAN=$(SAN) sh tests/run.sh

check-unit check-cli check-tui: all $(UNIT_BIN)
	@BUILD=$(BUILD) VALGRIND=$(VALGRIND) SAN=$(SAN) sh tests/run.sh $(@:check-%=%)

bench: all
	sh tests/bench/run.sh $(BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/forms $(DESTDIR)$(SHAREDIR)/data \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/berkas
	install -m 644 forms/*.ini $(DESTDIR)$(SHAREDIR)/forms/
	install -m 644 data/*.csv $(DESTDIR)$(SHAREDIR)/data/
	install -m 644 man/berkas.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/berkas-forms.5 $(DESTDIR)$(MANDIR)/man5/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/berkas $(DESTDIR)$(MANDIR)/man1/berkas.1 \
	  $(DESTDIR)$(MANDIR)/man5/berkas-forms.5
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build build-san berkas
