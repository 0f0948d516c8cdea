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
