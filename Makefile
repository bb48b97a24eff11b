# eventwire: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= eventwire.db

.PHONY: run test install bench clean

$(BIN)/eventwire: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (eventwire needs Python 3.11)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(BIN)/eventwire

install: $(BIN)/eventwire

run: install
	$(BIN)/eventwire ingest examples/corpus --db $(DB)
	$(BIN)/eventwire summary --db $(DB)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
