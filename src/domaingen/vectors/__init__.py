"""Test vectors: calls with canonical-JSON arguments and the interpreter's outcome.

`inputs` generates arguments from parameter types, `build` records vectors
from DSL tests and generated inputs and writes `generated/vectors/*.json`,
`outcome` prints an outcome line the same way every replay driver does,
`canonical` feeds the builder's own JSON to the strict decoder quickly.
"""
