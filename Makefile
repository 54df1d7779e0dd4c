# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
# `make bench` runs the benchmarks (bench/run.sh) and rewrites BENCHMARKS.md.
.PHONY: run test bench coverage setup

run:
	@scripts/run.sh

test:
	@scripts/test.sh

bench:
	@bench/run.sh

coverage:
	@scripts/coverage.sh

setup:
	@scripts/setup.sh --test
