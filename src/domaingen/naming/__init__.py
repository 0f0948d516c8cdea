"""Naming: a pass between the checked IR and the backends.

`words` splits DSL identifiers once; `scheme` re-cases them per target and
role and escapes reserved words; `collisions` reports names that would
become one identifier (DG110).
"""
