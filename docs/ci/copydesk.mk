# copydesk.mk: include it from your Makefile (include copydesk.mk) to check articles with make.
#   make check-articles                 # text findings; fails on errors
#   make check-articles-report          # JUnit and SARIF reports in reports/, for CI
COPYDESK ?= copydesk
ARTICLES ?= content
COPYDESK_FLAGS ?=

.PHONY: check-articles check-articles-report

check-articles:
	$(COPYDESK) validate $(COPYDESK_FLAGS) $(ARTICLES)

check-articles-report:
	@mkdir -p reports
	$(COPYDESK) validate $(COPYDESK_FLAGS) --format junit --output reports/copydesk-junit.xml --exit-zero $(ARTICLES)
	$(COPYDESK) validate $(COPYDESK_FLAGS) --format sarif --output reports/copydesk.sarif $(ARTICLES)
