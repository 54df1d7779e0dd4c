# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
.PHONY: run test coverage setup

run:
	@scripts/run.sh

test:
	@scripts/test.sh

coverage:
	@scripts/coverage.sh

setup:
	@scripts/setup.sh --test
