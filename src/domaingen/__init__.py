"""domaingen: one typed domain DSL compiled to Python, Go, Rust and TypeScript."""

__version__ = "0.1.0"
