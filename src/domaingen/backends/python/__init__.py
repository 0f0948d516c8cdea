"""The Python target: frozen dataclasses, enums, checked runtime, black-formatted."""
