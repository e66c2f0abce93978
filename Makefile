# Quick start: `make serve` starts the mock server; `make test` runs the whole test suite.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-python lint lint-spec docs bench conformance clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/python -m mockserver $(ARGS)

test: $(STAMP) lint lint-spec test-python

# The modules that hold rules and arithmetic only (no framework): type-checked in strict mode.
STRICT_MODULES := mockserver/domain mockserver/ratelimit.py mockserver/idempotency.py mockserver/clock.py \
	mockserver/envelope.py mockserver/cors.py mockserver/ids.py mockserver/versioning.py mockserver/operations.py mockserver/routing.py mockserver/schema_messages.py \
	mockserver/store.py mockserver/statecodec.py mockserver/webhooks/rules.py
# The Redis-native stores (issue 12): thin over redis-py, which ships its types.
STRICT_MODULES += mockserver/redis_backend/keys.py mockserver/redis_backend/ratelimit.py mockserver/redis_backend/idempotency.py \
	mockserver/redis_backend/requestlog.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy --strict $(STRICT_MODULES)

test-python: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint-spec:
	bash scripts/lint_spec.sh

docs: $(STAMP)
	bash scripts/build_docs.sh

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# The conformance kit against a freshly started local mock (manual clock: the kit advances it).
conformance: $(STAMP)
	bash scripts/conformance_against_mock.sh $(ARGS)

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info
