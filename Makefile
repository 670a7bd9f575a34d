# The README's two commands: `make run` (set up and serve) and `make test` (every check).
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
BOOTSTRAP_PYTHON ?= $(shell command -v python3.13 || command -v python3.12 || command -v python3)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
SEED_ARTICLE := seeds/000_d27454c361ced20d.txt

.PHONY: install setup run serve test test-sqlite test-postgres lint reset backup restore

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(BOOTSTRAP_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12) and "Python >= 3.12 is required; found " + sys.version.split()[0])'
	$(BOOTSTRAP_PYTHON) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.lock
	touch $@

# axe-core, for the accessibility check of the browser tests.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the accessibility check in the browser tests will be skipped" >&2; \
	fi

setup: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_seeds
	$(PYTHON) manage.py ingest --sync $(SEED_ARTICLE)
	$(PYTHON) manage.py create_editor

run: setup serve

# The web server and the task worker together; Ctrl-C stops both. The worker is named
# HOST:PID so that `reclaim_tasks` can tell when it died and requeue its task.
serve:
	@trap 'kill 0' INT TERM EXIT; \
	$(PYTHON) manage.py reclaim_tasks; \
	sh -c 'exec $(PYTHON) manage.py db_worker --queue-name "*" --worker-id "$$(hostname):$$$$"' & \
	$(PYTHON) manage.py runserver 127.0.0.1:8000 & \
	wait

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test-sqlite: install
	$(VENV)/bin/pytest

test-postgres: install
	@if $(PYTHON) -c "import psycopg; psycopg.connect('$(POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(POSTGRES_URL) $(VENV)/bin/pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(POSTGRES_URL): CI requires the PostgreSQL run." >&2; exit 1; \
	else \
		echo "!!! PostgreSQL is not reachable at $(POSTGRES_URL): SKIPPING the PostgreSQL run !!!" >&2; \
	fi

test: lint test-sqlite test-postgres

# Start again from an empty database (the seeds are loaded again by `make setup`).
reset:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm

# Backups of whatever DATABASE_URL names (SQLite or PostgreSQL), every row with its id, as
# compressed XML (Django's JSON keeps times to the millisecond only; XML keeps them whole);
# see the README's "Backups" (pg_dump for large PostgreSQL databases). Sessions are left out.
BACKUP ?= backups/timeline-$(shell date +%Y%m%d-%H%M%S).xml.gz
DUMPDATA_ARGS := --format xml --exclude sessions --exclude timeline.timelineversion

backup:
	@mkdir -p $(dir $(BACKUP))
	$(PYTHON) manage.py dumpdata $(DUMPDATA_ARGS) --output $(BACKUP)
	@echo "backup written to $(BACKUP)"

# Replaces everything in the database with the backup: make restore FROM=backups/….xml.gz
restore:
	@test -n "$(FROM)" || { echo "usage: make restore FROM=backups/timeline-….xml.gz" >&2; exit 2; }
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py restore_backup $(FROM)
