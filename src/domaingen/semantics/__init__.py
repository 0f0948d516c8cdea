"""Target-independent semantics shared by the reference interpreter and the
generated Python packages (bit-exact float functions, ECMAScript number text)."""
