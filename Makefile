# RecruitFlow — every target does its own set-up. `make run` and `make test` are all a fresh
# machine needs (plus a JDK 21+, Node 20+ and, for the browser tests, Chromium — which
# `make test` installs through apt-get when run as root).

SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/find-jdk.sh)
export JAVA_HOME
ifeq ($(JAVA_HOME),)
$(error No JDK 21 or newer found; see the message above)
endif

MVNW := cd backend && ./mvnw -B -ntp
JAR := backend/target/recruitflow.jar

.PHONY: help run dev test test-backend test-frontend e2e package frontend-build bench chaos clean

help:
	@echo "make run    build everything and serve the app with demo data on http://localhost:8080"
	@echo "make test   every test: backend (./mvnw verify), frontend unit tests, browser end-to-end tests"
	@echo "make dev    backend (dev profile, GraphiQL) + Vite dev server on http://localhost:5173"
	@echo "make e2e    only the browser end-to-end tests"
	@echo "make bench  performance figures against the packaged app (minutes); QUICK=1 for small sizes, ONLY=reads,reply,trigger for some, REPLY_RATE=20 webhooks/s"
	@echo "make chaos  crashes, provider faults and webhook floods: nothing lost, nothing doubled"

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend-build: frontend/node_modules/.installed
	cd frontend && npm run build

# The jar embeds the built SPA (frontend/dist → static/) and the schema (schema/ → graphql/).
package: frontend-build
	$(MVNW) -DskipTests package

run: package
	@echo "Starting RecruitFlow on http://localhost:$${SERVER_PORT:-8080} (Ctrl-C stops it; data in $${RECRUITFLOW_DATA_DIR:-./data})"
	@exec "$(JAVA_HOME)/bin/java" @backend/jvm.options -jar $(JAR)

dev: frontend/node_modules/.installed
	@trap 'kill 0' EXIT INT TERM; \
	(cd backend && ./mvnw -B -ntp spring-boot:run -Dspring-boot.run.profiles=dev \
	    -Dspring-boot.run.jvmArguments="-Drecruitflow.data-dir=$(CURDIR)/data") & \
	(cd frontend && npm run dev) & \
	wait

test: frontend-build test-backend test-frontend e2e

# verify also packages the jar (with the SPA just built) that the end-to-end tests start.
test-backend:
	$(MVNW) verify

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test

e2e: frontend/node_modules/.installed
	@[ -f $(JAR) ] || $(MAKE) package
	scripts/ensure-chromium.sh
	cd frontend && npm run e2e

BENCH_RUN = cd bench && ../backend/mvnw -B -ntp -q package && cd .. && \
	"$(JAVA_HOME)/bin/java" -cp "bench/target/classes:bench/target/lib/*"

bench: package
	$(BENCH_RUN) io.recruitflow.bench.Bench $(if $(QUICK),--quick) $(if $(ONLY),--only=$(ONLY)) $(if $(REPLY_RATE),--reply-rate=$(REPLY_RATE))

chaos: package
	$(BENCH_RUN) io.recruitflow.bench.Chaos $(if $(QUICK),--quick)

clean:
	$(MVNW) clean
	rm -rf frontend/dist frontend/src/gql frontend/test-results frontend/playwright-report bench/target
