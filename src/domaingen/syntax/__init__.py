"""Syntax stage: grammar, layout post-lexer, literals and the syntax tree."""
