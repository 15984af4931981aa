# Sociale Kaart: bouwen, bekijken en testen.
#
#   make site    installeert wat nodig is en bouwt de site naar output/
#   make serve   installeert wat nodig is en start de lokale webserver
#   make test    installeert ook Chromium, Java en wdutch (als die ontbreken) en draait
#                de JavaScript-tests (node --test) en pytest
#
# Installeren gebeurt maar één keer: een "stempelbestand" onthoudt dat het gelukt
# is, en pas als pyproject.toml of package-lock.json verandert, gebeurt het opnieuw.
# Alles opnieuw vanaf nul: make clean

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY   := $(VENV)/bin/python
PIP  := $(PY) -m pip
APP  := $(VENV)/bin/sociale-kaart

# Stempels: bestaan = "deze installatie is gedaan en nog actueel".
SITE_STAMP := $(VENV)/.stamp-site
TEST_STAMP := $(VENV)/.stamp-test
NPM_STAMP  := node_modules/.stamp-npm

# Adres waarop `sociale-kaart serve` de site laat zien.
SERVE_URL ?= http://127.0.0.1:8000/

# Extra argumenten voor pytest, bijvoorbeeld: make test PYTEST_ARGS='-k zoeken -x'
PYTEST_ARGS ?=

# Als root is sudo niet nodig (en in CI vaak ook niet aanwezig).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help site serve test install system-deps clean golden

help:
	@echo "Gebruik:"
	@echo "  make site    bouw de site naar output/"
	@echo "  make serve   start de lokale webserver ($(SERVE_URL))"
	@echo "  make test    installeer alles wat de tests nodig hebben en draai pytest"
	@echo "  make golden  leg de huidige uitvoer vast als verwachte uitvoer (tests/golden/)"
	@echo "  make clean   verwijder .venv/, node_modules/ en output/"

# --- Installatie ---------------------------------------------------------

# Python-omgeving voor dit project.
$(PY):
	python3 -m venv $(VENV)

# Het project zelf (bewerkbaar: wijzigingen in generator/ werken meteen).
$(SITE_STAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e .
	touch $@

# Idem, plus de test-extra's (pytest, playwright, beautifulsoup4).
$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test]'
	touch $@

# JavaScript: lunr (zoeken, gaat mee in de site), axe-core en vnu (tests).
# --ignore-scripts: vnu-jar wil anders zelf een Java downloaden.
$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

install: $(SITE_STAMP) $(NPM_STAMP)

# Systeempakketten voor de tests: alleen installeren wat ontbreekt. wdutch is de
# Nederlandse woordenlijst (OpenTaal) waarmee zoeken samenstellingen splitst.
# Nooit `playwright install`: de tests gebruiken Debians chromium.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null     || missing="$$missing openjdk-17-jre-headless"; \
	test -f /usr/share/dict/nederlands || missing="$$missing wdutch"; \
	if [ -n "$$missing" ]; then \
		echo "Systeempakketten installeren:$$missing"; \
		$(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			-o DPkg::Lock::Timeout=300 --no-install-recommends $$missing; \
	fi

# --- Doelen --------------------------------------------------------------

site: install
	$(APP) build
	@echo
	@echo "De site staat in output/. Bekijken:"
	@echo "  $(APP) serve      (of: make serve)"
	@echo "en open dan $(SERVE_URL) in je browser."

serve: install
	$(APP) serve

# Eerst de JavaScript-kern (Node, zonder browser), dan alle Python- en browsertests.
test: system-deps $(TEST_STAMP) $(NPM_STAMP)
	node --test --test-reporter=spec tests/js/*.test.js
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules output

# Leg de uitvoer van een bouw vast als de nieuwe verwachte uitvoer (tests/golden/).
# Alleen na een bewuste wijziging; tests/test_golden.py vergelijkt elke bouw hiermee.
golden: $(TEST_STAMP) $(NPM_STAMP)
	$(PY) -m tests.golden_output
