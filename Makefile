# The two commands a newcomer needs: `make run` (portal with demo data) and `make test`.
PYTHON_VERSION ?= 3.12
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: setup run test bench lint assets

# A virtual environment on Python 3.12+ (pyenv's, where pyenv is used; see .python-version).
$(PY):
	python$(PYTHON_VERSION) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -c 'import sys; assert sys.version_info >= (3, 12), "Python 3.12 or newer is needed"'

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

static/build/application.css: node_modules/.package-lock.json assets/scss/application.scss
	npm run build

assets: static/build/application.css

setup: $(VENV)/.installed assets
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_approvals
	$(PY) manage.py seed_demo_reviews
	$(PY) manage.py seed_demo_publication

# The task worker runs beside the server (e-mails, checking and importing spreadsheets) and
# stops with it.
run: setup
	DEBUG=true $(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

test: $(VENV)/.installed assets
	bash scripts/test.sh

bench: $(VENV)/.installed assets
	$(PY) benchmarks/run.py
