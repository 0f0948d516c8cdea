# The two commands of the README quick start. Both install what they need.
.PHONY: example test setup

setup:
	@./scripts/setup.sh

# Check, test and generate the bundled example (dsl/ -> generated/).
example: setup
	domaingen check dsl/
	domaingen test dsl/
	domaingen generate

# The whole test suite (what CI runs).
test: setup
	python3 -m pytest -q

# Benchmarks: figures in bench/RESULTS.md (see docs/performance.md).
.PHONY: bench
bench: setup
	npm ci --prefix tools
	npm ci --prefix bench/speed/ts --ignore-scripts
	python3 -m pip install --require-hashes -r bench/requirements-bench.txt
	python3 bench/frontend.py --write
	python3 bench/generate.py --write
	python3 bench/generated_speed.py --write
	python3 bench/wasm.py --write
